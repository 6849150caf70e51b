package dev.portcullis.server.routes;

import dev.portcullis.server.gate.GateStats;
import dev.portcullis.server.store.DecisionKind;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counters by route and status, written with the gate's counters in Prometheus' text format. */
final class Metrics {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> seconds = new ConcurrentHashMap<>();

    void request(String route, int status, long nanos) {
        requests.computeIfAbsent(route + "\u0000" + status, k -> new LongAdder()).increment();
        seconds.computeIfAbsent(route, k -> new LongAdder()).add(nanos);
    }

    String render(GateStats gate) {
        StringBuilder out = new StringBuilder();
        out.append("# HELP portcullis_requests_total Requests answered, by route and status.\n");
        out.append("# TYPE portcullis_requests_total counter\n");
        new TreeMap<>(requests).forEach((key, count) -> {
            String[] parts = key.split("\u0000");
            out.append("portcullis_requests_total{route=\"").append(parts[0]).append("\",status=\"")
                    .append(parts[1]).append("\"} ").append(count.sum()).append('\n');
        });
        out.append("# HELP portcullis_request_seconds_total Time spent answering, by route.\n");
        out.append("# TYPE portcullis_request_seconds_total counter\n");
        new TreeMap<>(seconds).forEach((route, nanos) -> out.append("portcullis_request_seconds_total{route=\"")
                .append(route).append("\"} ").append(nanos.sum() / 1e9).append('\n'));
        out.append("# HELP portcullis_decisions_total Decisions made since start, by kind.\n");
        out.append("# TYPE portcullis_decisions_total counter\n");
        for (DecisionKind kind : DecisionKind.values()) {
            out.append("portcullis_decisions_total{kind=\"").append(kind.id()).append("\"} ")
                    .append(gate.decisions(kind)).append('\n');
        }
        counter(out, "portcullis_listing_cache_hits_total", "Document requests answered from the listing cache.",
                gate.listingHits());
        counter(out, "portcullis_listing_cache_misses_total", "Document requests that built the listing again.",
                gate.listingMisses());
        counter(out, "portcullis_blob_hits_total", "Tarball requests served from the blob store.", gate.blobHits());
        counter(out, "portcullis_blob_misses_total", "Tarball requests that fetched from the upstream.",
                gate.blobMisses());
        counter(out, "portcullis_blob_corrupted_total", "Stored tarballs that failed their check and were discarded.",
                gate.corruptedBlobs());
        counter(out, "portcullis_upstream_requests_total", "Document requests sent to the upstream.",
                gate.upstreamRequests());
        counter(out, "portcullis_upstream_failures_total", "Upstream requests that failed.", gate.upstreamFailures());
        out.append("# HELP portcullis_upstream_seconds_total Time spent waiting for upstream documents.\n");
        out.append("# TYPE portcullis_upstream_seconds_total counter\n");
        out.append("portcullis_upstream_seconds_total ").append(gate.upstreamSeconds()).append('\n');
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        out.append(name).append(' ').append(value).append('\n');
    }
}
