package dev.portcullis.lockfile.bun;

import dev.portcullis.model.DeclaredDependency;
import java.util.List;
import java.util.Objects;

/** One entry of bun.lock's {@code workspaces:}; path "" is the root. */
record BunWorkspace(String path, String name, List<DeclaredDependency> declared) {
    BunWorkspace {
        Objects.requireNonNull(path, "path");
        declared = List.copyOf(declared);
    }
}
