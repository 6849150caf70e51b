package dev.portcullis.model;

import java.util.List;
import java.util.Objects;

/**
 * A root of the graph: the project itself ({@code path} is {@code "."}) or one of its workspaces
 * ({@code packages/a}). Its key in the graph is its path.
 *
 * @param path the directory relative to the project root, {@code "."} for the root
 * @param name the package name, or null when the lockfile does not record it
 * @param declared the dependencies as the lockfile recorded them for this importer (pnpm's specifiers,
 *                 npm's root package entry, yarn berry's workspace entry, bun's workspaces), or null when
 *                 the format does not record them
 */
public record Importer(String path, String name, List<DeclaredDependency> declared) {
    public static final String ROOT = ".";

    public Importer {
        Objects.requireNonNull(path, "path");
        declared = declared == null ? null : List.copyOf(declared);
    }

    public boolean isRoot() {
        return ROOT.equals(path);
    }
}
