package dev.portcullis.model;

import java.util.Objects;

/** A dependency as a manifest (or a lockfile's copy of one) declares it: {@code "name": "spec"}. */
public record DeclaredDependency(String name, String spec, DependencyType type, Location location) {
    public DeclaredDependency {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
    }
}
