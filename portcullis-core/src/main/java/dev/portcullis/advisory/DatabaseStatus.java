package dev.portcullis.advisory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the local advisory database holds: for {@code portcullis db status} and for the note a scan prints.
 *
 * @param advisories npm advisories, withdrawn ones included
 * @param malware of which malware entries
 * @param withdrawn of which withdrawn
 * @param packages distinct package names named
 * @param newestModified the newest {@code modified} time of any advisory, or null when empty
 * @param imports the completed imports, newest first
 */
public record DatabaseStatus(Path path, int advisories, int malware, int withdrawn, int packages,
                             Instant newestModified, List<Import> imports) {
    public DatabaseStatus {
        imports = List.copyOf(imports);
    }

    /** One completed import. */
    public record Import(String source, Instant importedAt, int files, int added, int updated, int unchanged,
                         int otherEcosystem, int malformed) {
    }

    /** When the data was last refreshed, or null when nothing was ever imported. */
    public Instant lastImport() {
        return imports.isEmpty() ? null : imports.get(0).importedAt();
    }
}
