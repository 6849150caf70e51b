package dev.portcullis.report;

import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.verify.Identity;
import java.util.List;
import java.util.Objects;

/**
 * What {@code portcullis verify} found: the installed tree against the lockfile and the published tarballs, the
 * registry signatures and the provenance of every locked registry package.
 *
 * @param lockfile the lockfile's path relative to the project
 * @param format its format's id ({@code npm}, {@code pnpm} …)
 * @param counts what was checked
 * @param result the policy's decision over the findings
 * @param provenance every version whose provenance verified, with who built it, sorted by name and version
 * @param unchecked what could not be checked, one sentence each (no node_modules, no registry keys, a tarball that
 *     could not be had); with {@code failOnUnchecked} any of it fails the run with exit 3
 * @param notes what is worth knowing without being a gap
 * @param rules the verify rules (SARIF lists them)
 * @param failOnUnchecked whether anything unchecked fails the run
 * @param policyFile the policy file read, or null for the built-in defaults
 */
public record VerifyReport(String toolVersion, String lockfile, String format, Counts counts, PolicyResult result,
                           List<Provenance> provenance, List<String> unchecked, List<String> notes,
                           List<RuleDescriptor> rules, boolean failOnUnchecked, String policyFile) implements Report {
    public VerifyReport {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(lockfile, "lockfile");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(result, "result");
        provenance = List.copyOf(provenance);
        unchecked = List.copyOf(unchecked);
        notes = List.copyOf(notes);
        rules = List.copyOf(rules);
    }

    /**
     * @param locked registry and remote packages the lockfile names (distinct name@version)
     * @param installed package directories found under node_modules
     * @param filesCompared installed packages compared file by file with their tarball
     * @param signaturesVerified versions whose registry signature verified
     * @param provenanceVerified versions whose provenance verified
     */
    public record Counts(int locked, int installed, int filesCompared, int signaturesVerified,
                         int provenanceVerified) {
    }

    /** A version with verified provenance and who built it. */
    public record Provenance(String name, String version, Identity identity) {
        public Provenance {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** Whether the gate stays closed because something could not be checked. */
    public boolean blockedByUnchecked() {
        return failOnUnchecked && !unchecked.isEmpty();
    }

    public boolean passedGate() {
        return !blockedByUnchecked() && result.passed();
    }
}
