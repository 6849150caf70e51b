package dev.portcullis.model;

import java.util.Collection;

/**
 * How a package's findings become one verdict. Lives in {@code model} so that stages before {@code policy}
 * (the package analysis) can offer {@code verdict(...)} without depending on the policy package; the standard
 * implementation is {@code policy.VerdictThresholds}.
 */
public interface VerdictPolicy {
    Verdict verdict(Collection<Finding> findings);
}
