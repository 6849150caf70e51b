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
 * @param unchecked what could not be checked (registry unreachable, metadata not cached offline, advisory database
 *     damaged, a tarball not fetched), one sentence each saying what and why: with {@link Gate#failOnUnchecked}
 *     any of it fails the run with exit 3
 * @param rules the rule catalogue (SARIF lists it; text uses it for "why")
 * @param deep what {@code --deep} inspected, or null when the scan was not deep
 * @param notes what is worth knowing without being a gap (another lockfile present, the advisory source used, a
 *     rule that found its field absent from the registry's documents), one sentence each
 * @param gate how the exit code is decided beyond the policy's verdict
 * @param policyFile the policy file the scan read (as the user named it), or null for the built-in defaults
 */
public record ScanReport(String toolVersion, LockfileSummary lockfile, PolicyResult result, Footprint footprint,
                         List<String> unchecked, List<RuleDescriptor> rules, Deep deep, List<String> notes,
                         Gate gate, String policyFile) implements Report {

    /**
     * How the exit code is decided beyond the policy.
     *
     * @param reportOnly {@code --fail-on none}: findings never fail the run (errors and, with
     *     {@code failOnUnchecked}, checks not made still do)
     * @param failOnUnchecked {@code --fail-on-unchecked}, the default when the {@code CI} environment variable is
     *     set: anything in {@link #unchecked()} fails the run with exit 3, because a gate that could not look must
     *     not open
     */
    public record Gate(boolean reportOnly, boolean failOnUnchecked) {
        /** The policy's verdict alone decides. */
        public static final Gate POLICY = new Gate(false, false);
    }

    /** Whether the gate stays closed because something could not be checked. */
    public boolean blockedByUnchecked() {
        return gate.failOnUnchecked() && !unchecked.isEmpty();
    }

    /** Whether the run passes the gate: nothing unchecked that fails it, and the policy passed or only reports. */
    public boolean passedGate() {
        return !blockedByUnchecked() && (gate.reportOnly() || result.passed());
    }

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
        this(toolVersion, lockfile, result, footprint, unchecked, rules, null);
    }

    /** A scan without notes, decided by the policy alone, with the built-in default policy. */
    public ScanReport(String toolVersion, LockfileSummary lockfile, PolicyResult result, Footprint footprint,
                      List<String> unchecked, List<RuleDescriptor> rules, Deep deep) {
        this(toolVersion, lockfile, result, footprint, unchecked, rules, deep, List.of(), Gate.POLICY, null);
    }

    /** A scan without notes, decided by the policy alone. */
    public ScanReport(String toolVersion, LockfileSummary lockfile, PolicyResult result, Footprint footprint,
                      List<String> unchecked, List<RuleDescriptor> rules, Deep deep, String policyFile) {
        this(toolVersion, lockfile, result, footprint, unchecked, rules, deep, List.of(), Gate.POLICY, policyFile);
    }

    /** A scan with the built-in default policy. */
    public ScanReport(String toolVersion, LockfileSummary lockfile, PolicyResult result, Footprint footprint,
                      List<String> unchecked, List<RuleDescriptor> rules, Deep deep, List<String> notes, Gate gate) {
        this(toolVersion, lockfile, result, footprint, unchecked, rules, deep, notes, gate, null);
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
        notes = List.copyOf(notes);
        Objects.requireNonNull(gate, "gate");
    }
}
