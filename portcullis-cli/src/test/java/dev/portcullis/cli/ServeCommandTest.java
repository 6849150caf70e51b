package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.Environment;
import dev.portcullis.testkit.ChildJvm;
import dev.portcullis.testkit.FakeRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code portcullis serve}: the ready line, a clean stop on SIGTERM, and a bad configuration as exit 2 with its line. */
@Timeout(300)
class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsTheUrlItServesWhenReadyAndStopsOnSigterm() throws Exception {
        try (FakeRegistry registry = FakeRegistry.start()) {
            Process process = ChildJvm.start(Main.class, List.of("-Xmx256m"), List.of("serve", "--listen",
                    "127.0.0.1:0", "--upstream", registry.url(), "--data", tmp.resolve("data").toString()),
                    tmp.resolve("serve.err"));
            String ready = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(ready).matches("portcullis serve: serving http://127\\.0\\.0\\.1:\\d+/");
            String url = ready.substring(ready.indexOf("http://"));
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> ping = http.send(HttpRequest.newBuilder(URI.create(url + "-/ping")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ping.statusCode()).isEqualTo(200);
            }
            process.destroy();
            assertThat(process.waitFor()).isEqualTo(143);
            assertThat(Files.readString(tmp.resolve("serve.err"))).doesNotContain("Exception");
        }
    }

    @Test
    void anUnknownConfigurationKeyIsExit2WithFileAndLine() throws Exception {
        Path config = tmp.resolve("portcullis-server.yml");
        Files.writeString(config, "listen: 127.0.0.1:0\nupstrem: https://registry.example/\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(Map.of(), tmp, Clock.systemUTC(), null);
        int exit = Main.run(environment, false, new PrintWriter(out), new PrintWriter(err), "serve", "--config",
                config.toString(), "--data", tmp.resolve("data").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("portcullis serve: " + config + ":2: unknown key 'upstrem'")
                .doesNotContain("null");
    }
}
