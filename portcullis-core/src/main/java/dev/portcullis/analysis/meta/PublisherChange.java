package dev.portcullis.analysis.meta;

import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.registry.PackageSummary;
import dev.portcullis.registry.Packument;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code meta/publisher-change}: the account that published this version ({@code _npmUser}) never published the
 * package before, or the maintainer list differs from the previous version's. Registries that strip
 * {@code _npmUser} and {@code maintainers} (mirrors) leave nothing to compare: the run says so once.
 */
public final class PublisherChange implements MetadataRule {
    static final RuleDescriptor RULE = new RuleDescriptor("meta/publisher-change", Severity.MEDIUM,
            "Version published by a new account, or the maintainers changed",
            "Hijacked packages are typically published from an account that never published them before, or "
                    + "after a maintainer was added; legitimate hand-overs happen too, so this asks for a look.",
            "Confirm the change with the project (release notes, repository, announcements) before upgrading; "
                    + "accept it with an ignore entry for this version once confirmed.");

    @Override
    public RuleDescriptor rule() {
        return RULE;
    }

    @Override
    public void check(PackageMetadata m, MetadataSink sink) {
        PackageSummary.VersionFacts doc = m.versionFacts().orElse(null);
        if (doc == null) {
            return;
        }
        if (doc.npmUser().isEmpty() && doc.maintainerKeys().isEmpty()) {
            sink.notChecked(RULE, "the registry " + m.registry() + " does not publish _npmUser or maintainers");
            return;
        }
        change(m).ifPresent(c -> sink.report(RULE, m, c.message(), c.evidence()));
    }

    /** What changed: who published, or who maintains. */
    record Change(String message, String evidence) {
    }

    /**
     * The publisher or maintainer change of this version, if any: a publisher ({@code _npmUser}) who never
     * published the package before, else a maintainer list that differs from the previous version's. Empty where
     * the registry sends neither, and for a first release.
     */
    static Optional<Change> change(PackageMetadata m) {
        PackageSummary.VersionFacts doc = m.versionFacts().orElse(null);
        if (doc == null) {
            return Optional.empty();
        }
        Optional<Packument.Person> publisher = doc.npmUser();
        Optional<Set<String>> maintainers = doc.maintainerKeys();
        List<PackageSummary.VersionFacts> earlier = publishedBefore(m);
        if (earlier.isEmpty()) {
            return Optional.empty(); // the first release: nobody to compare with
        }
        if (publisher.isPresent()) {
            Set<String> before = new TreeSet<>();
            earlier.forEach(e -> e.npmUser().ifPresent(p -> before.add(p.key())));
            if (!before.isEmpty() && !before.contains(publisher.get().key())) {
                return Optional.of(new Change(m.id() + " was published by " + publisher.get().toString().trim()
                        + ", who never published " + m.name() + " before", "earlier publishers: "
                        + String.join(", ", before)));
            }
        }
        Optional<Set<String>> previous = m.previous().flatMap(PackageSummary.VersionFacts::maintainerKeys);
        if (maintainers.isPresent() && previous.isPresent()) {
            Set<String> now = new TreeSet<>(maintainers.get());
            Set<String> then = new TreeSet<>(previous.get());
            if (!now.equals(then)) {
                Set<String> added = new TreeSet<>(now);
                added.removeAll(then);
                Set<String> removed = new TreeSet<>(then);
                removed.removeAll(now);
                return Optional.of(new Change("the maintainers of " + m.name() + " changed in " + m.version()
                        + " since " + m.previous().get().version(), "added: " + String.join(", ", added)
                        + "; removed: " + String.join(", ", removed)));
            }
        }
        return Optional.empty();
    }

    /** Versions published before this one: by publish time where dated, else by semver order. */
    private static List<PackageSummary.VersionFacts> publishedBefore(PackageMetadata m) {
        Instant published = m.published().orElse(null);
        if (published == null) {
            return m.earlier();
        }
        var times = m.summary().get().time().published();
        return m.summary().get().versions().values().stream()
                .filter(d -> times.containsKey(d.version()) && times.get(d.version()).isBefore(published))
                .toList();
    }
}
