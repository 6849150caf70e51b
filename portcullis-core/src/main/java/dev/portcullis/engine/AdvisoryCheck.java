package dev.portcullis.engine;

import dev.portcullis.advisory.AdvisoryDatabase;
import dev.portcullis.advisory.AdvisoryException;
import dev.portcullis.advisory.AdvisoryIndex;
import dev.portcullis.advisory.AdvisoryMatch;
import dev.portcullis.advisory.AdvisoryMatcher;
import dev.portcullis.advisory.BulkAdvisorySource;
import dev.portcullis.advisory.DatabaseStatus;
import dev.portcullis.json.Json;
import dev.portcullis.registry.MetadataStore;
import dev.portcullis.registry.RegistryClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The advisory stage of scan, scan --deep and inspect: which of the given package versions have advisories. Asks
 * the registry's bulk endpoint when online and adds the local database when there is one; when neither answers it
 * says so once, as a note, and finds nothing.
 */
final class AdvisoryCheck {
    /** Older local data is worth a word even when the user chose it (offline). */
    private static final long STALE_DAYS = 7;

    private final Path database;
    private final Clock clock;
    private final RegistryClient client;
    private final MetadataStore store;
    private final String registry;
    private final boolean offline;

    /**
     * @param database the local database file (it need not exist)
     * @param client the run's registry client, asked for the bulk endpoint unless offline
     * @param store where a registry's lack of the endpoint is remembered for the store's TTL, so that a mirror
     *     without it is not asked on every run ({@code --refresh} asks again)
     * @param registry the default registry, whose bulk endpoint is asked
     */
    AdvisoryCheck(Path database, Clock clock, RegistryClient client, MetadataStore store, String registry) {
        this.database = database;
        this.clock = clock;
        this.client = client;
        this.store = store;
        this.registry = registry;
        this.offline = client.offline();
    }

    /** A package version to check. */
    record Query(String name, String version) {
    }

    /**
     * Matches keyed by {@code name@version}; notes for the report (the source used); and what could not be checked
     * (no source answered, the local database is damaged), which fails a gate that must not open unchecked.
     */
    record Result(Map<String, List<AdvisoryMatch>> matches, List<String> notes, List<String> unchecked) {
        List<AdvisoryMatch> of(String name, String version) {
            return matches.getOrDefault(name + "@" + version, List.of());
        }
    }

    Result check(Collection<Query> queries) throws IOException {
        if (queries.isEmpty()) {
            return new Result(Map.of(), List.of(), List.of());
        }
        Map<String, Set<String>> versionsByName = new TreeMap<>();
        for (Query q : queries) {
            versionsByName.computeIfAbsent(q.name(), k -> new TreeSet<>()).add(q.version());
        }
        List<String> notes = new ArrayList<>();
        Map<String, List<AdvisoryMatch>> matches = new TreeMap<>();
        String online = null;
        String absence = "no bulk advisory endpoint at " + registry;
        Optional<Instant> absent = offline ? Optional.empty() : store.learnt(absence);
        if (absent.isPresent()) {
            notes.add("registry " + registry + " has no bulk advisory endpoint (so it answered at "
                    + absent.get().truncatedTo(ChronoUnit.SECONDS) + "; asked again a day later, or with --refresh)");
        } else if (!offline) {
            switch (new BulkAdvisorySource(client, registry, Json.mapper()).query(versionsByName)) {
                case BulkAdvisorySource.Answer.Matches answered -> {
                    answered.byPackage().forEach((key, list) -> add(matches, key, list));
                    online = registry;
                }
                case BulkAdvisorySource.Answer.Absent missing -> {
                    notes.add(missing.reason());
                    store.learn(absence, true);
                }
                case BulkAdvisorySource.Answer.Unavailable unavailable -> notes.add(unavailable.reason());
            }
        }
        String packages = "advisories of " + queries.size() + " package version(s) not checked: ";
        if (!AdvisoryDatabase.exists(database)) {
            if (online == null) {
                notes.add("no advisory data: run `portcullis db import <all.zip>` (OSV's npm advisories, see "
                        + "docs/advisories.md) or use a registry with the bulk advisory endpoint");
                return new Result(matches, List.of(), List.of(packages + String.join("; ", notes)));
            }
            return new Result(matches, List.of(), List.of());
        }
        try (AdvisoryDatabase db = AdvisoryDatabase.openForReading(database, clock)) {
            DatabaseStatus status = db.status();
            AdvisoryIndex index = db.load(versionsByName.keySet());
            AdvisoryMatcher matcher = new AdvisoryMatcher(index);
            for (Query q : queries) {
                add(matches, q.name() + "@" + q.version(), matcher.match(q.name(), q.version()));
            }
            if (online == null && !offline) {
                notes.add(describe(status));
            } else if (online == null && status.lastImport() != null
                    && Duration.between(status.lastImport(), clock.instant()).toDays() > STALE_DAYS) {
                notes.add("the local advisory database is " + age(status.lastImport()) + " (updated "
                        + status.lastImport().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "): import a fresh all.zip with `portcullis db import`");
            }
            return new Result(matches, merge(notes), List.of());
        } catch (AdvisoryException e) {
            // a database the user imported and cannot be read is a gap, whatever else answered
            notes.add(0, e.getMessage());
            return new Result(matches, List.of(), List.of("advisories of " + queries.size() + " package version(s) "
                    + "not checked against the local database" + (online == null ? "" : " (the registry's bulk "
                    + "endpoint answered)") + ": " + String.join("; ", notes)));
        }
    }

    /** The notes as one sentence: "registry X has no bulk advisory endpoint; used the local database (…)". */
    private static List<String> merge(List<String> notes) {
        return notes.isEmpty() ? List.of() : List.of(String.join("; ", notes));
    }

    private String describe(DatabaseStatus status) {
        Instant updated = status.lastImport() == null ? null
                : status.lastImport().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String age = updated == null ? "never imported" : "updated " + updated + ", " + age(updated);
        return "used the local advisory database (" + status.advisories() + " advisories, " + age + ")";
    }

    private String age(Instant then) {
        Duration d = Duration.between(then, clock.instant());
        return d.toDays() >= 1 ? d.toDays() + " day(s) old" : d.toHours() + " hour(s) old";
    }

    /** Adds matches, once per advisory id or alias already present (the registry and OSV share GHSA ids). */
    private static void add(Map<String, List<AdvisoryMatch>> matches, String key, List<AdvisoryMatch> more) {
        if (more.isEmpty()) {
            return;
        }
        List<AdvisoryMatch> list = matches.computeIfAbsent(key, k -> new ArrayList<>());
        Set<String> known = new HashSet<>();
        for (AdvisoryMatch m : list) {
            known.add(m.id());
            known.addAll(m.aliases());
        }
        for (AdvisoryMatch m : more) {
            if (!known.contains(m.id()) && m.aliases().stream().noneMatch(known::contains)) {
                list.add(m);
                known.add(m.id());
            }
        }
    }
}
