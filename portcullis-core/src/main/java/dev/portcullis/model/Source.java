package dev.portcullis.model;

import java.util.Objects;

/** Where a locked package comes from. */
public sealed interface Source {

    /**
     * A registry tarball. {@code tarballUrl} is null when the lockfile omits it
     * (npm's omit-lockfile-registry-resolved, pnpm, bun): the package then comes from the configured registry.
     */
    record Registry(String tarballUrl) implements Source {
    }

    /** A git repository, with the commit the lockfile pins when it pins one. */
    record Git(String url, String committish) implements Source {
        public Git {
            Objects.requireNonNull(url, "url");
        }
    }

    /** A tarball fetched from an arbitrary http(s) URL rather than a registry. */
    record RemoteTarball(String url) implements Source {
        public RemoteTarball {
            Objects.requireNonNull(url, "url");
        }
    }

    /** A directory or tarball on the local disk ({@code file:} or {@code link:}); path as written, relative to the lockfile. */
    record Local(String path, boolean link) implements Source {
        public Local {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A package of this project's own workspace; path relative to the project root. */
    record Workspace(String path) implements Source {
        public Workspace {
            Objects.requireNonNull(path, "path");
        }
    }
}
