package dev.portcullis.server.gate;

import dev.portcullis.server.store.DecisionKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the gate counts for the metrics route: decisions made, cache use, upstream requests and their time. */
public final class GateStats {
    private final Map<DecisionKind, LongAdder> decisions = new EnumMap<>(DecisionKind.class);
    final LongAdder listingHits = new LongAdder();
    final LongAdder listingMisses = new LongAdder();
    final LongAdder blobHits = new LongAdder();
    final LongAdder blobMisses = new LongAdder();
    final LongAdder upstreamRequests = new LongAdder();
    final LongAdder upstreamFailures = new LongAdder();
    final LongAdder upstreamNanos = new LongAdder();
    final LongAdder corruptedBlobs = new LongAdder();
    /** When the upstream last answered, in epoch milliseconds; 0 for never. */
    final AtomicLong upstreamLastOk = new AtomicLong();
    /** When the upstream last failed, in epoch milliseconds; 0 for never. */
    final AtomicLong upstreamLastFailure = new AtomicLong();

    GateStats() {
        for (DecisionKind kind : DecisionKind.values()) {
            decisions.put(kind, new LongAdder());
        }
    }

    void decided(DecisionKind kind) {
        decisions.get(kind).increment();
    }

    public long decisions(DecisionKind kind) {
        return decisions.get(kind).sum();
    }

    public long listingHits() {
        return listingHits.sum();
    }

    public long listingMisses() {
        return listingMisses.sum();
    }

    public long blobHits() {
        return blobHits.sum();
    }

    public long blobMisses() {
        return blobMisses.sum();
    }

    public long upstreamRequests() {
        return upstreamRequests.sum();
    }

    public long upstreamFailures() {
        return upstreamFailures.sum();
    }

    public double upstreamSeconds() {
        return upstreamNanos.sum() / 1e9;
    }

    public long corruptedBlobs() {
        return corruptedBlobs.sum();
    }

    /** Whether the upstream answered more recently than it failed. */
    public boolean upstreamUp() {
        return upstreamLastFailure.get() <= upstreamLastOk.get();
    }
}
