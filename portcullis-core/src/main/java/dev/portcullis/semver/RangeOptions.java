package dev.portcullis.semver;

/**
 * node-semver's range options. {@code loose} accepts the sloppy forms found in old registry data
 * ({@code =1.2.3}, {@code 1.2.3beta}, leading zeros); {@code includePrerelease} lets prereleases satisfy ranges
 * whose comparators do not name the same major.minor.patch with a prerelease.
 */
public record RangeOptions(boolean loose, boolean includePrerelease) {
    /** What npm uses when resolving dependencies: strict, prereleases only where the range names them. */
    public static final RangeOptions DEFAULT = new RangeOptions(false, false);
}
