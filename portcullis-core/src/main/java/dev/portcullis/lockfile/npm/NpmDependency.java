package dev.portcullis.lockfile.npm;

import dev.portcullis.model.DependencyType;
import java.util.Objects;

/** One {@code "name": "spec"} of an entry's dependency sections (npm v2/v3) or its {@code requires} (v1). */
record NpmDependency(String name, String spec, DependencyType type, int line) {
    NpmDependency {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(type, "type");
    }
}
