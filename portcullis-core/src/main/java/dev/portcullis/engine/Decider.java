package dev.portcullis.engine;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Severity;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyEngine;
import dev.portcullis.policy.PolicyResult;
import java.time.LocalDate;
import java.util.List;

/**
 * The decide stage: findings and the run's policy → the result (severity overrides, ignores with expiry, pass or
 * fail at the policy's threshold) and a package's verdict (allow, review, block) from its decided findings.
 */
public final class Decider {
    private final Policy policy;
    private final PolicyEngine engine;

    public Decider(Policy policy, LocalDate today) {
        this.policy = policy;
        this.engine = new PolicyEngine(policy, today);
    }

    /** The run's decider, failing at {@code failOn} instead of the policy's threshold when it is given. */
    public static Decider of(Portcullis portcullis, Severity failOn) {
        Policy policy = failOn == null ? portcullis.policy() : portcullis.policy().withFailOn(failOn);
        return new Decider(policy, portcullis.today());
    }

    public Policy policy() {
        return policy;
    }

    /** The policy applied to {@code findings}, with a finding for every expired ignore of the policy. */
    public PolicyResult decide(List<Finding> findings) {
        return engine.decide(findings);
    }

    /**
     * The policy applied to one package's findings. Expired ignores concern the policy, not the package: they are
     * left out here and reported once for the run.
     */
    public PolicyResult decidePackage(List<Finding> findings) {
        PolicyResult decided = engine.decide(findings);
        List<Finding> own = decided.findings().stream().filter(f -> !f.rule().equals(PolicyEngine.EXPIRED_IGNORE))
                .toList();
        return new PolicyResult(own, decided.ignored(), decided.failOn(),
                own.stream().noneMatch(f -> f.severity().atLeast(decided.failOn())));
    }

    /** The verdict of a package whose decided findings these are. */
    public Verdict verdict(List<Finding> decided) {
        return policy.verdict().verdict(decided);
    }
}
