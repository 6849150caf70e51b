package dev.portcullis.analysis.meta;

import dev.portcullis.model.Durations;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code meta/too-new}: the version was published less than the policy's {@code minReleaseAge} ago. Applies to every
 * locked entry: a frozen CI install of a lockfile written an hour ago installs the hour-old version just the same.
 * High by default, so that the gate fails the run at the default {@code failOn: high} — that is what a minimum
 * release age is for.
 */
public final class TooNew implements MetadataRule {
    static final RuleDescriptor RULE = new RuleDescriptor("meta/too-new", Severity.HIGH,
            "Version published more recently than the policy's minimum release age",
            "Most malicious versions (hijacked accounts, worm-published patches) are found and removed within "
                    + "hours or days of publication; waiting a few days before installing a new version lets the "
                    + "registry, scanners and the community catch them first.",
            "Lock the previous version until this one is old enough, or accept it with an ignore entry once "
                    + "reviewed; `minReleaseAge` in portcullis.yml sets the age (default 3d).");

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
            sink.notChecked(RULE, "the registry " + m.registry() + " does not date some versions");
            return;
        }
        Duration age = Duration.between(published, m.now());
        Duration min = m.settings().minReleaseAge();
        if (age.compareTo(min) < 0) {
            sink.report(RULE, m, m.id() + " was published " + Ages.describe(age) + " ago (" + published
                    + "), less than the policy's minReleaseAge of " + Durations.format(min), null);
        }
    }

    /** A version younger than the minimum stops being reported at that age; its wording ages meanwhile. */
    @Override
    public Optional<Instant> changesAt(PackageMetadata m) {
        Instant published = m.dated() ? m.published().orElse(null) : null;
        if (published == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(published, m.now());
        Instant grownUp = published.plus(m.settings().minReleaseAge());
        if (!m.now().isBefore(grownUp)) {
            return Optional.empty(); // old enough, and only older from now on
        }
        Instant reworded = m.now().plus(Ages.untilChange(age));
        return Optional.of(reworded.isBefore(grownUp) ? reworded : grownUp);
    }
}
