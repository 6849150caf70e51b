package dev.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.AdvisoryDb;
import dev.portcullis.engine.Environment;
import dev.portcullis.testkit.NodeClients.Client;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** npm's bulk advisory endpoint answered from the local advisory database, so npm audit works offline. */
@Timeout(300)
class AdvisoryRoutesTest extends FirewallHarness {
    static final String OSV = """
            {"schema_version": "1.6.0", "id": "GHSA-aaaa-bbbb-cccc", "modified": "2026-01-01T00:00:00Z",
             "summary": "Prototype pollution in portcullis-fixture-alpha",
             "affected": [{"package": {"ecosystem": "npm", "name": "portcullis-fixture-alpha"},
               "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.2.3"}]}]}],
             "database_specific": {"severity": "HIGH"}}
            """;

    Path database() throws Exception {
        Path osv = tmp.resolve("GHSA-aaaa-bbbb-cccc.json");
        Files.writeString(osv, OSV);
        Path db = tmp.resolve("advisories.mv.db");
        new AdvisoryDb(new Environment(Map.of(), tmp.resolve("home"), Clock.systemUTC(), null)
                .withAdvisoryDatabase(db)).importAll(List.of(osv));
        return db;
    }

    @Test
    void bulkAnswersTheAffectedVersionsAskedAbout() throws Exception {
        start("advisoryDatabase: " + database() + "\n" + POLICY);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(firewall.url()
                + "-/npm/v1/security/advisories/bulk")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"" + A + "\": [\"1.0.0\", \"1.2.3\"], \"" + B + "\": [\"2.0.0\"]}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.size()).isEqualTo(1);
        JsonNode advisory = answer.path(A).get(0);
        assertThat(advisory.path("severity").asText()).isEqualTo("high");
        assertThat(advisory.path("vulnerable_versions").asText()).isEqualTo("1.0.0");
        assertThat(advisory.path("url").asText()).isEqualTo("https://github.com/advisories/GHSA-aaaa-bbbb-cccc");
        assertThat(registry.requests()).as("answered locally").isEmpty();
    }

    @Test
    void withoutALocalDatabaseItSaysHowToGetOne() throws Exception {
        start("advisoryDatabase: " + tmp.resolve("none.mv.db") + "\n" + POLICY);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(firewall.url()
                + "-/npm/v1/security/advisories/bulk")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asText()).contains("portcullis db import");
    }

    @Test
    void npmAuditThroughTheFirewallReportsTheLocalAdvisory() throws Exception {
        start("advisoryDatabase: " + database() + "\n" + POLICY);
        List<String> npm = Client.NPM.command().orElseThrow();
        Path dir = Files.createDirectories(tmp.resolve("audit"));
        Path home = Files.createDirectories(tmp.resolve("audit-home"));
        Files.writeString(home.resolve(".npmrc"), "");
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"audit\",\"version\":\"1.0.0\",\"private\":true,"
                + "\"dependencies\":{\"" + A + "\":\"1.0.0\"}}");
        String lock = run(dir, home, npm, "install", "--package-lock-only", "--no-audit", "--no-fund");
        assertThat(Files.exists(dir.resolve("package-lock.json"))).as(lock).isTrue();
        String audit = run(dir, home, npm, "audit", "--json");
        JsonNode report = JSON.readTree(audit);
        assertThat(report.at("/metadata/vulnerabilities/high").asInt()).as(audit).isEqualTo(1);
        assertThat(report.at("/vulnerabilities/" + A + "/via/0/url").asText())
                .isEqualTo("https://github.com/advisories/GHSA-aaaa-bbbb-cccc");
    }

    private String run(Path dir, Path home, List<String> npm, String... args) throws Exception {
        List<String> command = new ArrayList<>(npm);
        command.addAll(List.of(args));
        command.addAll(List.of("--registry", firewall.url(), "--cache", dir.resolve(".npm-cache").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.toLowerCase(java.util.Locale.ROOT).startsWith("npm_config_"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("npm_config_userconfig", home.resolve(".npmrc").toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(5, TimeUnit.MINUTES);
        return out;
    }
}
