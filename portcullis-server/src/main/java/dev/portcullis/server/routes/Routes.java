package dev.portcullis.server.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.portcullis.json.Json;
import dev.portcullis.model.Problems;
import dev.portcullis.server.blob.BlobStore;
import dev.portcullis.server.gate.Answer;
import dev.portcullis.server.gate.Gate;
import dev.portcullis.server.gate.Listing;
import dev.portcullis.server.store.Decision;
import dev.portcullis.server.store.DecisionKind;
import dev.portcullis.server.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * The npm registry protocol's read side over the {@link Gate}: documents (full and abbreviated), versions,
 * tarballs, dist-tags and ping, with HEAD for each, ETags and gzip on documents; write routes answer 405 with a
 * message; every answer that is not a document or a tarball is JSON with an {@code error} sentence, which npm,
 * pnpm, yarn and bun print. Health and Prometheus metrics live under {@code /-/portcullis/}.
 */
public final class Routes implements HttpHandler {
    static final String ABBREVIATED = "application/vnd.npm.install-v1+json";
    static final String BULK_ADVISORIES = "/-/npm/v1/security/advisories/bulk";
    /** An audit request names each installed package once: a few megabytes for the largest trees. */
    private static final int MAX_AUDIT_BYTES = 16 << 20;
    private static final long MAX_RENDERED_BYTES = 256L << 20;
    private final Gate gate;
    private final Store store;
    private final String base;
    private final List<byte[]> tokens;
    private final Clock clock;
    private final AccessLog log;
    private final ObjectMapper mapper = Json.mapper();
    private final Metrics metrics = new Metrics();
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
    private final AtomicLong renderedBytes = new AtomicLong();

    /** A document as sent: its JSON, gzipped, and its ETag, for one listing stamp. */
    private record Rendered(String stamp, byte[] json, byte[] gzip, String etag) {
    }

    /**
     * @param base the firewall's public URL, ending in '/'
     * @param tokens when not empty, the bearer tokens a client must send one of
     */
    public Routes(Gate gate, Store store, String base, List<String> tokens, Clock clock, AccessLog log) {
        this.gate = gate;
        this.store = store;
        this.base = base;
        this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        this.clock = clock;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Sent sent;
        String route = "unknown";
        try (exchange) {
            String method = exchange.getRequestMethod();
            String raw = exchange.getRequestURI().getRawPath();
            try {
                Routed routed = route(exchange, method, raw);
                route = routed.route();
                sent = routed.sent();
            } catch (RuntimeException e) {
                sent = error(exchange, 500, "internal error: " + Problems.describe(e), null);
            }
            metrics.request(route, sent.status(), System.nanoTime() - started);
            if (log != null) {
                log.log(clock.instant(), method, raw, sent.status(), sent.bytes(), System.nanoTime() - started,
                        sent.decision());
            }
        }
    }

    private record Sent(int status, long bytes, String decision) {
    }

    private record Routed(String route, Sent sent) {
    }

    private Routed route(HttpExchange exchange, String method, String raw) throws IOException {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (raw.equals("/-/ping")) {
            return new Routed("ping", read ? json(exchange, 200, mapper.createObjectNode()) : writeRefused(exchange));
        }
        if (raw.equals("/-/portcullis/health")) {
            return new Routed("health", health(exchange));
        }
        if (raw.equals("/-/portcullis/metrics")) {
            byte[] body = metrics.render(gate.stats()).getBytes(StandardCharsets.UTF_8);
            return new Routed("metrics", bytes(exchange, 200, "text/plain; version=0.0.4", body, null));
        }
        if (!authorised(exchange)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"portcullis\"");
            return new Routed("auth", error(exchange, 401, "this registry firewall needs a token: set _authToken for"
                    + " it in .npmrc (npmAuthToken in .yarnrc.yml)", null));
        }
        if (method.equals("POST") && raw.equals(BULK_ADVISORIES)) {
            return new Routed("advisories", advisories(exchange));
        }
        if (!read) {
            return new Routed("write", writeRefused(exchange));
        }
        if (raw.startsWith("/-/package/") && raw.endsWith("/dist-tags")) {
            String inner = raw.substring("/-/package".length(), raw.length() - "/dist-tags".length());
            Optional<RequestPath> path = RequestPath.parse(inner).filter(p -> p.kind() == RequestPath.Kind.DOCUMENT);
            if (path.isEmpty()) {
                return new Routed("dist-tags", error(exchange, 400, "malformed package name in " + raw, null));
            }
            return new Routed("dist-tags", distTags(exchange, path.get().name()));
        }
        if (raw.startsWith("/-/")) {
            return new Routed("unknown", error(exchange, 404, raw + " is not served by the registry firewall", null));
        }
        Optional<RequestPath> path = RequestPath.parse(raw);
        if (path.isEmpty()) {
            return new Routed("malformed", error(exchange, 400, "malformed package path: " + raw, null));
        }
        RequestPath p = path.get();
        return switch (p.kind()) {
            case DOCUMENT -> new Routed("packument", document(exchange, p.name()));
            case VERSION -> new Routed("version", version(exchange, p.name(), p.rest()));
            case TARBALL -> new Routed("tarball", tarball(exchange, p.name(), p.rest()));
        };
    }

    private boolean authorised(HttpExchange exchange) {
        if (tokens.isEmpty()) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] token : tokens) {
            match |= MessageDigest.isEqual(token, given);
        }
        return match;
    }

    private Sent writeRefused(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        return error(exchange, 405, "the registry firewall serves reads only: publish, unpublish, login and other"
                + " writes go to the upstream registry directly", null);
    }

    private Sent document(HttpExchange exchange, String name) throws IOException {
        Answer answer = gate.document(name);
        if (!(answer instanceof Answer.Document found)) {
            return failure(exchange, answer);
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        boolean abbreviated = accept != null && accept.contains(ABBREVIATED);
        Listing listing = found.listing();
        String key = (abbreviated ? "a:" : "f:") + name;
        Rendered r = rendered.get(key);
        if (r == null || !r.stamp().equals(listing.stamp())) {
            byte[] json = mapper.writeValueAsBytes(PackumentView.render(mapper, listing, abbreviated, base));
            r = new Rendered(listing.stamp(), json, gzip(json), "\"" + sha256(listing.stamp() + key) + "\"");
            Rendered old = rendered.put(key, r);
            long total = renderedBytes.addAndGet(json.length + r.gzip().length
                    - (old == null ? 0 : old.json().length + old.gzip().length));
            if (total > MAX_RENDERED_BYTES) {
                rendered.clear(); // rendering again is cheap next to holding every document ever asked for
                renderedBytes.set(0);
            }
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("ETag", r.etag());
        headers.set("Vary", "Accept, Accept-Encoding");
        headers.set("Cache-Control", "no-cache");
        if (r.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return new Sent(304, 0, null);
        }
        String encoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        boolean gzip = encoding != null && encoding.contains("gzip");
        if (gzip) {
            headers.set("Content-Encoding", "gzip");
        }
        return bytes(exchange, 200, abbreviated ? ABBREVIATED : "application/json", gzip ? r.gzip() : r.json(), null);
    }

    private Sent version(HttpExchange exchange, String name, String spec) throws IOException {
        Answer answer = gate.document(name);
        if (!(answer instanceof Answer.Document found)) {
            return failure(exchange, answer);
        }
        Listing listing = found.listing();
        String version = PackumentView.distTags(mapper, listing.document().path("dist-tags"),
                List.copyOf(listing.listed())).path(spec).asText(spec);
        Optional<ObjectNode> doc = PackumentView.version(listing, version, base);
        if (doc.isPresent()) {
            return json(exchange, 200, doc.get());
        }
        Decision hidden = listing.hidden().get(version);
        if (hidden != null) {
            return refused(exchange, hidden);
        }
        return error(exchange, 404, name + "@" + spec + " is not served by the registry firewall", null);
    }

    private Sent distTags(HttpExchange exchange, String name) throws IOException {
        Answer answer = gate.document(name);
        if (!(answer instanceof Answer.Document found)) {
            return failure(exchange, answer);
        }
        Listing listing = found.listing();
        return json(exchange, 200, PackumentView.distTags(mapper, listing.document().path("dist-tags"),
                List.copyOf(listing.listed())));
    }

    private Sent tarball(HttpExchange exchange, String name, String file) throws IOException {
        Answer answer = gate.tarball(name, file);
        if (!(answer instanceof Answer.Tarball tarball)) {
            return failure(exchange, answer);
        }
        BlobStore.Blob blob = tarball.blob();
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/octet-stream");
        headers.set("ETag", "\"" + blob.sha512().substring(0, 32) + "\"");
        headers.set("Cache-Control", "public, max-age=31536000, immutable");
        if (exchange.getRequestMethod().equals("HEAD")) {
            headers.set("Content-Length", Long.toString(blob.size()));
            exchange.sendResponseHeaders(200, -1);
            return new Sent(200, 0, "allow");
        }
        exchange.sendResponseHeaders(200, blob.size());
        long sent;
        try (InputStream in = blob.open(); OutputStream out = exchange.getResponseBody()) {
            sent = in.transferTo(out);
        }
        return new Sent(200, sent, "allow");
    }

    private Sent failure(HttpExchange exchange, Answer answer) throws IOException {
        return switch (answer) {
            case Answer.Missing missing -> error(exchange, 404, missing.message(), null);
            case Answer.Unavailable unavailable -> {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(unavailable.retryAfterSeconds()));
                yield error(exchange, 503, unavailable.message(), null);
            }
            case Answer.Refused refused -> refused(exchange, refused.decision());
            case Answer.Document document -> error(exchange, 500, "a document where a tarball was expected", null);
            case Answer.Tarball tarball -> error(exchange, 500, "a tarball where a document was expected", null);
        };
    }

    private Sent refused(HttpExchange exchange, Decision decision) throws IOException {
        return error(exchange, 403, refusal(decision), decision.kind().id());
    }

    /** The sentence a client prints for a version that is not served. */
    static String refusal(Decision decision) {
        String state = switch (decision.kind()) {
            case QUARANTINE -> "quarantined until " + decision.until();
            case REVIEW -> "held for review";
            case BLOCK -> "blocked";
            case ALLOW -> "allowed";
        };
        String how = decision.kind() == DecisionKind.QUARANTINE
                ? "it is served once the quarantine ends; ask your registry administrators to release it earlier"
                : "ask your registry administrators to review " + decision.id() + " (policy revision "
                + decision.policyRevision().substring(0, Math.min(12, decision.policyRevision().length())) + ")";
        return "portcullis: " + decision.id() + " is " + state + " by the registry firewall: "
                + String.join("; ", decision.reasons()) + ". To get it: " + how;
    }

    /**
     * {@code POST /-/npm/v1/security/advisories/bulk}: {@code {"name": ["1.0.0", …]}} → the advisories of the local
     * database affecting those versions, in the shape npm audit, pnpm and yarn read ({@code vulnerable_versions}
     * lists the affected versions asked about).
     */
    private Sent advisories(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream raw = exchange.getRequestBody()) {
            InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new java.util.zip.GZIPInputStream(raw) : raw;
            body = in.readNBytes(MAX_AUDIT_BYTES + 1);
        } catch (IOException e) {
            return error(exchange, 400, "unreadable audit request: " + Problems.describe(e), null);
        }
        if (body.length > MAX_AUDIT_BYTES) {
            return error(exchange, 413, "audit request larger than " + MAX_AUDIT_BYTES + " bytes", null);
        }
        Map<String, List<String>> asked = new java.util.LinkedHashMap<>();
        try {
            com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(body);
            if (tree == null || !tree.isObject()) {
                return error(exchange, 400, "an audit request is a JSON object of package names to versions", null);
            }
            for (var entry : tree.properties()) {
                List<String> versions = new java.util.ArrayList<>();
                entry.getValue().forEach(v -> versions.add(v.asText()));
                asked.put(entry.getKey(), versions);
            }
        } catch (IOException e) {
            return error(exchange, 400, "malformed audit request: " + Problems.describe(e), null);
        }
        Map<String, List<dev.portcullis.engine.AdvisoryDb.Affecting>> found;
        try {
            found = gate.advisories(asked);
        } catch (dev.portcullis.advisory.AdvisoryException e) {
            return error(exchange, 503, e.getMessage(), null);
        }
        ObjectNode answer = mapper.createObjectNode();
        found.forEach((name, advisories) -> {
            var list = answer.putArray(name);
            for (var a : advisories) {
                ObjectNode node = list.addObject();
                node.put("id", Integer.toUnsignedLong(a.id().hashCode())); // npm wants a number; the id is the url's
                node.put("url", a.url());
                node.put("title", (a.summary().isEmpty() ? a.id() : a.summary()) + " (" + a.id() + ")");
                node.put("severity", a.severity());
                node.put("vulnerable_versions", String.join(" || ", a.versions()));
                node.putArray("cwe");
                node.putObject("cvss").put("score", 0).putNull("vectorString");
            }
        });
        return json(exchange, 200, answer);
    }

    private Sent health(HttpExchange exchange) throws IOException {
        boolean storeUp = store.healthy();
        boolean upstreamUp = gate.stats().upstreamUp();
        ObjectNode body = mapper.createObjectNode();
        body.put("live", true);
        body.put("ready", storeUp);
        body.put("store", storeUp ? "up" : "down");
        body.put("upstream", upstreamUp ? "up" : "down");
        body.put("policyRevision", gate.revision());
        return json(exchange, storeUp ? 200 : 503, body);
    }

    private Sent error(HttpExchange exchange, int status, String message, String decision) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("error", message);
        Sent sent = json(exchange, status, body);
        return new Sent(sent.status(), sent.bytes(), decision);
    }

    private Sent json(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        return bytes(exchange, status, "application/json", mapper.writeValueAsBytes(body), null);
    }

    private Sent bytes(HttpExchange exchange, int status, String type, byte[] body, String decision)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return new Sent(status, 0, decision);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return new Sent(status, body.length, decision);
    }

    private static byte[] gzip(byte[] json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
            out.write(json);
        }
        return bytes.toByteArray();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
