package dev.portcullis.engine;

import dev.portcullis.model.Severity;
import dev.portcullis.report.ScanReport;

/**
 * What a scan is asked to do beyond its {@link Run} (project, policy, offline).
 *
 * @param failOn overrides the policy's threshold, or null
 * @param deep also fetch and analyse the content of every registry package of the graph
 * @param gate report-only ({@code --fail-on none}) and whether what could not be checked fails the run
 */
public record ScanOptions(Severity failOn, boolean deep, ScanReport.Gate gate) {
    public ScanOptions {
        java.util.Objects.requireNonNull(gate, "gate");
    }

    /** A scan decided by the policy's verdict alone. */
    public ScanOptions(Severity failOn, boolean deep) {
        this(failOn, deep, ScanReport.Gate.POLICY);
    }
}
