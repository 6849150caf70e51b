package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.registry.HttpClients;
import dev.portcullis.registry.NpmConfig;
import dev.portcullis.registry.RegistryCache;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryLimits;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballProblem;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.PublishedPackages;
import dev.portcullis.testkit.TarballBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one fetch-verify-read path against a registry on 127.0.0.1 serving real tarballs: every way a package can be
 * had or refused, as {@code inspect} and {@code scan --deep} both see it.
 */
class PackageFetcherTest {
    @TempDir
    Path work;
    private FakeRegistry registry;
    private PublishedPackages published;
    private PackageFetcher fetcher;

    @BeforeEach
    void setUp() throws IOException {
        published = new PublishedPackages(Files.createDirectories(work.resolve("registry")));
        registry = FakeRegistry.start(published.dir());
        NpmConfig config = new NpmConfig(registry.url(), Map.of(), Map.of(), List.of());
        RegistryClient client = new RegistryClient(HttpClients.forConfig(config), config,
                new RegistryCache(work.resolve("cache")), false,
                RegistryLimits.defaults().withBackoff(Duration.ofMillis(1)));
        fetcher = new PackageFetcher(client, TarballLimits.defaults());
    }

    @AfterEach
    void tearDown() {
        registry.close();
    }

    private static TarballBuilder plain(String name, String version) {
        return TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"" + name + "\",\"version\":\"" + version + "\"}")
                .file("package/index.js", "module.exports = 1;\n");
    }

    /** A last file that does not compress, so that cutting the tarball short leaves the files before it. */
    private static byte[] truncated(String name, String version) {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        return plain(name, version).file("package/zz-noise.bin", noise, 0644).truncate(4096).build();
    }

    private URI tarballUrl(String name, String version) {
        return URI.create(registry.url() + name + "/-/" + name + "-" + version + ".tgz");
    }

    @Test
    void registryPackagesAreReadOrRefusedWithOneSentence() {
        published.publish("plain", "1.0.0", plain("plain", "1.0.0").build());
        published.publish("plain", "1.1.0", plain("plain", "1.1.0").build());
        published.publish("flat", "1.0.0", plain("flat", "1.0.0").withoutGzip().build());
        published.publish("short", "1.0.0", truncated("short", "1.0.0"));
        published.publish("nameless", "1.0.0", TarballBuilder.tarball().file("package/index.js", "1;\n").build());
        published.publish("tampered", "1.0.0", plain("tampered", "1.0.0").build());
        registry.putTarball("/tampered/-/tampered-1.0.0.tgz", "not the published bytes".getBytes(StandardCharsets.UTF_8));

        record Case(String name, String spec, String expected) {
        }
        List<Case> cases = List.of(
                new Case("plain", "^1.0.0", "read plain@1.1.0, 2 files, no problem"),
                new Case("plain", "1.0.0", "read plain@1.0.0, 2 files, no problem"),
                new Case("nameless", "latest", "read nameless@1.0.0, 1 files, no problem"),
                new Case("short", "1.0.0", "read short@1.0.0, 2 files, TRUNCATED"),
                new Case("flat", "1.0.0", "INPUT flat@1.0.0: not a readable gzipped tarball: The tarball is not a"
                        + " readable gzipped tar: Not in GZIP format."),
                new Case("tampered", "1.0.0", "INTEGRITY tampered@null: integrity mismatch for " + tarballUrl("tampered",
                        "1.0.0") + ": expected " + PublishedPackages.sri(plain("tampered", "1.0.0").build())
                        + "; the download was discarded"),
                new Case("plain", "^3", "INPUT plain@null: no version of plain matches '^3' (latest is 1.1.0)"),
                new Case("absent", "1.0.0", "INPUT absent@null: absent is not in the registry " + registry.url()
                        + " (404)"));
        for (Case c : cases) {
            assertThat(shown(fetcher.registry(c.name(), c.spec(), false))).as(c.name() + "@" + c.spec())
                    .isEqualTo(c.expected());
        }
    }

    @Test
    void lockfileDownloadsUseTheRecordedIntegrityOrElseThePackument() throws IOException {
        byte[] tarball = plain("plain", "1.0.0").build();
        String integrity = published.publish("plain", "1.0.0", tarball);
        published.publish("flat", "1.0.0", plain("flat", "1.0.0").withoutGzip().build());
        URI url = tarballUrl("plain", "1.0.0");

        PackageFetcher.Download recorded = fetcher.download("plain", "1.0.0", url, integrity);
        assertThat(recorded).isInstanceOf(PackageFetcher.Verified.class);
        PackageFetcher.Verified verified = (PackageFetcher.Verified) recorded;
        assertThat(verified.published()).isEqualTo(new PackageFetcher.Published("plain", "1.0.0", null));
        assertThat(verified.tarball().bytes()).isEqualTo(tarball);
        assertThat(shown(fetcher.read(recorded))).isEqualTo("read plain@1.0.0, 2 files, no problem");
        assertThat(fetcher.download("plain", "1.0.0", null, null)).isInstanceOfSatisfying(
                PackageFetcher.Verified.class, v -> assertThat(v.published().packument()).isNotNull());
        assertThat(shown(fetcher.read(fetcher.download("flat", "1.0.0", null, null)))).startsWith(
                "INPUT flat@1.0.0: not a readable gzipped tarball");
        assertThat(shown(fetcher.read(fetcher.download("plain", "9.9.9", null, null)))).isEqualTo(
                "INPUT plain@9.9.9: the registry lists no verifiable tarball for it");
        assertThat(shown(fetcher.read(fetcher.download("plain", "1.0.0", url,
                PublishedPackages.sri("other bytes".getBytes(StandardCharsets.UTF_8))))))
                .startsWith("INTEGRITY plain@1.0.0: integrity mismatch for " + url);
    }

    @Test
    void weakIntegrityIsANoteNotAFailure() throws IOException {
        byte[] tarball = plain("old", "1.0.0").build();
        published.publish("old", "1.0.0", tarball);
        // the registry of old packages published a SHA-1 shasum only
        Path doc = published.dir().resolve("old.json");
        Files.writeString(doc, Files.readString(doc).replaceAll("\"integrity\":\"[^\"]+\",", ""));
        PackageFetcher.Result result = fetcher.registry("old", "1.0.0", false);
        assertThat(result).isInstanceOfSatisfying(PackageFetcher.Fetched.class, f -> assertThat(f.notes())
                .containsExactly("old@1.0.0 was verified by SHA-1 only: the registry publishes no stronger integrity"
                        + " for it"));
    }

    @Test
    void localDirectoriesAndArchivesGoThroughTheSameChecks() throws IOException {
        Path dir = Files.createDirectories(work.resolve("pkg"));
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"local\",\"version\":\"0.1.0\"}");
        Path flat = work.resolve("flat.tgz");
        Files.write(flat, plain("flat", "1.0.0").withoutGzip().build());
        Path good = work.resolve("good.tgz");
        Files.write(good, plain("good", "2.0.0").build());
        PackageFetcher local = new PackageFetcher(null, TarballLimits.defaults());
        assertThat(shown(local.directory(dir, "pkg"))).isEqualTo("read local@0.1.0, 1 files, no problem");
        assertThat(shown(local.directory(work.resolve("missing"), "missing"))).startsWith(
                "INPUT null@null: cannot read the directory missing: ");
        assertThat(shown(local.archive(good, "good.tgz"))).isEqualTo("read good@2.0.0, 2 files, no problem");
        assertThat(shown(local.archive(flat, "flat.tgz"))).startsWith(
                "INPUT null@null: not a readable gzipped tarball: ");
        assertThat(local.archive(good, "good.tgz")).isInstanceOfSatisfying(PackageFetcher.Fetched.class,
                f -> assertThat(f.published()).isNull());
    }

    private static String shown(PackageFetcher.Result result) {
        return switch (result) {
            case PackageFetcher.Failed f -> f.kind() + " " + f.name() + "@" + f.version() + ": " + f.message();
            case PackageFetcher.Fetched f -> "read " + f.input().name() + "@" + f.input().version() + ", "
                    + f.input().files().size() + " files, " + (f.input().problems().isEmpty() ? "no problem"
                    : String.join(" ", f.input().problems().stream().map(TarballProblem::kind).map(Enum::name)
                    .toList()));
        };
    }
}
