package dev.portcullis.model;

/** Flags that a lockfile records on a package instance (npm's dev/optional/peer/inBundle and their equivalents). */
public enum PackageFlag {
    /** Needed only by development dependencies. */
    DEV,
    /** Needed only through optional dependencies; may be absent on this platform. */
    OPTIONAL,
    /** Needed only as a peer dependency. */
    PEER,
    /** Shipped inside another package's tarball (bundleDependencies), not fetched separately. */
    BUNDLED
}
