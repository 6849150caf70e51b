package dev.portcullis.server.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.json.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One JSON line per request (time, method, path, status, bytes, milliseconds, decision), written by one
 * background thread so that a request never waits for the disk; when the queue is full, lines are counted as
 * dropped rather than slowing requests down.
 */
public final class AccessLog implements AutoCloseable {
    private final ObjectMapper mapper = Json.mapper();
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(65_536);
    private final Writer out;
    private final Thread writer;
    private volatile boolean open = true;
    private long dropped;

    public AccessLog(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        writer = Thread.ofPlatform().name("portcullis-access-log").daemon().start(this::drain);
    }

    void log(Instant at, String method, String path, int status, long bytes, long nanos, String decision) {
        ObjectNode line = mapper.createObjectNode();
        line.put("time", at.toString());
        line.put("method", method);
        line.put("path", path);
        line.put("status", status);
        line.put("bytes", bytes);
        line.put("ms", Math.round(nanos / 1e5) / 10.0);
        if (decision != null) {
            line.put("decision", decision);
        }
        if (!queue.offer(line.toString())) {
            synchronized (this) {
                dropped++;
            }
        }
    }

    private void drain() {
        try {
            while (open || !queue.isEmpty()) {
                String line = queue.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    out.flush();
                    continue;
                }
                out.write(line);
                out.write('\n');
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the log is a record, not a condition of serving: a full disk stops the log, not the firewall
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (dropped > 0) {
                out.write("{\"dropped\":" + dropped + "}\n");
            }
        }
        out.close();
    }
}
