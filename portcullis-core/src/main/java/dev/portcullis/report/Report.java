package dev.portcullis.report;

/**
 * What a command has to say, in one of a closed set of shapes; every {@link Reporter} renders each of them, so a new
 * report (diff, verify, sbom) is one permitted record plus one case per reporter, which the compiler asks for.
 */
public sealed interface Report permits ScanReport, InspectReport, DiffReport, SbomReport, VerifyReport {
    /** Portcullis's version, printed by every format. */
    String toolVersion();
}
