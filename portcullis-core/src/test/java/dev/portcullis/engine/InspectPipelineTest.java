package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.model.InputException;
import dev.portcullis.registry.Packument;
import dev.portcullis.report.InspectReport;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.PublishedPackages;
import dev.portcullis.testkit.TarballBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets of every kind against a registry on 127.0.0.1 serving real tarballs; one bad target never stops the rest. */
class InspectPipelineTest {
    @TempDir
    Path work;
    private FakeRegistry registry;
    private PublishedPackages published;

    @BeforeEach
    void setUp() throws IOException {
        published = new PublishedPackages(Files.createDirectories(work.resolve("registry")));
        registry = FakeRegistry.start(published.dir());
        for (String version : List.of("1.0.0", "1.1.0", "2.0.0-beta.1")) {
            published.publish("plain", version, plain("plain", version));
        }
        published.publish("@acme/util", "3.1.4", plain("@acme/util", "3.1.4"));
    }

    @AfterEach
    void tearDown() {
        registry.close();
    }

    static byte[] plain(String name, String version) {
        return TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"" + name + "\",\"version\":\"" + version + "\"}")
                .file("package/index.js", "module.exports = function add(a, b) { return a + b; };\n").build();
    }

    private Environment environment() {
        return new Environment(Map.of("npm_config_globalconfig", work.resolve("no-global-npmrc").toString()),
                work.resolve("home"), Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC),
                work.resolve("cache"));
    }

    private InspectReport inspect(boolean offline, String... targets) throws Exception {
        try (Portcullis run = Portcullis.open(environment(), new Run(work, null, registry.url(), offline, true, false))) {
            return new InspectPipeline(run).run(new InspectOptions(List.of(targets), 2));
        }
    }

    @Test
    void registryTargetsResolveVersionsTagsAndRanges_inArgumentOrder() throws Exception {
        InspectReport report = inspect(false, "plain@1.0.0", "plain", "plain@^1.0.0", "plain@2.0.0-beta.1",
                "@acme/util@3.1.4");
        assertThat(report.results()).extracting(InspectReport.Result::target, InspectReport.Result::name,
                InspectReport.Result::version).containsExactly(
                org.assertj.core.groups.Tuple.tuple("plain@1.0.0", "plain", "1.0.0"),
                org.assertj.core.groups.Tuple.tuple("plain", "plain", "2.0.0-beta.1"),
                org.assertj.core.groups.Tuple.tuple("plain@^1.0.0", "plain", "1.1.0"),
                org.assertj.core.groups.Tuple.tuple("plain@2.0.0-beta.1", "plain", "2.0.0-beta.1"),
                org.assertj.core.groups.Tuple.tuple("@acme/util@3.1.4", "@acme/util", "3.1.4"));
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.error()).isNull();
            assertThat(r.files()).isEqualTo(2);
        });
    }

    @Test
    void badTargetsAreErrorEntries_andTheOthersStillRun() throws Exception {
        Files.writeString(work.resolve("notes.tgz"), "this is not gzip");
        registry.failNext("plain/-/plain-1.1.0.tgz", 500, 500, 500, 500, 500, 500);
        InspectReport report = inspect(false, "ghost@1.0.0", "plain@1.0.0", "notes.tgz", "missing.tgz",
                "plain@9.x", "plain@1.1.0");
        assertThat(report.results()).extracting(r -> r.error() == null ? "ok" : r.error().kind() + ": "
                + r.error().message()).satisfiesExactly(
                e -> assertThat(e).startsWith("INPUT: ghost is not in the registry").endsWith("(404)"),
                e -> assertThat(e).isEqualTo("ok"),
                e -> assertThat(e).startsWith("INPUT: not a readable gzipped tarball"),
                e -> assertThat(e).isEqualTo("INPUT: no such file or directory: missing.tgz"),
                e -> assertThat(e).isEqualTo("INPUT: no version of plain matches '9.x' (latest is 2.0.0-beta.1)"),
                e -> assertThat(e).startsWith("NETWORK: ").contains("500"));
        assertThat(report.worstError()).isEqualTo(InspectReport.ErrorKind.NETWORK);
    }

    @Test
    void localTarballAndDirectoryAreNamedByTheirPackageJson() throws Exception {
        Files.write(work.resolve("local.tgz"), plain("from-tgz", "0.0.1"));
        Path dir = Files.createDirectories(work.resolve("checkout"));
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"from-dir\",\"version\":\"0.0.2\"}");
        InspectReport report = inspect(true, "local.tgz", "checkout");
        assertThat(report.results()).extracting(InspectReport.Result::label)
                .containsExactly("from-tgz@0.0.1", "from-dir@0.0.2");
    }

    @Test
    void offlineAnswersFromTheCacheOnly() throws Exception {
        assertThat(inspect(false, "plain@1.0.0").worstError()).isNull();
        InspectReport offline = inspect(true, "plain@1.0.0", "@acme/util@3.1.4");
        assertThat(offline.results().get(0).error()).isNull();
        assertThat(offline.results().get(1).error().message()).contains("offline").contains("not in the cache");
    }

    @Test
    void aBadRegistryUrlOrPolicyStopsTheRun() throws IOException {
        assertThatThrownBy(() -> Portcullis.open(environment(), new Run(work, null, "ftp://example.invalid/", false,
                true, false))).isInstanceOf(InputException.class)
                .hasMessageContaining("not an http(s) registry URL");
        Files.writeString(work.resolve("portcullis.yml"), "verdict:\n  block: loud\n");
        assertThatThrownBy(() -> inspect(true, "plain")).isInstanceOf(InputException.class)
                .hasMessageContaining("portcullis.yml:2");
    }

    @Test
    void aTarballWhoseManifestHidesAnInstallScriptFromTheRegistryIsManifestConfusion() throws Exception {
        // the registry's document (written by PublishedPackages) declares no scripts; the tarball's package.json does
        published.publish("hidden", "1.0.0", TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"hidden\",\"version\":\"1.0.0\","
                        + "\"scripts\":{\"postinstall\":\"node setup.js\"}}")
                .file("package/setup.js", "console.log('hello');\n").build());
        InspectReport report = inspect(false, "hidden@1.0.0", "plain@1.0.0");
        assertThat(report.results().get(0).findings()).anySatisfy(f -> {
            assertThat(f.rule().id()).isEqualTo("meta/manifest-confusion");
            assertThat(f.evidence()).contains("scripts.postinstall: registry absent, tarball 'node setup.js'");
        });
        assertThat(report.results().get(1).findings()).noneMatch(f -> f.rule().id().startsWith("meta/"));
    }

    @Test
    void sha1OnlyDownloadsAreVerifiedAndWarnedAbout() throws Exception {
        byte[] tarball = plain("old-pkg", "0.1.0");
        String sha1 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(tarball));
        Files.write(published.dir().resolve("tarballs/old-pkg-0.1.0.tgz"), tarball);
        Files.writeString(published.dir().resolve("old-pkg.json"), "{\"name\":\"old-pkg\",\"dist-tags\":{\"latest\":"
                + "\"0.1.0\"},\"versions\":{\"0.1.0\":{\"name\":\"old-pkg\",\"version\":\"0.1.0\",\"dist\":{"
                + "\"tarball\":\"https://registry.npmjs.org/old-pkg/-/old-pkg-0.1.0.tgz\",\"shasum\":\"" + sha1 + "\"}}}}");
        InspectReport report = inspect(false, "old-pkg@0.1.0");
        assertThat(report.results().get(0).error()).isNull();
        // the document is a bare one, as a mirror's: the metadata rules say once each what they could not check,
        // and this registry has no bulk advisory endpoint and there is no local database
        assertThat(report.warnings()).filteredOn(w -> !w.startsWith("meta/") && !w.contains("no bulk advisory endpoint"))
                .containsExactly(
                "old-pkg@0.1.0 was verified by SHA-1 only: the registry publishes no stronger integrity for it");
        assertThat(report.warnings()).filteredOn(w -> w.startsWith("meta/")).hasSize(5)
                .allMatch(w -> w.endsWith("not checked (1 package(s))"));
        assertThat(report.warnings()).filteredOn(w -> w.contains("no bulk advisory endpoint")).hasSize(1);
    }

    @Test
    void resolvePrefersLatestWhenItSatisfiesTheRange() {
        Packument packument = new Packument("p", Map.of("latest", "1.2.0", "next", "2.0.0"), Map.of(
                "1.2.0", version("1.2.0"), "1.3.0", version("1.3.0"), "2.0.0", version("2.0.0")), true);
        assertThat(PackageFetcher.versionFor(packument, "^1.0.0")).contains("1.2.0");
        assertThat(PackageFetcher.versionFor(packument, "~1.3.0")).contains("1.3.0");
        assertThat(PackageFetcher.versionFor(packument, "next")).contains("2.0.0");
        assertThat(PackageFetcher.versionFor(packument, "latest")).contains("1.2.0");
        assertThat(PackageFetcher.versionFor(packument, "3")).isEmpty();
        assertThat(PackageFetcher.versionFor(packument, "not a range !")).isEmpty();
    }

    private static Packument.VersionDoc version(String v) {
        return new Packument.VersionDoc("p", v, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), false, false,
                Map.of(), List.of(), List.of(), Optional.empty(), new Packument.Dist(Optional.empty(),
                Optional.empty(), Optional.empty()), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
}
