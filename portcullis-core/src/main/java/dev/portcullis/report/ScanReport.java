package dev.portcullis.report;

import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Verdict;
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
 * @param deep what {@code --deep} inspected, or null when the scan was not deep
 * @param policyFile the policy file the scan read (as the user named it), or null for the built-in defaults
 */
public record ScanReport(String toolVersion, LockfileSummary lockfile, PolicyResult result, Footprint footprint,
                         List<String> unchecked, List<RuleDescriptor> rules, Deep deep, String policyFile)
        implements Report {

    /** One package's verdict from its content ({@code --deep}). */
    public record PackageVerdict(String name, String version, Verdict verdict) {
        public PackageVerdict {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /**
     * The content inspection of {@code scan --deep}.
     *
     * @param inspected how many packages were fetched and analysed
     * @param packages the packages whose verdict is review or block, sorted by name and version
     */
    public record Deep(int inspected, List<PackageVerdict> packages) {
        public Deep {
            packages = List.copyOf(packages);
        }
    }

    /** A scan that was not deep. */
    public ScanReport(String toolVersion, LockfileSummary lockfile, PolicyResult result, Footprint footprint,
                      List<String> unchecked, List<RuleDescriptor> rules) {
        this(toolVersion, lockfile, result, footprint, unchecked, rules, null, null);
    }

    /** A scan with the built-in default policy. */
    public ScanReport(String toolVersion, LockfileSummary lockfile, PolicyResult result, Footprint footprint,
                      List<String> unchecked, List<RuleDescriptor> rules, Deep deep) {
        this(toolVersion, lockfile, result, footprint, unchecked, rules, deep, null);
    }

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
