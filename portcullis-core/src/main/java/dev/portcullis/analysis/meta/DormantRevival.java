package dev.portcullis.analysis.meta;

import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code meta/dormant-revival}: this version came after a year or more without any release — the pattern of an
 * abandoned package taken over (expired maintainer domain, handed-over account). Only revivals that are themselves
 * recent (published less than the dormancy period ago) are reported: a revival from years back has been installed
 * and looked at since.
 */
public final class DormantRevival implements MetadataRule {
    static final RuleDescriptor RULE = new RuleDescriptor("meta/dormant-revival", Severity.MEDIUM,
            "New version after a year or more without releases",
            "Attackers take over abandoned packages (an expired e-mail domain, a handed-over account) and publish a "
                    + "new version to every project that still depends on them; a release after a long silence is "
                    + "the moment to look.",
            "Check who published the new version and what changed (`portcullis inspect NAME@VERSION`, the "
                    + "repository's history); stay on the previous version until satisfied.");

    @Override
    public RuleDescriptor rule() {
        return RULE;
    }

    @Override
    public void check(PackageMetadata m, MetadataSink sink) {
        if (!m.datedFor(RULE, sink)) {
            return;
        }
        Instant published = m.published().orElse(null);
        if (published == null) {
            return;
        }
        Duration dormant = m.settings().dormantAfter();
        if (Duration.between(published, m.now()).compareTo(dormant) >= 0) {
            return;
        }
        Instant before = null;
        for (Instant t : m.summary().get().time().published().values()) {
            if (t.isBefore(published) && (before == null || t.isAfter(before))) {
                before = t;
            }
        }
        if (before != null && Duration.between(before, published).compareTo(dormant) >= 0) {
            sink.report(RULE, m, m.id() + " was published " + published + " after " + Ages.describe(
                    Duration.between(before, published)) + " without any release (the one before: " + before + ")",
                    null);
        }
    }
}
