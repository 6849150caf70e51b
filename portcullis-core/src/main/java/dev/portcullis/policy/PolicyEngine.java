package dev.portcullis.policy;

import dev.portcullis.model.Finding;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Applies a policy to findings: severity overrides, rules turned off, ignores (with expiry), the threshold. */
public final class PolicyEngine {

    public static final RuleDescriptor EXPIRED_IGNORE = new RuleDescriptor("policy/expired-ignore", Severity.MEDIUM,
            "An ignore in portcullis.yml has expired",
            "Ignores are temporary by design: when one expires, the finding it accepted counts again and the "
                    + "decision to accept it should be made anew.",
            "Fix the underlying finding, or renew the ignore with a new 'until' date and an up-to-date reason.");

    private final Policy policy;
    private final LocalDate today;

    /** @param today the date expiry is judged against (injected so that runs and tests are reproducible) */
    public PolicyEngine(Policy policy, LocalDate today) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.today = Objects.requireNonNull(today, "today");
    }

    public static final RuleDescriptor DENIED = new RuleDescriptor("policy/denied", Severity.CRITICAL,
            "A package version named by a deny entry of portcullis.yml",
            "The organisation decided this version must not be installed (a deny: entry with its reason), "
                    + "whatever its content and metadata say; the registry firewall never serves it either.",
            "Move to another version (the reason says why this one is denied), or remove the deny entry if the "
                    + "reason no longer holds.");

    public static List<RuleDescriptor> rules() {
        return List.of(EXPIRED_IGNORE, DENIED);
    }

    public PolicyResult decide(List<Finding> raw) {
        List<Finding> findings = new ArrayList<>();
        List<PolicyResult.Ignored> ignored = new ArrayList<>();
        for (Policy.Ignore ignore : policy.ignores()) {
            if (expired(ignore)) {
                findings.add(Finding.of(EXPIRED_IGNORE, ignore.packageName(), ignore.version(),
                        "the ignore of " + ignore.rule() + (ignore.packageName() == null ? "" : " for "
                                + ignore.packageName()) + " expired on " + ignore.until() + " (reason given: "
                                + ignore.reason() + ")", ignore.location()));
            }
        }
        for (Finding finding : raw) {
            Policy.RuleOverride override = policy.rules().get(finding.rule().id());
            if (override != null && override.severity() == null) {
                continue;
            }
            Finding adjusted = override == null ? finding : finding.withSeverity(override.severity());
            Policy.Ignore ignore = matchingIgnore(adjusted);
            if (ignore != null) {
                ignored.add(new PolicyResult.Ignored(adjusted, ignore));
            } else {
                findings.add(adjusted);
            }
        }
        findings.sort(Finding.ORDER);
        ignored.sort((a, b) -> Finding.ORDER.compare(a.finding(), b.finding()));
        boolean passed = findings.stream().noneMatch(f -> f.severity().atLeast(policy.failOn()));
        return new PolicyResult(findings, ignored, policy.failOn(), passed);
    }

    private boolean expired(Policy.Ignore ignore) {
        return ignore.until() != null && today.isAfter(ignore.until());
    }

    private Policy.Ignore matchingIgnore(Finding finding) {
        for (Policy.Ignore ignore : policy.ignores()) {
            if (expired(ignore) || !ignore.rule().equals(finding.rule().id())) {
                continue;
            }
            if (ignore.packageName() != null && !ignore.packageName().equals(finding.packageName())) {
                continue;
            }
            if (ignore.version() != null && !ignore.version().equals(finding.version())) {
                continue;
            }
            if (ignore.file() != null && !ignore.file().equals(finding.location().file())) {
                continue;
            }
            return ignore;
        }
        return null;
    }
}
