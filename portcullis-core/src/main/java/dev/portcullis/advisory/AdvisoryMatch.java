package dev.portcullis.advisory;

import dev.portcullis.model.Severity;
import java.util.List;
import java.util.Objects;

/**
 * An advisory that affects one installed package version.
 *
 * @param url where to read more, or null
 * @param rating the stated severity, or null when the advisory states none we can read
 * @param fixedIn the lowest version that leaves the affected range, or null when no fix is known
 * @param lastAffected the range's last affected version when it names one and no fix is known, or null
 */
public record AdvisoryMatch(String packageName, String version, String id, List<String> aliases, String summary,
                            String url, Severity rating, boolean malware, String fixedIn, String lastAffected) {
    public AdvisoryMatch {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        summary = summary == null ? "" : summary;
    }

    /** "fixed in 1.2.3", or what is known when nothing is fixed. */
    public String fixText() {
        if (fixedIn != null) {
            return "fixed in " + fixedIn;
        }
        return lastAffected != null ? "no fixed version (last affected " + lastAffected + ")" : "no fixed version";
    }
}
