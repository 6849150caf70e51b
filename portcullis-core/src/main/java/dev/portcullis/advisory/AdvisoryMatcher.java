package dev.portcullis.advisory;

import dev.portcullis.semver.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The advisories that affect a package version: one hash lookup by name, then the OSV ranges and version lists of
 * the few advisories naming it. A version npm cannot parse (a git or file dependency) matches nothing.
 */
public final class AdvisoryMatcher {
    private final AdvisoryIndex index;

    public AdvisoryMatcher(AdvisoryIndex index) {
        this.index = index;
    }

    public List<AdvisoryMatch> match(String name, String version) {
        List<AdvisoryIndex.Entry> entries = index.forName(name);
        if (entries.isEmpty()) {
            return List.of();
        }
        Optional<Version> parsed = Version.parse(version, true);
        if (parsed.isEmpty()) {
            return List.of();
        }
        Version v = parsed.get();
        List<AdvisoryMatch> matches = new ArrayList<>(1);
        Set<String> seen = new HashSet<>();
        for (AdvisoryIndex.Entry entry : entries) {
            // One advisory may list the same package in several affected entries; report it once.
            if (entry.affected().affects(v) && seen.add(entry.id())) {
                String fixed = entry.affected().fixedAbove(v).map(Version::toString).orElse(null);
                String last = fixed != null ? null : entry.affected().lastAffected(v).map(Version::toString).orElse(null);
                matches.add(new AdvisoryMatch(name, version, entry.id(), entry.aliases(), entry.summary(),
                        url(entry.id()), entry.rating(), entry.malware(), fixed, last));
            }
        }
        return matches;
    }

    /** The public page of an advisory id, for the ids whose home is known. */
    static String url(String id) {
        if (id.startsWith("GHSA-")) {
            return "https://github.com/advisories/" + id;
        }
        return "https://osv.dev/vulnerability/" + id;
    }
}
