package dev.portcullis.model;

import java.util.Objects;

/**
 * A resolved dependency: {@code from} (an importer or package key) requires {@code name} with {@code spec}
 * and the lockfile resolves it to {@code to} (a package key, or an importer key for workspace links).
 */
public record Edge(String from, String to, String name, String spec, DependencyType type) {
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(type, "type");
    }
}
