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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line as a table of (project, extra files, arguments) → (exit code, what stdout and stderr say),
 * on real lockfiles written by the real clients, offline, with an isolated environment (no user .npmrc, an empty
 * cache, a fixed date).
 */
class CliTest {
    private Path work;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createTempDirectory("portcullis-cli");
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Environment environment() {
        return new Environment(Map.of("npm_config_globalconfig", work.resolve("no-global-npmrc").toString()),
                work.resolve("home"), Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC),
                work.resolve("cache"));
    }

    /** Copies a fixture project into the work directory, adds files, and returns its path. */
    private Path project(String fixture, Map<String, String> extraFiles) throws IOException {
        Path dir = Fixtures.copy(fixture, work.resolve("project"));
        for (Map.Entry<String, String> extra : extraFiles.entrySet()) {
            Path target = dir.resolve(extra.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, extra.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(environment(), false, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    record Row(String name, String fixture, Map<String, String> files, List<String> args, int exit,
               List<String> stdout, List<String> stderr) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row("pinnedRegistryPackage_passes", "npm/one-package-v3", Map.of(), List.of(), 0,
                        List.of("PASSED", "1 packages (1 direct"), List.of()),
                row("installScriptNotAllowed_fails", "npm/install-script-v3", Map.of(), List.of(), 1,
                        List.of("scripts/install-script", "esbuild@0.24.0 runs install scripts", "FAILED"), List.of()),
                row("installScriptAllowedByPolicy_passes", "npm/install-script-v3",
                        Map.of("portcullis.yml", "scripts:\n  allow:\n    - esbuild@0.24.0\n"), List.of(), 0,
                        List.of("PASSED"), List.of()),
                row("installScriptAllowedByExplicitPolicyFile_passes", "npm/install-script-v3",
                        Map.of("policies/strict.yml", "scripts:\n  allow: [esbuild@0.24.0]\n"),
                        List.of("--policy", "{dir}/policies/strict.yml"), 0, List.of("PASSED"), List.of()),
                row("failOnRaisedThreshold_lowFindingFails", "npm/one-package-v3",
                        Map.of("package.json", "{\"name\":\"one-package\",\"version\":\"1.0.0\",\"dependencies\":{\"is-number\":\"^7.0.0\"}}"),
                        List.of("--fail-on", "low"), 1,
                        List.of("manifest/unpinned-range", "is-number@\"^7.0.0\""), List.of()),
                row("npmV1_directDependencyAnotherPackageRequiresToo_inSync", "npm/direct-and-transitive-v1", Map.of(),
                        List.of(), 0, List.of("PASSED", "2 packages (2 direct, 0 transitive"), List.of()),
                row("yarnBerry_devDependencyIsDev", "yarn-berry/one-package-dev", Map.of(), List.of(), 0,
                        List.of("1 packages (1 direct, 0 transitive; 0 prod, 1 dev"), List.of()),
                row("failOnUpperCase_isASeverity", "npm/install-script-v3", Map.of(), List.of("--fail-on", "CRITICAL"),
                        0, List.of("PASSED (fails on critical or worse)"), List.of()),
                row("formatUpperCase_isAFormat", "npm/one-package-v3", Map.of(), List.of("--format", "JSON"), 0,
                        List.of("\"tool\" : {"), List.of()),
                row("failOnNone_reportsOnly", "npm/install-script-v3", Map.of(), List.of("--fail-on", "none"), 0,
                        List.of("scripts/install-script", "REPORTED (--fail-on none", "it would have failed"), List.of()),
                row("failOnNoneMixedCase_reportsOnly", "npm/install-script-v3", Map.of(), List.of("--fail-on", "None"),
                        0, List.of("REPORTED"), List.of()),
                row("failOnNone_inputErrorStillExits2", "npm/not-json", Map.of(
                        "package.json", "{\"name\":\"x\",\"version\":\"1.0.0\"}"), List.of("--fail-on", "none"), 2,
                        List.of(), List.of("package-lock.json:1: malformed JSON")),
                row("unknownOption_usageError", "npm/one-package-v3", Map.of(), List.of("--frobnicate"), 2,
                        List.of(), List.of("Unknown option")),
                row("unknownFormat_usageError", "npm/one-package-v3", Map.of(), List.of("--format", "xml"), 2,
                        List.of(), List.of("unknown format 'xml'")),
                row("unknownSeverity_usageError", "npm/one-package-v3", Map.of(), List.of("--fail-on", "severe"), 2,
                        List.of(), List.of("unknown severity 'severe' (expected critical, high, medium, low, info or none)")),
                row("policyWithUnknownKey_inputErrorWithLine", "npm/one-package-v3",
                        Map.of("portcullis.yml", "failOn: high\nscripts:\n  alow: []\n"), List.of(), 2,
                        List.of(), List.of("portcullis.yml:3: unknown key 'alow' in scripts")),
                row("lockfileNotJson_inputErrorWithLine", "npm/not-json", Map.of(
                        "package.json", "{\"name\":\"x\",\"version\":\"1.0.0\"}"), List.of(), 2,
                        List.of(), List.of("package-lock.json:1: malformed JSON")),
                row("packageJsonMalformed_inputErrorWithLine", "npm/one-package-v3",
                        Map.of("package.json", "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"a\": 1\n  }\n}\n"),
                        List.of(), 2, List.of(), List.of("package.json:4: dependencies.a must be a string")));
    }

    private static Arguments row(String name, String fixture, Map<String, String> files, List<String> args, int exit,
                                 List<String> stdout, List<String> stderr) {
        return Arguments.of(new Row(name, fixture, files, args, exit, stdout, stderr));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void scan(Row row) throws IOException {
        Path dir = project(row.fixture(), row.files());
        List<String> args = new ArrayList<>(List.of("scan", dir.toString(), "--offline"));
        row.args().forEach(a -> args.add(a.replace("{dir}", dir.toString())));
        Run result = run(args.toArray(new String[0]));
        assertThat(result.exit()).as("exit code; stderr: %s; stdout: %s", result.err(), result.out())
                .isEqualTo(row.exit());
        row.stdout().forEach(s -> assertThat(result.out()).contains(s));
        row.stderr().forEach(s -> assertThat(result.err()).contains(s));
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void scanHonoursTheDenyEntriesOfThePolicy() throws IOException {
        Path dir = project("npm/one-package-v3", Map.of("portcullis.yml", """
                deny:
                  - package: is-number@7.0.0
                    reason: breaks our build (INC-42)
                """));
        Run result = run("scan", dir.toString(), "--offline", "--format", "json");
        assertThat(result.exit()).isEqualTo(1);
        JsonNode findings = Json.mapper().readTree(result.out()).path("findings");
        List<String> denied = new ArrayList<>();
        findings.forEach(f -> {
            if (f.path("rule").asText().equals("policy/denied")) {
                denied.add(f.path("severity").asText() + " " + f.path("message").asText());
            }
        });
        assertThat(denied).containsExactly("critical is-number@7.0.0 is denied by the policy (portcullis.yml:2): "
                + "breaks our build (INC-42)");
    }

    @Test
    void ciFilesAreChecked() throws IOException {
        Path dir = project("npm/one-package-v3", Map.of(".github/workflows/ci.yml", """
                name: ci
                on: [push]
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: npm ci
                      - run: |
                          curl -fsSL https://get.example/install.sh | sh
                          npx cowsay@latest hello
                """));
        Run result = run("scan", dir.toString(), "--offline", "--format", "json");
        assertThat(result.exit()).isEqualTo(1);
        JsonNode findings = Json.mapper().readTree(result.out()).path("findings");
        List<String> summary = new ArrayList<>();
        findings.forEach(f -> summary.add(f.path("rule").asText() + " " + f.at("/location/file").asText() + ":"
                + f.at("/location/line").asInt()));
        assertThat(summary).containsExactly("ci/pipe-to-shell .github/workflows/ci.yml:10",
                "ci/runtime-resolution .github/workflows/ci.yml:11");
    }

    @Test
    void installScriptsTheLockfileDoesNotRecordComeFromTheRegistry() throws IOException {
        try (FakeRegistry registry = FakeRegistry.start()) {
            Path dir = project("yarn-classic/install-script", Map.of(".npmrc", "registry=" + registry.url() + "\n"));
            Run offline = run("scan", dir.toString(), "--offline");
            assertThat(offline.exit()).as(offline.err()).isEqualTo(0);
            assertThat(offline.out()).contains("Not checked").contains("install scripts of 24 package(s): yarn.lock does not record them");
            Run online = run("scan", dir.toString());
            assertThat(online.exit()).as(online.err()).isEqualTo(1);
            assertThat(online.out()).contains("esbuild@0.19.12 runs install scripts at install time (a direct dependency)")
                    .doesNotContain("install scripts of 24 package(s)")
                    .contains("registry " + registry.url() + " has no bulk advisory endpoint (it answered 404); "
                            + "no advisory data: run `portcullis db import");
            Run cached = run("scan", dir.toString(), "--offline");
            assertThat(cached.exit()).isEqualTo(1);
            assertThat(cached.out()).doesNotContain("registry metadata of");
            // each of the 24 documents once, shared by the install-script facts and the metadata rules, then the
            // bulk advisory endpoint once; the offline runs ask nothing
            assertThat(registry.requests()).hasSize(25);
            assertThat(registry.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
        }
    }

    /** A workspace member has no lockfile of its own: the workspace root's, two levels up, is scanned. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"npm/workspaces-v3", "pnpm/workspaces-v9",
            "yarn-berry/workspaces"})
    void aWorkspaceMemberIsScannedWithTheRootLockfile(String fixture) throws IOException {
        Path dir = project(fixture, Map.of());
        Run member = run("scan", dir.resolve("packages/a").toString(), "--offline");
        Run root = run("scan", dir.toString(), "--offline");
        assertThat(member.out()).contains("packages/a is a member of the workspace at ../..: scanned the workspace")
                .doesNotContain("there is no lockfile");
        assertThat(member.exit()).isEqualTo(root.exit());
        assertThat(member.out().lines().filter(l -> l.contains("packages (")).toList())
                .isEqualTo(root.out().lines().filter(l -> l.contains("packages (")).toList());
    }

    @Test
    void aDirectoryTheWorkspaceDoesNotList_isAProjectOfItsOwn() throws IOException {
        Path dir = project("npm/workspaces-v3", Map.of("tools/x/package.json",
                "{\"name\":\"x\",\"version\":\"1.0.0\",\"dependencies\":{\"is-number\":\"7.0.0\"}}"));
        Run run = run("scan", dir.resolve("tools/x").toString(), "--offline");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("there is no lockfile").doesNotContain("member of the workspace");
    }

    @Test
    void projectWithoutLockfileFailsOutOfSync() throws IOException {
        Path dir = project("npm/one-package-v3", Map.of());
        Files.delete(dir.resolve("package-lock.json"));
        Run result = run("scan", dir.toString(), "--offline");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("lockfile/out-of-sync").contains("there is no lockfile");
    }

    @Test
    void directoryWithoutPackageJsonIsAUsageError() throws IOException {
        Files.createDirectories(work.resolve("empty"));
        Run result = run("scan", work.resolve("empty").toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("no package.json in");
    }

    @Test
    void jsonOutputIsTheDocumentedObject() throws IOException {
        Path dir = project("npm/install-script-v3", Map.of());
        Run result = run("scan", dir.toString(), "--offline", "--format", "json");
        assertThat(result.exit()).isEqualTo(1);
        JsonNode json = Json.mapper().readTree(result.out());
        assertThat(json.at("/tool/name").asText()).isEqualTo("portcullis");
        assertThat(json.at("/lockfile/format").asText()).isEqualTo("npm");
        assertThat(json.at("/passed").asBoolean()).isFalse();
        JsonNode finding = json.at("/findings/0");
        assertThat(finding.at("/rule").asText()).isEqualTo("scripts/install-script");
        assertThat(finding.at("/severity").asText()).isEqualTo("high");
        assertThat(finding.at("/package").asText()).isEqualTo("esbuild");
        assertThat(finding.at("/version").asText()).isEqualTo("0.24.0");
        assertThat(finding.at("/location/file").asText()).isEqualTo("package-lock.json");
        assertThat(finding.at("/location/line").asInt()).isEqualTo(398);
    }

    @Test
    void sarifOutputToFile() throws IOException {
        Path dir = project("npm/install-script-v3", Map.of());
        Path sarif = work.resolve("out.sarif");
        Run result = run("scan", dir.toString(), "--offline", "--format", "sarif", "-o", sarif.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        JsonNode json = Json.mapper().readTree(sarif.toFile());
        assertThat(json.at("/version").asText()).isEqualTo("2.1.0");
        assertThat(json.at("/runs/0/results/0/ruleId").asText()).isEqualTo("scripts/install-script");
    }

    @Test
    void firstContact_installScriptsAloneEndTheReportWithInit_andInitIsAcceptedWithOneEdit() throws IOException {
        Path dir = project("npm/install-script-v3", Map.of());
        Run scan = run("scan", dir.toString(), "--offline", "--no-color");
        assertThat(scan.exit()).isEqualTo(1);
        assertThat(scan.out().strip()).endsWith("Only install scripts failed. Next: portcullis init — it writes "
                + "portcullis.yml with this package proposed for scripts.allow; review it, then uncomment that one "
                + "line.");

        Run first = run("init", dir.toString(), "--offline");
        assertThat(first.exit()).isEqualTo(0);
        String policy = Files.readString(dir.resolve("portcullis.yml"));
        assertThat(policy).contains("\n  # allow: [\"esbuild@0.24.0\"]\n");
        Run second = run("init", dir.toString(), "--offline");
        assertThat(second.exit()).isEqualTo(2);
        assertThat(second.err()).contains("exists; use --force");
        assertThat(run("scan", dir.toString(), "--offline", "--no-color").out().strip())
                .endsWith("Next: review this package (portcullis inspect NAME@VERSION) and add it to scripts.allow "
                        + "in portcullis.yml.");

        Files.writeString(dir.resolve("portcullis.yml"), policy.replace("  # allow: [", "  allow: ["));
        Run accepted = run("scan", dir.toString(), "--offline", "--no-color");
        assertThat(accepted.exit()).isEqualTo(0);
        assertThat(accepted.out()).doesNotContain("Next:");
    }

    @Test
    void rulesListsTheCatalogue() {
        Run result = run("rules");
        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.out()).contains("lockfile/insecure-url").contains("scripts/install-script");
    }

    @Test
    void versionAndUnknownCommand() {
        assertThat(run("--version").out()).startsWith("portcullis ");
        Run unknown = run("frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
    }
}
