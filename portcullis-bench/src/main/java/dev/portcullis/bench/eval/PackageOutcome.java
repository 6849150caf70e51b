package dev.portcullis.bench.eval;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.VerdictThresholds;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The analysis of one corpus package: its verdict under the default thresholds and the findings behind it, or
 * the error that kept it from being read.
 *
 * @param label    what the report calls it: a sample directory or {@code name@version}
 * @param verdict  the verdict; {@code null} when {@code error} is set
 * @param findings every finding, most severe first
 * @param bytes    unpacked bytes of its regular files
 * @param error    why the package could not be analysed, or {@code null}
 */
public record PackageOutcome(String label, Verdict verdict, List<Finding> findings, long bytes, String error) {
    public static final VerdictThresholds THRESHOLDS = VerdictThresholds.defaults();

    /** Most severe first (severities are declared from most severe), then the report order. */
    private static final Comparator<Finding> SEVERITY_FIRST = Comparator
            .comparing((Finding f) -> f.severity().ordinal()).thenComparing(Finding.ORDER);

    public PackageOutcome {
        Objects.requireNonNull(label, "label");
        findings = findings.stream().sorted(SEVERITY_FIRST).toList();
    }

    static PackageOutcome analysed(String label, List<Finding> findings, long bytes) {
        return new PackageOutcome(label, THRESHOLDS.verdict(findings), findings, bytes, null);
    }

    static PackageOutcome failed(String label, String error) {
        return new PackageOutcome(label, null, List.of(), 0, error);
    }

    /** The findings at or above the review threshold: the ones that decided a review or block verdict. */
    public List<Finding> deciding() {
        return findings.stream().filter(f -> f.severity().atLeast(THRESHOLDS.review())).toList();
    }

    /** Each rule id that fired at least once, in severity order. */
    public Set<String> rulesHit() {
        Set<String> ids = new LinkedHashSet<>();
        findings.forEach(f -> ids.add(f.rule().id()));
        return ids;
    }
}
