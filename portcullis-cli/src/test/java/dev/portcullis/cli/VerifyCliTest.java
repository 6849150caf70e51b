package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.portcullis.engine.Environment;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import dev.portcullis.testkit.NodeTools;
import dev.portcullis.testkit.PublishedPackages;
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
 * {@code portcullis verify} end to end on the tree npm 11 installed (fixtures/installed/npm), against its real
 * tarballs served on 127.0.0.1: exit codes, the three formats (JSON against docs/verify-report.schema.json, SARIF
 * against the official schema), errors without stack traces, and the offline run from the cache.
 */
class VerifyCliTest {
    @TempDir
    Path work;
    private FakeRegistry registry;
    private Path project;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        PublishedPackages published = new PublishedPackages(Files.createDirectories(work.resolve("registry")));
        Path tarballs = Fixtures.path("installed/registry/tarballs");
        for (String[] p : List.of(new String[] {"is-number", "7.0.0", "is-number-7.0.0.tgz"},
                new String[] {"isexe", "2.0.0", "isexe-2.0.0.tgz"}, new String[] {"isexe", "3.1.1", "isexe-3.1.1.tgz"},
                new String[] {"which", "2.0.2", "which-2.0.2.tgz"},
                new String[] {"@types/ms", "0.7.34", "types-ms-0.7.34.tgz"})) {
            published.publish(p[0], p[1], Files.readAllBytes(tarballs.resolve(p[2])));
        }
        registry = FakeRegistry.start(published.dir());
        project = Fixtures.copy("installed/npm", work.resolve("project"));
    }

    @AfterEach
    void tearDown() {
        registry.close();
    }

    private Environment environment() {
        return new Environment(Map.of("npm_config_globalconfig", work.resolve("no-global-npmrc").toString(),
                "npm_config_userconfig", work.resolve("no-user-npmrc").toString()),
                work.resolve("home"), Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC),
                work.resolve("cache"));
    }

    private Run verify(String... args) {
        List<String> all = new ArrayList<>(List.of("verify", project.toString(), "--registry", registry.url()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(environment(), false, new PrintWriter(out), new PrintWriter(err),
                all.toArray(new String[0]));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void exitCodes() throws IOException {
        Run clean = verify();
        assertThat(clean.exit()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("checked: 5 locked packages, 5 installed, 5 compared file by file")
                .contains("not checked: the registry " + registry.url() + " publishes no signing keys")
                .contains("passed: no findings");

        Files.delete(project.resolve("node_modules/is-number/README.md"));
        assertThat(verify("--fail-on", "critical").exit()).isZero();
        Run missingFile = verify();
        assertThat(missingFile.exit()).isZero(); // medium is below the default threshold (high)
        assertThat(missingFile.out()).contains("MEDIUM verify/missing-file  node_modules/is-number/README.md");

        Files.writeString(project.resolve("node_modules/which/which.js"), "process.exit(0)\n");
        Run modified = verify();
        assertThat(modified.exit()).isEqualTo(1);
        assertThat(modified.out()).contains("CRITICAL verify/modified-file  node_modules/which/which.js differs from "
                + "which@2.0.2's published tarball").contains("failed: 2 findings");

        assertThat(verify("--fail-on-unchecked").exit()).as("no registry keys: unchecked").isEqualTo(3);
        assertThat(verify("--fail-on-unchecked", "--no-signatures").exit()).isEqualTo(1);
    }

    @Test
    void badInputIsExitTwoWithASentence() throws IOException {
        Run badSeverity = verify("--fail-on", "bogus");
        assertThat(badSeverity.exit()).isEqualTo(2);
        assertThat(badSeverity.err()).contains("unknown severity 'bogus'");

        Run noKeys = verify("--keys", work.resolve("absent.json").toString());
        assertThat(noKeys.exit()).isEqualTo(2);
        assertThat(noKeys.err()).contains("the key file does not exist").doesNotContain("Exception");

        Files.writeString(work.resolve("bad-keys.json"), "{\"keys\": 3}");
        Run badKeys = verify("--keys", work.resolve("bad-keys.json").toString());
        assertThat(badKeys.exit()).isEqualTo(2);
        assertThat(badKeys.err()).contains("no \"keys\" list");

        Files.writeString(project.resolve("portcullis-trust.json"), "{\"version\": 1, \"packages\": {\"which\": {}}}");
        Run badTrust = verify();
        assertThat(badTrust.exit()).isEqualTo(2);
        assertThat(badTrust.err()).contains("portcullis-trust.json").contains("recordedVersion")
                .doesNotContain("null");

        Files.delete(project.resolve("package-lock.json"));
        Run noLockfile = verify();
        assertThat(noLockfile.exit()).isEqualTo(2);
        assertThat(noLockfile.err()).contains("no lockfile").doesNotContain("Exception").doesNotContain("null");
    }

    @Test
    void jsonFollowsItsSchema_andSarifTheOfficialOne() throws IOException {
        Files.writeString(project.resolve("node_modules/which/which.js"), "process.exit(0)\n");
        Files.createDirectories(project.resolve("node_modules/planted"));
        Files.writeString(project.resolve("node_modules/planted/package.json"), "{\"name\":\"planted\"}");
        Run json = verify("--format", "json");
        assertThat(json.exit()).isEqualTo(1);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode report = mapper.readTree(json.out());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                Files.readString(Fixtures.repoRoot().resolve("docs/verify-report.schema.json"), StandardCharsets.UTF_8));
        assertThat(schema.validate(report)).isEmpty();
        assertThat(report.at("/lockfile/format").asText()).isEqualTo("npm");
        assertThat(report.at("/checked/filesCompared").asInt()).isEqualTo(5);
        assertThat(report.path("findings")).extracting(f -> f.path("rule").asText())
                .containsExactlyInAnyOrder("verify/modified-file", "verify/unexpected-package");
        // the schema is not a rubber stamp: a report without its findings is refused
        ((com.fasterxml.jackson.databind.node.ObjectNode) report).remove("findings");
        assertThat(schema.validate(report)).isNotEmpty();

        Run sarif = verify("--format", "sarif");
        JsonSchema official = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(Files.readString(
                NodeTools.installed().resolve("node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"),
                StandardCharsets.UTF_8));
        JsonNode log = mapper.readTree(sarif.out());
        assertThat(official.validate(log)).isEmpty();
        assertThat(log.at("/runs/0/results")).extracting(r -> r.path("ruleId").asText())
                .containsExactlyInAnyOrder("verify/modified-file", "verify/unexpected-package");
    }

    @Test
    void offlineVerifiesFromTheCache() {
        assertThat(verify("--no-signatures").exit()).isZero();
        registry.close();
        Run offline = verify("--offline", "--no-signatures");
        assertThat(offline.exit()).as(offline.out() + offline.err()).isZero();
        assertThat(offline.out()).contains("5 compared file by file").doesNotContain("not checked");
    }
}
