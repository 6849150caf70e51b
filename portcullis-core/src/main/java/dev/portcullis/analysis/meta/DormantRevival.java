package dev.portcullis.analysis.meta;

import dev.portcullis.model.Finding;
import dev.portcullis.model.LifecycleScripts;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.registry.PackageSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code meta/dormant-revival}: this version came after a year or more without any release — the moment an
 * abandoned package taken over (expired maintainer domain, handed-over account) reaches every project that still
 * depends on it. A long gap alone is common for finished packages, so alone it is information; it is a risk when the
 * same version also changes something a take-over changes (see {@link #grade}). Only revivals that are themselves
 * recent (published less than the dormancy period ago) are reported: a revival from years back has been installed
 * and looked at since.
 */
public final class DormantRevival implements MetadataRule {
    static final RuleDescriptor RULE = new RuleDescriptor("meta/dormant-revival", Severity.INFO,
            "New version after a year or more without releases",
            "Attackers take over abandoned packages (an expired e-mail domain, a handed-over account) and publish a "
                    + "new version to every project that still depends on them. A long silence alone is common for "
                    + "finished packages (information); it is a risk when the same version also has a new publisher "
                    + "or maintainers, a new install script or dropped provenance (high), or new dependencies or, in "
                    + "its content, capabilities such as network or process access (medium; high when two meet).",
            "Check who published the new version and what changed (`portcullis inspect NAME@VERSION`, the "
                    + "repository's history); stay on the previous version until satisfied.");

    /** A change met in the revived version, and whether it is a take-over signal on its own (high). */
    public record Change(String description, boolean severe) {
    }

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
            List<Change> changes = changes(m);
            sink.report(RULE, grade(changes), m, m.id() + " was published " + published + " after "
                    + Ages.describe(Duration.between(before, published)) + " without any release (the one before: "
                    + before + ")" + describe(changes), null);
        }
    }

    /**
     * The severity of a revival that meets these changes: info alone; high with a take-over signal (new publisher
     * or maintainers, new install script, provenance dropped) or with two changes of any kind; medium with one other
     * change (new dependencies, capabilities in its content).
     */
    public static Severity grade(List<Change> changes) {
        if (changes.isEmpty()) {
            return Severity.INFO;
        }
        return changes.size() >= 2 || changes.stream().anyMatch(Change::severe) ? Severity.HIGH : Severity.MEDIUM;
    }

    /** "; in the same version: a, b" for the message, or "" when nothing else changed. */
    public static String describe(List<Change> changes) {
        return changes.isEmpty() ? "" : "; in the same version: "
                + String.join("; ", changes.stream().map(Change::description).toList());
    }

    /**
     * A revival finding of this version graded once more with what its content analysis found
     * ({@code scan --deep}, {@code inspect}): content findings (capabilities such as network or process access, or
     * worse) are one more change; other findings are returned as they are.
     */
    public static Finding withContent(Finding finding, List<Finding> content) {
        List<String> rules = content.stream().map(f -> f.rule().id()).filter(id -> id.startsWith("content/"))
                .distinct().sorted().toList();
        if (!finding.rule().id().equals(RULE.id()) || rules.isEmpty()) {
            return finding;
        }
        Severity graded = switch (finding.severity()) {
            case INFO, LOW -> Severity.MEDIUM;
            case MEDIUM, HIGH, CRITICAL -> Severity.HIGH;
        };
        String message = finding.message() + (finding.message().contains("; in the same version: ") ? "; " :
                "; in the same version: ") + "content with " + String.join(", ", rules);
        return new Finding(finding.rule(), graded.atLeast(finding.severity()) ? graded : finding.severity(),
                finding.packageName(), finding.version(), message, finding.location(), finding.evidence());
    }

    /** What else the revived version changes, from the registry's document (its content is judged by the engine). */
    static List<Change> changes(PackageMetadata m) {
        List<Change> changes = new ArrayList<>();
        PublisherChange.change(m).ifPresent(c -> changes.add(new Change(c.message(), true)));
        PackageSummary.VersionFacts doc = m.versionFacts().orElseThrow();
        Optional<PackageSummary.VersionFacts> previous = m.previous();
        if (previous.isPresent() && !m.summary().get().abbreviated()) {
            Set<String> added = new TreeSet<>(doc.installScripts().keySet());
            added.removeAll(previous.get().installScripts().keySet());
            added.retainAll(LifecycleScripts.FROM_TARBALL);
            if (!added.isEmpty()) {
                changes.add(new Change("new install script(s) " + String.join(", ", added) + " that "
                        + previous.get().version() + " did not have", true));
            }
        }
        if (!doc.attested()) {
            m.earlier().stream().filter(PackageSummary.VersionFacts::attested) // in semver order: the last is the latest
                    .map(PackageSummary.VersionFacts::version).reduce((first, second) -> second)
                    .ifPresent(v -> changes.add(new Change("no provenance attestation, which " + v + " had", true)));
        }
        if (previous.isPresent()) {
            Set<String> added = new TreeSet<>(doc.dependencyNames());
            added.removeAll(previous.get().dependencyNames());
            if (!added.isEmpty()) {
                changes.add(new Change("new dependencies " + String.join(", ", added) + " that "
                        + previous.get().version() + " did not have", false));
            }
        }
        return changes;
    }

    /** A revival is judged only while the version is younger than the dormant period: it ends then. */
    @Override
    public Optional<Instant> changesAt(PackageMetadata m) {
        Instant published = m.dated() ? m.published().orElse(null) : null;
        if (published == null) {
            return Optional.empty();
        }
        Instant ends = published.plus(m.settings().dormantAfter());
        return m.now().isBefore(ends) ? Optional.of(ends) : Optional.empty();
    }
}
