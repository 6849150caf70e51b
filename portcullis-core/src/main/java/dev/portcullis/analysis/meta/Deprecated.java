package dev.portcullis.analysis.meta;

import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;

/** {@code meta/deprecated}: the locked version is deprecated by its maintainers; low, the message says why. */
public final class Deprecated implements MetadataRule {
    static final RuleDescriptor RULE = new RuleDescriptor("meta/deprecated", Severity.LOW,
            "Deprecated version",
            "Maintainers deprecate versions that are broken, insecure or superseded, and sometimes to warn that a "
                    + "version was compromised; the message says which.",
            "Read the deprecation message and move to the version or package it recommends.");

    @Override
    public RuleDescriptor rule() {
        return RULE;
    }

    @Override
    public void check(PackageMetadata m, MetadataSink sink) {
        m.versionFacts().flatMap(d -> d.deprecated()).ifPresent(message -> sink.report(RULE, m, m.id()
                + " is deprecated: " + (message.length() > 300 ? message.substring(0, 300) + "…" : message), null));
    }
}
