package dev.portcullis.server.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.server.store.Decision;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A package's upstream document and which of its versions the firewall lists.
 *
 * @param document the upstream document (never changed: views copy what they need)
 * @param listed the versions a client may see: allowed, or not judged yet and not held back by a cheap check
 * @param hidden the versions held back, with the decision that holds each back
 * @param stamp changes whenever the document or a decision about it changes (the ETag's basis)
 * @param validUntil when the listing must be made again (the end of the first quarantine, or the document's TTL)
 * @param stale whether the document is the stored copy because the upstream could not be reached
 */
public record Listing(String name, ObjectNode document, Set<String> listed, Map<String, Decision> hidden,
                      String stamp, Instant validUntil, boolean stale) {
    public Listing {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
        listed = Set.copyOf(listed);
        hidden = Map.copyOf(hidden);
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** The version documents of the upstream document. */
    public JsonNode versions() {
        return document.path("versions");
    }
}
