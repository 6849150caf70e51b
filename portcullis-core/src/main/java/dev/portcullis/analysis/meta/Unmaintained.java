package dev.portcullis.analysis.meta;

import dev.portcullis.model.Durations;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code meta/unmaintained}: no version of the package was released for the policy's {@code unmaintainedAfter}
 * (default three years). Low: many small packages are simply finished; the finding points at a dependency nobody
 * will patch, and one open to takeover.
 */
public final class Unmaintained implements MetadataRule {
    static final RuleDescriptor RULE = new RuleDescriptor("meta/unmaintained", Severity.LOW,
            "No release for a long time",
            "A package without releases for years gets no security fixes, and its maintainers' accounts and "
                    + "domains are the ones attackers take over.",
            "Prefer a maintained alternative where one exists; `unmaintainedAfter` in portcullis.yml sets the "
                    + "period (default 3y), and `rules: {meta/unmaintained: off}` turns the rule off.");

    @Override
    public RuleDescriptor rule() {
        return RULE;
    }

    @Override
    public void check(PackageMetadata m, MetadataSink sink) {
        if (!m.datedFor(RULE, sink)) {
            return;
        }
        Instant last = m.summary().get().time().published().values().stream().max(Instant::compareTo).orElseThrow();
        Duration silent = Duration.between(last, m.now());
        if (silent.compareTo(m.settings().unmaintainedAfter()) >= 0) {
            sink.report(RULE, m, m.name() + " has had no release for " + Ages.describe(silent) + " (last: " + last
                    + "; the policy's unmaintainedAfter is " + Durations.format(m.settings().unmaintainedAfter())
                    + ")", null);
        }
    }

    /** A package becomes unmaintained when its silence reaches the period; once reported, its wording ages. */
    @Override
    public Optional<Instant> changesAt(PackageMetadata m) {
        if (!m.dated()) {
            return Optional.empty();
        }
        Instant last = m.summary().get().time().published().values().stream().max(Instant::compareTo).orElseThrow();
        Instant due = last.plus(m.settings().unmaintainedAfter());
        return Optional.of(m.now().isBefore(due) ? due : m.now().plus(Ages.untilChange(Duration.between(last,
                m.now()))));
    }
}
