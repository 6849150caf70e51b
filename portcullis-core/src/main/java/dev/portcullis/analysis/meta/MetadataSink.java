package dev.portcullis.analysis.meta;

import dev.portcullis.model.Finding;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what the rules of one run report: findings, and for each rule the first reason it could not check
 * with how many packages that applied to — so that a run says once per rule that a field was missing, not once per
 * package. Thread-safe: the engine checks packages in parallel.
 */
public final class MetadataSink {
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, NotChecked> notChecked = new TreeMap<>();

    /** A rule that could not check some packages: the first reason, and how many packages. */
    public record NotChecked(String rule, String reason, int packages) {
    }

    /** Reports a finding at the rule's default severity. */
    public void report(RuleDescriptor rule, PackageMetadata metadata, String message, String evidence) {
        report(rule, rule.defaultSeverity(), metadata, message, evidence);
    }

    public void report(RuleDescriptor rule, Severity severity, PackageMetadata metadata, String message,
                       String evidence) {
        findings.add(new Finding(rule, severity, metadata.name(), metadata.version(), message, metadata.location(),
                evidence));
    }

    /** Says that {@code rule} could not judge this package, and why (the registry omits a field …). */
    public synchronized void notChecked(RuleDescriptor rule, String reason) {
        notChecked.merge(rule.id(), new NotChecked(rule.id(), reason, 1),
                (a, b) -> new NotChecked(a.rule(), a.reason(), a.packages() + 1));
    }

    public List<Finding> findings() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    /** One sentence per rule that could not check something, sorted by rule id. */
    public synchronized List<String> notChecked() {
        List<String> lines = new ArrayList<>();
        for (NotChecked n : notChecked.values()) {
            lines.add(n.rule() + ": " + n.reason() + "; not checked (" + n.packages() + " package(s))");
        }
        return lines;
    }
}
