package dev.portcullis.report;

import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.project.Footprint;
import java.util.List;
import java.util.Objects;

/**
 * Everything a scan has to say, in the order reporters print it.
 *
 * @param toolVersion Portcullis's version
 * @param lockfile the lockfile scanned, or null when there is none
 * @param result the policy's decision over the findings
 * @param footprint the dependency footprint
 * @param unchecked what could not be checked (offline, not found …), one sentence each
 * @param rules the rule catalogue (SARIF lists it; text uses it for "why")
 */
public record ScanReport(String toolVersion, LockfileSummary lockfile, PolicyResult result, Footprint footprint,
                         List<String> unchecked, List<RuleDescriptor> rules) {

    /** Which lockfile was read: path, format id ({@code npm}, {@code pnpm} …) and the version it declares. */
    public record LockfileSummary(String file, String format, String version) {
    }

    public ScanReport {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(footprint, "footprint");
        unchecked = List.copyOf(unchecked);
        rules = List.copyOf(rules);
    }
}
