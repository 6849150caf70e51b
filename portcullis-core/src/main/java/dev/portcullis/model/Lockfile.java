package dev.portcullis.model;

import java.util.Objects;

/**
 * A lockfile read into a graph.
 *
 * @param file path relative to the project root, forward slashes
 * @param format which format
 * @param formatVersion the version the file declares ({@code 3}, {@code 9.0}, {@code 8} for berry's __metadata …)
 * @param graph the packages and how they are connected
 */
public record Lockfile(String file, LockfileFormat format, String formatVersion, DependencyGraph graph) {
    public Lockfile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(formatVersion, "formatVersion");
        Objects.requireNonNull(graph, "graph");
    }
}
