package dev.portcullis.advisory;

import dev.portcullis.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What matching and reporting need of one OSV advisory: ids, summary, rating, whether it reports malware, and its
 * affected npm packages. The full record stays in the database.
 *
 * @param rating the severity the advisory states (CVSS v3 score or GitHub's database_specific rating), or null when
 *     it states none that we can read
 * @param withdrawn when the advisory was withdrawn, or null; withdrawn advisories never match
 */
public record Advisory(String id, Instant modified, Instant withdrawn, List<String> aliases, String summary,
                       Severity rating, boolean malware, List<AffectedPackage> affected) {
    public Advisory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modified, "modified");
        aliases = List.copyOf(aliases);
        summary = summary == null ? "" : summary;
        affected = List.copyOf(affected);
    }
}
