package dev.portcullis.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The decision on one package version under one policy revision, with why.
 *
 * @param until when a quarantine ends, else null
 * @param reasons one sentence each, for the client's error message and the review queue
 * @param evidence the findings behind it as a JSON array (rule, severity, message, location)
 * @param sha512 the hex SHA-512 of the tarball that was judged, when its content was; the blob's key
 */
public record Decision(String name, String version, String policyRevision, DecisionKind kind, Instant until,
                       List<String> reasons, String evidence, String sha512, Instant decidedAt) {
    public Decision {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(policyRevision, "policyRevision");
        Objects.requireNonNull(kind, "kind");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    public String id() {
        return name + "@" + version;
    }

    /** Whether the decision still holds at {@code now}: an expired quarantine does not. */
    public boolean current(Instant now) {
        return kind != DecisionKind.QUARANTINE || until == null || now.isBefore(until);
    }
}
