package dev.portcullis.server.gate;

import dev.portcullis.server.blob.BlobStore;
import dev.portcullis.server.store.Decision;

/** What the gate answers a request for a package's document or tarball. */
public sealed interface Answer {
    /** The package's listing. */
    record Document(Listing listing) implements Answer {
    }

    /** A verified, allowed tarball to stream. */
    record Tarball(BlobStore.Blob blob, Decision decision) implements Answer {
    }

    /** A version that is not allowed (403), with the decision saying why. */
    record Refused(Decision decision) implements Answer {
    }

    /** Nothing of that name or version (404). */
    record Missing(String message) implements Answer {
    }

    /**
     * The firewall cannot answer now (503, fail closed): the upstream is down and nothing is stored, or the
     * version's analysis is still running.
     */
    record Unavailable(String message, int retryAfterSeconds) implements Answer {
    }
}
