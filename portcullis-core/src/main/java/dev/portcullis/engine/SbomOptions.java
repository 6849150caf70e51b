package dev.portcullis.engine;

/**
 * What an {@code sbom} run adds to the lockfile's facts.
 *
 * @param deep read each registry package's tarball (verified, through the cache) for the licenses its package.json
 *     declares
 * @param serialNumber give the document a random {@code urn:uuid:} serial number (it is then not reproducible)
 * @param timestamp date the document with the run's clock (it is then not reproducible)
 */
public record SbomOptions(boolean deep, boolean serialNumber, boolean timestamp) {
}
