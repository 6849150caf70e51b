package dev.portcullis.policy;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Severity;
import java.util.List;
import java.util.Objects;

/**
 * The decision over a run's findings.
 *
 * @param findings what remains after severity overrides and ignores, in report order
 * @param ignored findings an ignore accepted, each with that ignore
 * @param failOn the threshold applied
 * @param passed true when no remaining finding is at or above the threshold
 */
public record PolicyResult(List<Finding> findings, List<Ignored> ignored, Severity failOn, boolean passed) {

    /** A finding and the policy entry that accepted it. */
    public record Ignored(Finding finding, Policy.Ignore ignore) {
    }

    public PolicyResult {
        findings = List.copyOf(findings);
        ignored = List.copyOf(ignored);
        Objects.requireNonNull(failOn, "failOn");
    }
}
