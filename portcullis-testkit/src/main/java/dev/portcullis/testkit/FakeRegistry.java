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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * An npm registry on 127.0.0.1 serving recorded packuments over real HTTP: {@code GET /<name>} (scoped names as
 * {@code /@scope%2fname}) answers the file {@code <encodeURIComponent(name)>.json} of its directory, 404 when
 * there is none. Tests can queue failing status codes per path and inspect the requests (headers included).
 */
public final class FakeRegistry implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String method, String path, String accept, String authorization) {
    }

    private final HttpServer server;
    private final Path documents;
    private final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Integer>> failures = new ConcurrentHashMap<>();

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

    /** The next requests for {@code name} answer these statuses, in order, before the document is served. */
    public void failNext(String name, int... statuses) {
        Deque<Integer> queue = failures.computeIfAbsent(name, k -> new ArrayDeque<>());
        for (int status : statuses) {
            queue.add(status);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            String name = URLDecoder.decode(rawPath.substring(1), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), rawPath,
                    exchange.getRequestHeaders().getFirst("Accept"),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            Deque<Integer> queue = failures.get(name);
            Integer failure = queue == null ? null : queue.poll();
            if (failure != null) {
                exchange.sendResponseHeaders(failure, -1);
                return;
            }
            Path file = documents.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8) + ".json");
            if (name.isEmpty() || name.contains("..") || !Files.isRegularFile(file)) {
                byte[] body = "{\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
