package dev.portcullis.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * An npm registry on 127.0.0.1 serving recorded packuments and tarballs over real HTTP.
 * <ul>
 * <li>{@code GET /<name>} (scoped names as {@code /@scope%2fname}) answers the file
 * {@code <encodeURIComponent(name)>.json} of its directory, 404 when there is none. Tarball URLs of the public
 * registry inside it are rewritten to this server, as a mirror does. Every document carries an ETag and a
 * matching {@code If-None-Match} is answered 304. With {@link #serveAbbreviated} it honours
 * {@code Accept: application/vnd.npm.install-v1+json} by serving {@code <name>.abbreviated.json} where recorded;
 * by default it answers the full document, as mirrors do.</li>
 * <li>{@code GET /<name>/-/<file>.tgz} answers bytes registered with {@link #putTarball}, else the file
 * {@code tarballs/<file>.tgz} of its directory.</li>
 * <li>{@code POST /-/npm/v1/security/advisories/bulk} answers the response given to {@link #serveBulkAdvisories},
 * else 404 as the mirrors without the endpoint do.</li>
 * </ul>
 * Tests can queue failing status codes per path and inspect the requests (headers included).
 */
public final class FakeRegistry implements AutoCloseable {
    private static final String PUBLIC_REGISTRY = "https://registry.npmjs.org/";
    private static final String ABBREVIATED = "application/vnd.npm.install-v1+json";
    private static final String BULK_PATH = "/-/npm/v1/security/advisories/bulk";
    /** One request as the server saw it. */
    public record Request(String method, String path, String accept, String authorization, String ifNoneMatch) {
    }

    private final HttpServer server;
    private final Path documents;
    private final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Integer>> failures = new ConcurrentHashMap<>();
    private final Map<String, byte[]> tarballs = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private volatile boolean abbreviated;
    private volatile boolean chunked;
    /** The recorded answer of the bulk advisory endpoint; null: the endpoint does not exist (404), as on mirrors. */
    private volatile byte[] bulkAdvisories;
    private final List<String> bulkRequests = java.util.Collections.synchronizedList(new ArrayList<>());

    private FakeRegistry(Path documents) throws IOException {
        this.documents = documents;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** Serves the recorded documents of {@code fixtures/registry}. */
    public static FakeRegistry start() {
        return start(Fixtures.path("registry"));
    }

    public static FakeRegistry start(Path documents) {
        try {
            return new FakeRegistry(documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registry URL, ending in '/'. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * The next requests for {@code name} answer these statuses, in order, before the document is served. For a
     * tarball the name is its path without the leading slash ({@code is-number/-/is-number-7.0.0.tgz}).
     */
    public void failNext(String name, int... statuses) {
        Deque<Integer> queue = failures.computeIfAbsent(name, k -> new ArrayDeque<>());
        for (int status : statuses) {
            queue.add(status);
        }
    }

    /** Serves {@code bytes} at {@code path} (for example {@code /is-number/-/is-number-7.0.0.tgz}). */
    public void putTarball(String path, byte[] bytes) {
        tarballs.put(path, bytes.clone());
    }

    /**
     * Serves the JSON {@code body} at {@code path} (decoded, without the leading slash: {@code -/npm/v1/keys},
     * {@code -/npm/v1/attestations/@scope/name@1.0.0}), for the registry endpoints that are not packuments.
     */
    public void serve(String path, byte[] body) {
        served.put(path, body.clone());
    }

    /** Answers requests for {@code path} with a 302 to {@code location}, as registries hand tarballs to a CDN. */
    public void redirect(String path, String location) {
        redirects.put(path, location);
    }

    /** Whether requests asking for the abbreviated form get it, as the public registry does. */
    public void serveAbbreviated(boolean enabled) {
        abbreviated = enabled;
    }

    /** Whether bodies are sent chunked, without a Content-Length, so a client cannot tell their size up front. */
    public void chunked(boolean enabled) {
        chunked = enabled;
    }

    /** Answers {@code POST /-/npm/v1/security/advisories/bulk} with {@code json}, as registry.npmjs.org does. */
    public void serveBulkAdvisories(String json) {
        bulkAdvisories = json.getBytes(StandardCharsets.UTF_8);
    }

    /** The bodies posted to the bulk advisory endpoint, un-gzipped. */
    public List<String> bulkRequests() {
        return List.copyOf(bulkRequests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            if (exchange.getRequestMethod().equals("POST") && rawPath.equals(BULK_PATH)) {
                requests.add(new Request("POST", rawPath, exchange.getRequestHeaders().getFirst("Accept"),
                        exchange.getRequestHeaders().getFirst("Authorization"), null));
                byte[] posted = exchange.getRequestBody().readAllBytes();
                if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    posted = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(posted)).readAllBytes();
                }
                bulkRequests.add(new String(posted, StandardCharsets.UTF_8));
                Deque<Integer> queued = failures.get(rawPath.substring(1));
                Integer failed = queued == null ? null : queued.poll();
                if (failed != null) {
                    exchange.sendResponseHeaders(failed, -1);
                    return;
                }
                byte[] answer = bulkAdvisories;
                if (answer == null) {
                    notFound(exchange);
                } else {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    send(exchange, answer);
                }
                return;
            }
            String name = URLDecoder.decode(rawPath.substring(1), StandardCharsets.UTF_8);
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            requests.add(new Request(exchange.getRequestMethod(), rawPath, accept,
                    exchange.getRequestHeaders().getFirst("Authorization"), ifNoneMatch));
            Deque<Integer> queue = failures.get(name);
            Integer failure = queue == null ? null : queue.poll();
            if (failure != null) {
                exchange.sendResponseHeaders(failure, -1);
                return;
            }
            String location = redirects.get(rawPath);
            if (location != null) {
                exchange.getResponseHeaders().set("Location", location);
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            byte[] document = served.get(name);
            if (document != null) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                send(exchange, new String(document, StandardCharsets.UTF_8).replace(PUBLIC_REGISTRY, url())
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (name.contains("/-/")) {
                serveTarball(exchange, "/" + name);
                return;
            }
            Path file = documents.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8) + ".json");
            if (name.isEmpty() || name.contains("..") || !Files.isRegularFile(file)) {
                notFound(exchange);
                return;
            }
            Path abbreviatedFile = documents.resolve(
                    URLEncoder.encode(name, StandardCharsets.UTF_8) + ".abbreviated.json");
            boolean wantsAbbreviated = abbreviated && accept != null && accept.startsWith(ABBREVIATED)
                    && Files.isRegularFile(abbreviatedFile);
            byte[] body = Files.readString(wantsAbbreviated ? abbreviatedFile : file, StandardCharsets.UTF_8)
                    .replace(PUBLIC_REGISTRY, url()).getBytes(StandardCharsets.UTF_8);
            String etag = "\"" + sha256(body) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", wantsAbbreviated ? ABBREVIATED : "application/json");
            send(exchange, body);
        }
    }

    private void serveTarball(HttpExchange exchange, String path) throws IOException {
        byte[] body = tarballs.get(path);
        if (body == null) {
            String file = path.substring(path.lastIndexOf('/') + 1);
            Path onDisk = documents.resolve("tarballs").resolve(file);
            if (file.isEmpty() || file.contains("..") || !Files.isRegularFile(onDisk)) {
                notFound(exchange);
                return;
            }
            body = Files.readAllBytes(onDisk);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        send(exchange, body);
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        byte[] body = "{\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(404, body.length);
        exchange.getResponseBody().write(body);
    }

    private void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
