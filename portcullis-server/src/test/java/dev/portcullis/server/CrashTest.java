package dev.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.testkit.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A firewall in its own JVM killed with SIGKILL while it stores decisions and blobs: every version a client was
 * served before the kill is served again after it with the upstream gone (its decision and blob survived), and no
 * half-written blob is left. And a SIGTERM stops it cleanly.
 */
@Timeout(600)
class CrashTest extends FirewallHarness {
    private static final int PACKAGES = 24;

    static String name(int i) {
        return String.format("portcullis-fixture-crash-%02d", i);
    }

    Path config() throws Exception {
        for (int i = 0; i < PACKAGES; i++) {
            upstream.publish(name(i), "1.0.0", old, null, Map.of());
        }
        Path config = tmp.resolve("portcullis-server.yml");
        Files.writeString(config, "listen: 127.0.0.1:0\nupstream: " + registry.url() + "\nstorage:\n  data: data\n"
                + "  packumentTtl: 0m\n" + POLICY);
        return config;
    }

    Process child(Path config, String[] url) throws Exception {
        Process process = ChildJvm.start(FirewallMain.class, List.of("-Xmx256m"), List.of(config.toString()),
                tmp.resolve("child-" + System.nanoTime() + ".err"));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        url[0] = out.readLine();
        assertThat(url[0]).as("the ready line").startsWith("http://127.0.0.1:");
        return process;
    }

    @Test
    void kill9WhileStoringLosesNoServedDecisionAndLeavesNoHalfWrittenBlob() throws Exception {
        Path config = config();
        String[] url = new String[1];
        Process process = child(config, url);
        Map<String, byte[]> served = new ConcurrentHashMap<>();
        CountDownLatch fifth = new CountDownLatch(5);
        Thread client = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < PACKAGES; i++) {
                String path = name(i) + "/-/" + name(i) + "-1.0.0.tgz";
                try {
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url[0] + path))
                            .build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() == 200) {
                        served.put(path, response.body());
                        fifth.countDown();
                    }
                } catch (Exception e) {
                    return; // the server was killed under this request
                }
            }
        });
        fifth.await();
        process.destroyForcibly().waitFor();
        client.join();
        assertThat(served).hasSizeGreaterThanOrEqualTo(5);
        registry.close(); // from now on only what was stored can be served
        Process again = child(config, url);
        try {
            for (Map.Entry<String, byte[]> entry : served.entrySet()) {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url[0] + entry.getKey()))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(entry.getValue());
            }
        } finally {
            again.destroy();
            again.waitFor();
        }
        try (Stream<Path> files = Files.walk(tmp.resolve("data/blobs/sha512"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(file.getParent().getFileName().toString()).as("no temporary file left: " + file)
                        .isNotEqualTo("incoming");
                String name = file.getParent().getFileName().toString() + file.getFileName();
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                        .digest(Files.readAllBytes(file)))).as("a blob's bytes hash to its name").isEqualTo(name);
            }
        }
    }

    @Test
    void sigtermStopsCleanlyAndTheStoreOpensAgain() throws Exception {
        Path config = config();
        String[] url = new String[1];
        Process process = child(config, url);
        HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(URI.create(url[0] + name(0) + "/-/" + name(0)
                + "-1.0.0.tgz")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(first.statusCode()).isEqualTo(200);
        process.destroy();
        assertThat(process.waitFor()).as("SIGTERM: the JVM's exit status after its shutdown hooks ran").isEqualTo(143);
        registry.close();
        Process again = child(config, url);
        try {
            HttpResponse<byte[]> second = http.send(HttpRequest.newBuilder(URI.create(url[0] + name(0) + "/-/"
                    + name(0) + "-1.0.0.tgz")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(second.body()).isEqualTo(first.body());
        } finally {
            again.destroy();
            again.waitFor();
        }
    }
}
