package dev.portcullis.engine;

import java.nio.file.Path;
import java.util.Objects;

/** What a {@code portcullis diff} run compares. */
public sealed interface DiffOptions {
    /** Two packages: {@code name@version} (a dist-tag or a range too), a .tgz file or a directory each. */
    record Packages(String from, String to) implements DiffOptions {
        public Packages {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** Two lockfiles of any format: every registry package whose version changed, was added or removed. */
    record Lockfiles(Path from, Path to) implements DiffOptions {
        public Lockfiles {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** The project's lockfile at a git revision against the one in the working tree. */
    record Base(String gitRef) implements DiffOptions {
        public Base {
            Objects.requireNonNull(gitRef, "gitRef");
        }
    }
}
