package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.Environment;
import dev.portcullis.json.Json;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * {@code portcullis scan} with the registry-metadata rules, end to end: a lockfile whose locked versions the testkit's
 * registry on 127.0.0.1 describes with recorded full packuments ({@code fixtures/registry-meta}).
 */
class MetadataCliTest {
    @TempDir
    Path work;
    private FakeRegistry registry;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        registry = FakeRegistry.start(Fixtures.path("registry-meta"));
    }

    @AfterEach
    void tearDown() {
        registry.close();
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(Map.of("npm_config_globalconfig",
                work.resolve("no-global-npmrc").toString()), work.resolve("home"),
                Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), work.resolve("cache"));
        int exit = Main.run(environment, false, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A project locking these name@version entries, resolved from the public registry as npm records them. */
    private Path project(String policy, String... locked) throws IOException {
        Path dir = Files.createDirectories(work.resolve("app"));
        StringBuilder deps = new StringBuilder();
        StringBuilder packages = new StringBuilder();
        for (String id : locked) {
            int at = id.lastIndexOf('@');
            String name = id.substring(0, at);
            String version = id.substring(at + 1);
            String unscoped = name.substring(name.indexOf('/') + 1);
            deps.append(deps.isEmpty() ? "" : ",").append("\"").append(name).append("\":\"").append(version)
                    .append("\"");
            packages.append(",\"node_modules/").append(name).append("\":{\"version\":\"").append(version)
                    .append("\",\"resolved\":\"https://registry.npmjs.org/").append(name).append("/-/")
                    .append(unscoped).append("-").append(version).append(".tgz\",\"integrity\":\"sha512-")
                    .append("A".repeat(86)).append("==\"}");
        }
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"app\",\"version\":\"1.0.0\",\"dependencies\":{"
                + deps + "}}");
        Files.writeString(dir.resolve("package-lock.json"), "{\"name\":\"app\",\"version\":\"1.0.0\","
                + "\"lockfileVersion\":3,\"requires\":true,\"packages\":{\"\":{\"name\":\"app\",\"version\":\"1.0.0\","
                + "\"dependencies\":{" + deps + "}}" + packages + "}}");
        Files.writeString(dir.resolve(".npmrc"), "registry=" + registry.url() + "\n");
        if (policy != null) {
            Files.writeString(dir.resolve("portcullis.yml"), policy);
        }
        return dir;
    }

    private static List<String> rules(String json) throws IOException {
        JsonNode tree = Json.mapper().readTree(json);
        List<String> out = new ArrayList<>();
        tree.path("findings").forEach(f -> out.add(f.path("rule").asText() + " " + f.path("package").asText()
                + "@" + f.path("version").asText()));
        return out;
    }

    @Test
    void aTooNewLockedVersionFailsTheScanByDefault() throws IOException {
        Path dir = project(null, "fresh-pkg@1.1.0");
        Run run = run("scan", dir.toString());
        assertThat(run.exit()).as(run.err() + run.out()).isEqualTo(1);
        assertThat(run.out()).contains("meta/too-new").contains("fresh-pkg@1.1.0 was published 16 hours ago")
                .contains("minReleaseAge of 3d");
    }

    /** meta/* findings are located at the package's entry in the lockfile, so SARIF results have a region. */
    @Test
    void metaFindingsCarryTheLockfileLineOfThePackage() throws IOException {
        Path dir = project(null, "fresh-pkg@1.1.0");
        // the lockfile as npm writes it: one key per line, the package's entry at line 13
        JsonNode lock = Json.mapper().readTree(dir.resolve("package-lock.json").toFile());
        Files.writeString(dir.resolve("package-lock.json"), Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(lock));
        int line = Files.readAllLines(dir.resolve("package-lock.json")).indexOf(
                "    \"node_modules/fresh-pkg\" : {") + 1;
        assertThat(line).isGreaterThan(1);
        JsonNode tooNew = withField(Json.mapper().readTree(run("scan", dir.toString(), "--format", "json").out())
                .path("findings"), "rule", "meta/too-new");
        assertThat(tooNew.path("location").path("file").asText()).isEqualTo("package-lock.json");
        assertThat(tooNew.path("location").path("line").asInt()).isEqualTo(line);
        JsonNode result = withField(Json.mapper().readTree(run("scan", dir.toString(), "--format", "sarif").out())
                .at("/runs/0/results"), "ruleId", "meta/too-new");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(line);
    }

    /** The element of {@code array} whose {@code field} is {@code value}; fails when there is none. */
    private static JsonNode withField(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    @Test
    void theMinimumReleaseAgeIsThePolicysAndRulesCanBeTurnedOff() throws IOException {
        Path dir = project("minReleaseAge: 12h\n", "fresh-pkg@1.1.0");
        Run run = run("scan", dir.toString());
        assertThat(run.exit()).as(run.out()).isEqualTo(0);
        assertThat(run.out()).doesNotContain("meta/too-new");
        Files.writeString(dir.resolve("portcullis.yml"), "rules:\n  meta/too-new: off\n");
        assertThat(run("scan", dir.toString()).exit()).isEqualTo(0);
    }

    @Test
    void everyLockedPackageIsJudgedAndEachDocumentIsReadOnce() throws IOException {
        Path dir = project("privateScopes: [\"@acme\"]\n", "hijacked-pkg@1.1.1", "old-pkg@1.0.0", "crossenv@1.0.0",
                "@acme/internal-lib@9.9.9", "gone-version-pkg@1.0.1");
        Run run = run("scan", dir.toString(), "--format", "json");
        assertThat(run.exit()).as(run.err() + run.out()).isEqualTo(1);
        assertThat(rules(run.out())).contains("meta/publisher-change hijacked-pkg@1.1.1",
                "meta/provenance-downgrade hijacked-pkg@1.1.1", "meta/install-script-added hijacked-pkg@1.1.1",
                "meta/deprecated old-pkg@1.0.0", "meta/unmaintained old-pkg@1.0.0", "meta/typosquat crossenv@1.0.0",
                "meta/dependency-confusion @acme/internal-lib@9.9.9", "meta/unpublished gone-version-pkg@1.0.1");
        long documents = registry.requests().stream().filter(r -> r.path().equals("/hijacked-pkg")).count();
        assertThat(documents).isEqualTo(1);
    }

    @Test
    void offlineOnlyTheCacheAnswersAndTheRestIsListedAsNotChecked() throws IOException {
        Path dir = project(null, "fresh-pkg@1.1.0", "old-pkg@1.0.1");
        Run offline = run("scan", dir.toString(), "--offline");
        assertThat(offline.exit()).as(offline.out()).isEqualTo(0);
        assertThat(offline.out()).contains("Not checked").contains("registry metadata of 2 package(s) not read")
                .contains("offline: run once online to cache it");
        assertThat(run("scan", dir.toString()).exit()).isEqualTo(1);
        Run cached = run("scan", dir.toString(), "--offline");
        assertThat(cached.exit()).isEqualTo(1);
        assertThat(cached.out()).contains("meta/too-new").doesNotContain("registry metadata of");
    }
}
