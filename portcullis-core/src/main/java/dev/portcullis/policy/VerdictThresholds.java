package dev.portcullis.policy;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Severity;
import dev.portcullis.model.Verdict;
import dev.portcullis.model.VerdictPolicy;
import java.util.Collection;
import java.util.Objects;

/**
 * How findings become one package's verdict: any finding at {@code block} or worse blocks the package, any at
 * {@code review} or worse sends it to review, anything milder is information and the package is allowed.
 */
public record VerdictThresholds(Severity block, Severity review) implements VerdictPolicy {
    public VerdictThresholds {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(review, "review");
        if (!block.atLeast(review)) {
            throw new IllegalArgumentException("the block threshold (" + block.id()
                    + ") must be at least as severe as the review threshold (" + review.id() + ")");
        }
    }

    /** Critical findings block, high ones need a person, medium and below are reported only. */
    public static VerdictThresholds defaults() {
        return new VerdictThresholds(Severity.CRITICAL, Severity.HIGH);
    }

    @Override
    public Verdict verdict(Collection<Finding> findings) {
        Verdict verdict = Verdict.ALLOW;
        for (Finding finding : findings) {
            if (finding.severity().atLeast(block)) {
                return Verdict.BLOCK;
            }
            if (finding.severity().atLeast(review)) {
                verdict = Verdict.REVIEW;
            }
        }
        return verdict;
    }
}
