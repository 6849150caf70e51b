package dev.portcullis.advisory;

import java.time.Instant;
import java.util.Objects;

/**
 * One OSV record as imported: the parts matching uses ({@link Advisory}) and the rest, kept as the record said it.
 *
 * @param severityJson OSV {@code severity[]} as JSON, or null
 * @param databaseSpecificJson {@code database_specific} as JSON, or null
 * @param raw the record's JSON text
 */
public record OsvRecord(Advisory advisory, Instant published, String details, String severityJson,
                        String databaseSpecificJson, String raw) {
    public OsvRecord {
        Objects.requireNonNull(advisory, "advisory");
        Objects.requireNonNull(raw, "raw");
    }
}
