package dev.portcullis.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One result of a rule. A finding is a normal outcome, never an exception.
 *
 * @param rule the rule that produced it
 * @param severity effective severity (the rule's default unless the policy overrides it)
 * @param packageName the package concerned, or null for project-level findings
 * @param version that package's version, or null
 * @param message what was found, one or two sentences, specific to this occurrence
 * @param location where, as precisely as known
 * @param evidence what was seen, quoted or decoded (a code snippet, a decoded payload), or null when the message
 *     says it all; bounded by whoever produces it
 */
public record Finding(RuleDescriptor rule, Severity severity, String packageName, String version,
                      String message, Location location, String evidence) {

    /** Report order: file, line, rule, package, version, message — deterministic across runs. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparing(f -> f.rule().id())
            .thenComparing(f -> Objects.toString(f.packageName(), ""))
            .thenComparing(f -> Objects.toString(f.version(), ""))
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    /** A finding without evidence beyond its message. */
    public Finding(RuleDescriptor rule, Severity severity, String packageName, String version, String message,
                   Location location) {
        this(rule, severity, packageName, version, message, location, null);
    }

    /** A finding with the rule's default severity. */
    public static Finding of(RuleDescriptor rule, String packageName, String version, String message, Location location) {
        return new Finding(rule, rule.defaultSeverity(), packageName, version, message, location);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, packageName, version, message, location, evidence);
    }
}
