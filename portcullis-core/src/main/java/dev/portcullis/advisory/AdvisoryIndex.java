package dev.portcullis.advisory;

import dev.portcullis.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Advisories in memory, keyed by package name: what {@link AdvisoryMatcher} looks up. Built once per scan from the
 * database (or from records in tests and benchmarks); immutable and safe to share between threads.
 */
public final class AdvisoryIndex {
    private final Map<String, List<Entry>> byName;
    private final int entries;

    private AdvisoryIndex(Map<String, List<Entry>> byName, int entries) {
        this.byName = byName;
        this.entries = entries;
    }

    /**
     * One advisory's affected entry for one package.
     *
     * @param rating the stated severity, or null when unrated
     */
    public record Entry(String id, Instant modified, List<String> aliases, String summary, Severity rating,
                        boolean malware, AffectedPackage affected) {
        public Entry {
            Objects.requireNonNull(id, "id");
            aliases = List.copyOf(aliases);
            summary = summary == null ? "" : summary;
            Objects.requireNonNull(affected, "affected");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An index of {@code advisories}, withdrawn ones left out, as the database would load them. */
    public static AdvisoryIndex of(List<Advisory> advisories) {
        Builder builder = builder();
        for (Advisory a : advisories) {
            if (a.withdrawn() == null) {
                for (AffectedPackage p : a.affected()) {
                    builder.add(new Entry(a.id(), a.modified(), a.aliases(), a.summary(), a.rating(), a.malware(), p));
                }
            }
        }
        return builder.build();
    }

    /** The entries naming {@code name}; empty when none. */
    public List<Entry> forName(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** Affected entries held. */
    public int size() {
        return entries;
    }

    /** Distinct package names. */
    public int packages() {
        return byName.size();
    }

    /** Collects entries; {@link #build} freezes them. */
    public static final class Builder {
        private final Map<String, List<Entry>> byName = new HashMap<>();
        private int entries;

        private Builder() {
        }

        public Builder add(Entry entry) {
            byName.computeIfAbsent(entry.affected().name(), k -> new ArrayList<>(1)).add(entry);
            entries++;
            return this;
        }

        public AdvisoryIndex build() {
            Map<String, List<Entry>> frozen = HashMap.newHashMap(byName.size());
            byName.forEach((name, list) -> frozen.put(name, List.copyOf(list)));
            return new AdvisoryIndex(frozen, entries);
        }
    }
}
