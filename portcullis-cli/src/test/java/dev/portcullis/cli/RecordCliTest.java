package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.engine.Environment;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --record FILE} of {@code scan} and {@code sbom} on a real lockfile: each run appends one JSON line naming
 * every locked package with its integrity and verdict, the tool version and the policy file's SHA-256.
 */
class RecordCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path work;

    private int run(String... args) {
        Environment environment = new Environment(Map.of("npm_config_globalconfig",
                work.resolve("no-global-npmrc").toString(), "npm_config_userconfig",
                work.resolve("no-user-npmrc").toString()), work.resolve("home"),
                Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC), work.resolve("cache"));
        StringWriter err = new StringWriter();
        int exit = Main.run(environment, false, new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertThat(err.toString()).doesNotContain("Exception");
        return exit;
    }

    @Test
    void scanAndSbomAppendOneLineEach_withEveryPackageItsIntegrityAndVerdict() throws Exception {
        Path project = work.resolve("project");
        Fixtures.copy("npm/one-package-v3", project);
        Files.writeString(project.resolve("portcullis.yml"), "verdict:\n  failOn: block\n");
        Path record = work.resolve("records/portcullis.jsonl");
        try (FakeRegistry registry = FakeRegistry.start(Fixtures.path("registry"))) {
            Files.writeString(project.resolve(".npmrc"), "registry=" + registry.url() + "\n");
            int scan = run("scan", project.toString(), "--record", record.toString(), "--format", "json");
            int sbom = run("sbom", project.toString(), "--record", record.toString(), "-o",
                    work.resolve("bom.json").toString());
            assertThat(scan).isIn(0, 1);
            assertThat(sbom).isZero();
        }

        List<String> lines = Files.readAllLines(record);
        assertThat(lines).hasSize(2);
        JsonNode scanLine = JSON.readTree(lines.get(0));
        JsonNode sbomLine = JSON.readTree(lines.get(1));
        assertThat(scanLine.path("format").asInt()).isEqualTo(1);
        assertThat(scanLine.path("command").asText()).isEqualTo("scan");
        assertThat(scanLine.path("tool").asText()).isNotBlank();
        assertThat(scanLine.path("time").asText()).isEqualTo("2026-11-22T12:00:00Z");
        assertThat(scanLine.path("lockfile").asText()).isEqualTo("package-lock.json");
        assertThat(scanLine.path("policy").asText()).isEqualTo("portcullis.yml");
        assertThat(scanLine.path("policySha256").asText()).hasSize(64);
        assertThat(scanLine.path("outcome").asText()).isIn("passed", "failed");
        JsonNode isNumber = scanLine.path("packages").path(0);
        assertThat(isNumber.path("name").asText()).isEqualTo("is-number");
        assertThat(isNumber.path("version").asText()).isEqualTo("7.0.0");
        assertThat(isNumber.path("integrity").asText()).startsWith("sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzT");
        assertThat(isNumber.path("source").asText()).isEqualTo("registry");
        assertThat(isNumber.path("verdict").asText()).isIn("allow", "review", "block");
        assertThat(isNumber.path("findings").isArray()).isTrue();
        assertThat(sbomLine.path("command").asText()).isEqualTo("sbom");
        assertThat(sbomLine.path("outcome").asText()).isEqualTo("written");
        assertThat(sbomLine.path("packages").path(0).has("verdict")).isFalse();
        assertThat(sbomLine.path("policySha256").asText()).isEqualTo(scanLine.path("policySha256").asText());
    }
}
