package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Finding;
import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.Location;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.registry.HttpClients;
import dev.portcullis.registry.NpmConfig;
import dev.portcullis.registry.RegistryCache;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryLimits;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.PublishedPackages;
import dev.portcullis.testkit.TarballBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --deep}'s stage against a registry on 127.0.0.1: the tarball checks of {@code inspect} (through the
 * same {@link PackageFetcher}) and a streaming loop that still reaches every package.
 */
class DeepScanTest {
    @TempDir
    Path work;
    private FakeRegistry registry;
    private PublishedPackages published;
    private NpmConfig config;
    private RegistryClient client;

    @BeforeEach
    void setUp() throws IOException {
        published = new PublishedPackages(Files.createDirectories(work.resolve("registry")));
        registry = FakeRegistry.start(published.dir());
        config = new NpmConfig(registry.url(), Map.of(), Map.of(), List.of());
        client = new RegistryClient(HttpClients.forConfig(config), config, new RegistryCache(work.resolve("cache")),
                false, RegistryLimits.defaults().withBackoff(Duration.ofMillis(1)));
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

    /** A lockfile entry; {@code integrity} null as yarn berry leaves it, so the packument is asked. */
    private static PackageNode node(String name, String version, String integrity) {
        return new PackageNode("node_modules/" + name, name, null, version, new Source.Registry(
                "https://registry.npmjs.org/" + name + "/-/" + name + "-" + version + ".tgz"), null, integrity,
                Set.of(), InstallScripts.NO, List.of(), List.of(), List.of(), new Location("package-lock.json", 1));
    }

    private DeepScan deepScan(Progress progress) {
        return new DeepScan(client, config, Analyzers.defaults(), TarballLimits.defaults(), progress, 2);
    }

    @Test
    void tarballsInspectWouldRefuseAreUncheckedWithItsSentence_andTruncatedOnesAreFindings() throws IOException {
        String good = published.publish("good", "1.0.0", plain("good", "1.0.0").build());
        String flat = published.publish("flat", "1.0.0", plain("flat", "1.0.0").withoutGzip().build());
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        String cut = published.publish("cut", "1.0.0", plain("cut", "1.0.0").file("package/zz.bin", noise, 0644)
                .truncate(4096).build());
        published.publish("located", "2.0.0", plain("located", "2.0.0").build());

        DeepScan.Result result = deepScan(Progress.NONE).run(List.of(node("good", "1.0.0", good),
                node("flat", "1.0.0", flat), node("cut", "1.0.0", cut), node("located", "2.0.0", null),
                node("good", "1.0.0", good)));

        assertThat(result.inspected()).containsExactly("cut@1.0.0", "good@1.0.0", "located@2.0.0");
        assertThat(result.unchecked()).containsExactly("content of 1 package(s) not inspected (--deep): flat@1.0.0"
                + " (not a readable gzipped tarball: The tarball is not a readable gzipped tar: Not in GZIP format.)");
        assertThat(result.findings()).extracting(Finding::packageName).containsOnly("cut");
        assertThat(result.findings()).extracting(f -> f.location().file()).contains("cut@1.0.0/(tarball)");
        assertThat(result.manifests()).containsOnlyKeys("cut@1.0.0", "good@1.0.0", "located@2.0.0");
    }

    /** Issue 14, item 6: a served tarball that is not the locked one is a critical finding of its own. */
    @Test
    void aTarballThatDoesNotMatchTheLockfileIsACriticalFindingNotAnUncheckedPackage() throws IOException {
        String locked = published.publish("swapped", "1.0.0", plain("swapped", "1.0.0").build());
        // The registry now serves other bytes at the same URL: the lockfile's integrity no longer matches.
        published.publish("swapped", "1.0.0", plain("swapped", "1.0.0").file("package/extra.js", "evil();\n").build());

        DeepScan.Result result = deepScan(Progress.NONE).run(List.of(node("swapped", "1.0.0", locked)));

        assertThat(result.inspected()).isEmpty();
        assertThat(result.unchecked()).isEmpty();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(DeepScan.INTEGRITY_MISMATCH);
            assertThat(f.severity()).isEqualTo(dev.portcullis.model.Severity.CRITICAL);
            assertThat(f.location()).isEqualTo(new Location("package-lock.json", 1));
            assertThat(f.message()).startsWith("swapped@1.0.0: integrity mismatch for ");
        });
    }

    @Test
    void everyPackageOfAManyPackageTreeIsReachedOnceWithProgress() throws IOException {
        List<PackageNode> nodes = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String name = "pkg-" + i;
            nodes.add(node(name, "1.0.0", published.publish(name, "1.0.0", plain(name, "1.0.0").build())));
        }
        AtomicInteger last = new AtomicInteger();
        DeepScan.Result result = deepScan((done, total, bytes) -> {
            assertThat(total).isEqualTo(120);
            last.accumulateAndGet(done, Math::max);
        }).run(nodes);
        assertThat(result.inspected()).hasSize(120).doesNotHaveDuplicates();
        assertThat(result.unchecked()).isEmpty();
        assertThat(last.get()).isEqualTo(120);
    }

    private static PackageNode node(String name, String version, String integrity, String resolved) {
        return new PackageNode("node_modules/" + name, name, null, version, new Source.Registry(resolved), null,
                integrity, Set.of(), InstallScripts.NO, List.of(), List.of(), List.of(),
                new Location("package-lock.json", 1));
    }

    private List<String> tarballRequests() {
        return registry.requests().stream().map(FakeRegistry.Request::path).filter(p -> p.endsWith(".tgz")).toList();
    }

    @Test
    void aForeignResolvedIsFetchedFromTheConfiguredRegistry_neverFromTheHostItNames() throws IOException {
        String good = published.publish("good", "1.0.0", plain("good", "1.0.0").build());
        String port = String.valueOf(java.net.URI.create(registry.url()).getPort());
        DeepScan.Result result = deepScan(Progress.NONE).run(List.of(
                node("good", "1.0.0", good, "http://169.254.169.254/latest/meta-data/iam/good-1.0.0.tgz"),
                node("other", "1.0.0", published.publish("other", "1.0.0", plain("other", "1.0.0").build()),
                        "http://localhost:" + port + "/other/-/other-1.0.0.tgz")));
        assertThat(result.inspected()).containsExactly("good@1.0.0", "other@1.0.0");
        assertThat(tarballRequests()).containsExactlyInAnyOrder("/good/-/good-1.0.0.tgz", "/other/-/other-1.0.0.tgz");
        assertThat(registry.requests()).noneMatch(r -> r.path().contains("meta-data"));
    }

    @Test
    void aRecordedHostThePolicyAllows_isStillRefusedWhenItResolvesToLoopback() throws IOException {
        String good = published.publish("good", "1.0.0", plain("good", "1.0.0").build());
        String port = String.valueOf(java.net.URI.create(registry.url()).getPort());
        DeepScan.Result result = new DeepScan(client, config, Analyzers.defaults(), TarballLimits.defaults(),
                Progress.NONE, 2, List.of("localhost")).run(List.of(node("good", "1.0.0", good,
                "http://localhost:" + port + "/good/-/good-1.0.0.tgz")));
        assertThat(result.inspected()).isEmpty();
        assertThat(result.unchecked()).singleElement().asString().contains("good@1.0.0 (not downloading http://"
                + "localhost:" + port + "/good/-/good-1.0.0.tgz: refused to connect to localhost (127.0.0.1), a "
                + "loopback address that is not a configured registry");
        assertThat(tarballRequests()).isEmpty();
    }

    @Test
    void aRecordedHostNamedAsPrivateByThePolicy_isFetchedAsRecorded() throws IOException {
        String good = published.publish("good", "1.0.0", plain("good", "1.0.0").build());
        String port = String.valueOf(java.net.URI.create(registry.url()).getPort());
        RegistryClient named = new RegistryClient(HttpClients.forConfig(config), config, null, false,
                RegistryLimits.defaults().withBackoff(Duration.ofMillis(1)),
                dev.portcullis.registry.AddressGuard.of(config, List.of("localhost")));
        DeepScan.Result result = new DeepScan(named, config, Analyzers.defaults(), TarballLimits.defaults(),
                Progress.NONE, 2, List.of("localhost")).run(List.of(node("good", "1.0.0", good,
                "http://localhost:" + port + "/good/-/good-1.0.0.tgz")));
        assertThat(result.inspected()).containsExactly("good@1.0.0");
        assertThat(tarballRequests()).containsExactly("/good/-/good-1.0.0.tgz");
    }
}
