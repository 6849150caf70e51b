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

/** The read side of the registry protocol through a firewall in front of a recorded upstream, over real HTTP. */
@Timeout(300)
class FirewallRoutesTest extends FirewallHarness {
    @Test
    void listsOnlyAllowedVersions_latestMovesToTheHighestAllowed_tarballUrlsOnTheFirewall() throws Exception {
        start(POLICY);
        HttpResponse<byte[]> response = get("/" + A);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json(response);
        assertThat(doc.path("versions").properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly("1.0.0", "1.2.3");
        assertThat(doc.path("dist-tags").path("latest").asText()).isEqualTo("1.2.3");
        assertThat(doc.path("dist-tags").has("next")).as("a tag whose version is hidden is dropped").isFalse();
        assertThat(doc.path("time").has("1.2.4")).isFalse();
        assertThat(doc.path("time").has("1.2.3")).isTrue();
        assertThat(doc.path("versions").path("1.2.3").path("dist").path("tarball").asText())
                .isEqualTo(firewall.url() + A + "/-/" + A + "-1.2.3.tgz");
    }

    @Test
    void abbreviatedDocumentIsMadeWhenTheUpstreamIgnoresTheHeader() throws Exception {
        start(POLICY);
        HttpResponse<byte[]> response = get("/" + A, "Accept", "application/vnd.npm.install-v1+json");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.npm.install-v1+json");
        JsonNode doc = json(response);
        assertThat(doc.has("time")).isFalse();
        assertThat(doc.path("versions").path("1.2.3").path("dist").path("integrity").asText()).startsWith("sha512-");
        assertThat(doc.path("modified").isTextual()).isTrue();
    }

    @Test
    void etagAnswers304AndGzipIsOffered() throws Exception {
        start(POLICY);
        HttpResponse<byte[]> first = get("/" + A, "Accept-Encoding", "gzip");
        assertThat(first.headers().firstValue("Content-Encoding")).hasValue("gzip");
        JsonNode doc = JSON.readTree(new GZIPInputStream(new ByteArrayInputStream(first.body())));
        assertThat(doc.path("name").asText()).isEqualTo(A);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/" + A, "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void servesAnAllowedTarballAndRefusesHeldBackOnesWith403() throws Exception {
        start(POLICY);
        HttpResponse<byte[]> ok = get("/" + A + "/-/" + A + "-1.2.3.tgz");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(Files.readAllBytes(upstream.dir().resolve("tarballs/" + A + "-1.2.3.tgz")));
        HttpResponse<byte[]> young = get("/" + A + "/-/" + A + "-1.2.4.tgz");
        assertThat(young.statusCode()).isEqualTo(403);
        assertThat(json(young).path("error").asText()).contains(A + "@1.2.4 is quarantined until")
                .contains("minReleaseAge");
        HttpResponse<byte[]> denied = get("/" + A + "/-/" + A + "-1.3.0.tgz");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied).path("error").asText()).contains(A + "@1.3.0 is blocked")
                .contains("broke production (INC-42)");
    }

    @Test
    void contentAnalysisBlocksAVersionThatPostsTheEnvironment() throws Exception {
        start(POLICY);
        HttpResponse<byte[]> response = get("/" + EVIL + "/-/" + EVIL + "-1.0.0.tgz");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("error").asText()).contains("is blocked")
                .contains("content/credential-exfiltration");
        assertThat(json(get("/" + EVIL)).path("versions").size()).as("a judged version leaves the listing").isZero();
    }

    @Test
    void scopedNamesInEveryForm() throws Exception {
        start(POLICY);
        assertThat(json(get("/@fixture%2fportcullis-scoped")).path("name").asText()).isEqualTo(SCOPED);
        assertThat(json(get("/@fixture/portcullis-scoped")).path("name").asText()).isEqualTo(SCOPED);
        assertThat(get("/@fixture/portcullis-scoped/-/portcullis-scoped-1.0.0.tgz").statusCode()).isEqualTo(200);
        assertThat(json(get("/@fixture/portcullis-scoped/1.0.0")).path("version").asText()).isEqualTo("1.0.0");
    }

    @Test
    void versionTagDistTagsPingAndHead() throws Exception {
        start(POLICY);
        assertThat(json(get("/" + A + "/latest")).path("version").asText()).isEqualTo("1.2.3");
        assertThat(get("/" + A + "/1.2.4").statusCode()).isEqualTo(403);
        assertThat(json(get("/-/package/" + A + "/dist-tags")).toString()).isEqualTo("{\"latest\":\"1.2.3\"}");
        assertThat(get("/-/ping").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create(firewall.url() + A))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void writeRoutesAreRefusedWithAMessage() throws Exception {
        start(POLICY);
        for (String method : new String[] {"PUT", "DELETE", "POST"}) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(firewall.url() + A))
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(json(response).path("error").asText()).contains("reads only");
        }
        HttpResponse<byte[]> login = http.send(HttpRequest.newBuilder(URI.create(firewall.url()
                + "-/user/org.couchdb.user:someone")).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(login.statusCode()).isEqualTo(405);
    }

    @Test
    void aPrivateScopeIsNeverAskedOfTheUpstream() throws Exception {
        start(POLICY + "  privateScopes: ['@fixture']\n");
        HttpResponse<byte[]> response = get("/@fixture%2fportcullis-scoped");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asText()).contains("private scope @fixture");
        assertThat(registry.requests()).noneMatch(r -> r.path().contains("fixture%2f") || r.path().contains("@fixture"));
    }

    @Test
    void clientsNeedAnAccessTokenWhenConfigured() throws Exception {
        start(POLICY + "access:\n  tokens: ['0123456789abcdef-ci']\n");
        assertThat(get("/" + A).statusCode()).isEqualTo(401);
        assertThat(get("/" + A, "Authorization", "Bearer wrong-token-0123456").statusCode()).isEqualTo(401);
        assertThat(get("/" + A, "Authorization", "Bearer 0123456789abcdef-ci").statusCode()).isEqualTo(200);
        assertThat(registry.requests()).allMatch(r -> r.authorization() == null,
                "the client's token is not passed upstream");
    }

    @Test
    void healthAndMetrics() throws Exception {
        start(POLICY);
        get("/" + A);
        get("/" + A + "/-/" + A + "-1.2.3.tgz");
        JsonNode health = json(get("/-/portcullis/health"));
        assertThat(health.path("ready").asBoolean()).isTrue();
        assertThat(health.path("upstream").asText()).isEqualTo("up");
        String metrics = new String(get("/-/portcullis/metrics").body(), StandardCharsets.UTF_8);
        assertThat(metrics).contains("portcullis_requests_total{route=\"packument\",status=\"200\"} 1")
                .contains("portcullis_requests_total{route=\"tarball\",status=\"200\"} 1")
                .contains("portcullis_decisions_total{kind=\"allow\"} 1")
                .contains("portcullis_decisions_total{kind=\"quarantine\"} 1");
    }

    @Test
    void newVersionsOfAPackageInUseAreJudgedAheadOfTheirFirstRequest() throws Exception {
        start("  packumentTtl: 0m\n", POLICY);
        assertThat(get("/" + B + "/-/" + B + "-2.0.0.tgz").statusCode()).isEqualTo(200);
        upstream.publish(B, "2.1.0", old.plusSeconds(600), null, Map.of(A, "^1.2.0"));
        assertThat(get("/" + B).statusCode()).isEqualTo(200); // the new document: 2.1.0 is judged in the background
        while (!registry.requests().stream().anyMatch(r -> r.path().equals("/" + B + "/-/" + B + "-2.1.0.tgz"))
                || decisions() < 2) {
            Thread.sleep(100);
        }
        HttpResponse<byte[]> judged = get("/" + B + "/-/" + B + "-2.1.0.tgz");
        assertThat(judged.statusCode()).as(new String(judged.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(registry.requests()).anyMatch(r -> r.path().equals("/" + B + "/-/" + B + "-2.1.0.tgz"));
        assertThat(json(get("/" + B)).path("dist-tags").path("latest").asText()).isEqualTo("2.1.0");
    }

    /** Decisions made so far, of every kind. */
    long decisions() throws Exception {
        long total = 0;
        for (String line : new String(get("/-/portcullis/metrics").body(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("portcullis_decisions_total{")) {
                total += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
