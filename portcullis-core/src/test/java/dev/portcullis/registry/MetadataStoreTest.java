package dev.portcullis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.json.Json;
import dev.portcullis.testkit.ChildJvm;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The metadata store against recorded documents served over real HTTP on 127.0.0.1: what it fetches and when
 * (counted at the registry), what it keeps, and two processes sharing it.
 */
class MetadataStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path cache;
    private FakeRegistry registry;
    private final MutableClock clock = new MutableClock(T0);

    /** A clock the test moves; the store reads it for the fetch time and the TTL. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() {
        registry = FakeRegistry.start(Fixtures.path("registry-meta"));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private MetadataStore store(boolean offline, boolean refresh) {
        return store(registry.url(), cache.resolve("metadata"), offline, refresh, clock);
    }

    static MetadataStore store(String url, Path dir, boolean offline, boolean refresh, Clock clock) {
        NpmConfig config = new NpmConfig(url, Map.of(), Map.of(), List.of());
        RegistryClient client;
        try {
            client = new RegistryClient(offline ? null : HttpClients.forConfig(config), config, null, offline,
                    RegistryLimits.defaults());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new MetadataStore(client, dir, clock, MetadataStore.DEFAULT_TTL, refresh);
    }

    private List<String> fetched() {
        return registry.requests().stream().map(FakeRegistry.Request::path).toList();
    }

    private static String outcome(MetadataStore.Lookup lookup) {
        return switch (lookup) {
            case MetadataStore.Lookup.Found f -> "found " + f.summary().versions().keySet().stream().sorted().toList()
                    + (f.unconfirmed().isEmpty() ? "" : " unconfirmed " + f.unconfirmed());
            case MetadataStore.Lookup.Missing m -> "missing";
            case MetadataStore.Lookup.Failed f -> "failed: " + f.reason();
        };
    }

    @Test
    void aKnownVersionIsNeverFetchedAgainWithinTheTtl() {
        assertThat(outcome(store(false, false).summary("fresh-pkg", List.of("1.0.0")))).isEqualTo(
                "found [1.0.0, 1.1.0]");
        clock.advance(Duration.ofHours(23));
        assertThat(outcome(store(false, false).summary("fresh-pkg", List.of("1.0.0", "1.1.0")))).isEqualTo(
                "found [1.0.0, 1.1.0]");
        assertThat(fetched()).containsExactly("/fresh-pkg");
    }

    @Test
    void aVersionTheSummaryLacksIsFetchedOncePerRunAndThenKnownToBeAbsent() {
        store(false, false).summary("fresh-pkg", List.of("1.0.0"));
        MetadataStore run = store(false, false);
        assertThat(outcome(run.summary("fresh-pkg", List.of("2.0.0")))).isEqualTo("found [1.0.0, 1.1.0]");
        assertThat(outcome(run.summary("fresh-pkg", List.of("2.0.0", "3.0.0")))).isEqualTo("found [1.0.0, 1.1.0]");
        assertThat(fetched()).containsExactly("/fresh-pkg", "/fresh-pkg");
    }

    @Test
    void mutableFactsOlderThanTheTtlAreFetchedAgain() {
        store(false, false).summary("old-pkg", List.of("1.0.0"));
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        store(false, false).summary("old-pkg", List.of("1.0.0"));
        store(false, false).summary("old-pkg", List.of("1.0.0"));
        assertThat(fetched()).containsExactly("/old-pkg", "/old-pkg");
    }

    @Test
    void refreshFetchesEveryPackageOnceWhateverTheStoreHolds() {
        MetadataStore first = store(false, false);
        first.summary("old-pkg", List.of("1.0.0"));
        first.summary("removed-pkg", List.of("1.0.0"));
        MetadataStore refresh = store(false, true);
        assertThat(outcome(refresh.summary("old-pkg", List.of("1.0.0")))).isEqualTo("found [1.0.0, 1.0.1]");
        assertThat(outcome(refresh.summary("old-pkg", List.of("1.0.0")))).isEqualTo("found [1.0.0, 1.0.1]");
        assertThat(outcome(refresh.summary("removed-pkg", List.of("1.0.0")))).isEqualTo("missing");
        assertThat(fetched()).containsExactly("/old-pkg", "/removed-pkg", "/old-pkg", "/removed-pkg");
    }

    @Test
    void aRemovedPackageIsStoredAsMissingUntilTheTtlPasses() {
        assertThat(outcome(store(false, false).summary("removed-pkg", List.of("1.0.0")))).isEqualTo("missing");
        assertThat(outcome(store(false, false).summary("removed-pkg", List.of("1.0.0")))).isEqualTo("missing");
        assertThat(outcome(store(true, false).summary("removed-pkg", List.of("1.0.0")))).isEqualTo("missing");
        assertThat(fetched()).containsExactly("/removed-pkg");
    }

    @Test
    void offlineTheStoreAloneAnswersAndSaysWhatItCannotKnow() {
        store(false, false).summary("fresh-pkg", List.of("1.0.0"));
        clock.advance(Duration.ofDays(30)); // stale, but offline never fetches
        MetadataStore offline = store(true, false);
        assertThat(outcome(offline.summary("fresh-pkg", List.of("1.0.0")))).isEqualTo("found [1.0.0, 1.1.0]");
        assertThat(outcome(offline.summary("fresh-pkg", List.of("1.2.0")))).isEqualTo(
                "found [1.0.0, 1.1.0] unconfirmed [1.2.0]");
        assertThat(outcome(offline.summary("old-pkg", List.of("1.0.0")))).startsWith(
                "failed: offline: no registry metadata of old-pkg in ");
        assertThat(fetched()).containsExactly("/fresh-pkg");
    }

    @Test
    void whenTheRegistryFailsTheStoredSummaryStandsInAndNewVersionsAreUnconfirmed() {
        store(false, false).summary("fresh-pkg", List.of("1.0.0"));
        clock.advance(Duration.ofDays(2));
        registry.failNext("fresh-pkg", 500, 500, 500);
        assertThat(outcome(store(false, false).summary("fresh-pkg", List.of("1.0.0", "1.2.0")))).isEqualTo(
                "found [1.0.0, 1.1.0] unconfirmed [1.2.0]");
        registry.failNext("old-pkg", 500, 500, 500);
        assertThat(outcome(store(false, false).summary("old-pkg", List.of("1.0.0")))).contains("answered 500");
    }

    @Test
    void aDamagedEntryIsFetchedAgain() throws IOException {
        store(false, false).summary("fresh-pkg", List.of("1.0.0"));
        Files.writeString(cache.resolve("metadata/summaries/fresh-pkg.json"), "{\"format\":2,\"fetch");
        assertThat(outcome(store(false, false).summary("fresh-pkg", List.of("1.0.0")))).isEqualTo(
                "found [1.0.0, 1.1.0]");
        assertThat(fetched()).containsExactly("/fresh-pkg", "/fresh-pkg");
    }

    @Test
    void aManifestIsReadFromTheStoreAndFetchedOnlyWhenTheStoreLacksIt() throws IOException {
        store(false, false).summary("confused-pkg", List.of("1.0.0"));
        MetadataStore offline = store(true, false);
        assertThat(offline.manifest("confused-pkg", "1.0.0").map(PackageSummary.Manifest::dependencies))
                .contains(Map.of("left-pad", "^1.3.0"));
        assertThat(offline.manifest("confused-pkg", "9.9.9")).isEmpty();
        try (Stream<Path> files = Files.list(cache.resolve("metadata/manifests"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        assertThat(store(true, false).manifest("confused-pkg", "1.0.0")).isEmpty();
        MetadataStore online = store(false, false);
        assertThat(online.manifest("confused-pkg", "1.0.0")).isPresent();
        assertThat(online.manifest("confused-pkg", "9.9.9")).isEmpty();
        assertThat(fetched()).containsExactly("/confused-pkg", "/confused-pkg");
    }

    @Test
    void aFactLearntAboutARegistryIsKeptForTheTtlAndForgottenOnRefresh() throws IOException {
        MetadataStore store = store(false, false);
        assertThat(store.learnt("no bulk advisory endpoint at x")).isEmpty();
        store.learn("no bulk advisory endpoint at x", true);
        assertThat(store(false, false).learnt("no bulk advisory endpoint at x")).contains(T0);
        assertThat(store(false, true).learnt("no bulk advisory endpoint at x")).as("--refresh").isEmpty();
        clock.advance(MetadataStore.DEFAULT_TTL.plusSeconds(1));
        assertThat(store(false, false).learnt("no bulk advisory endpoint at x")).as("older than the TTL").isEmpty();
        store.learn("no bulk advisory endpoint at x", false);
        assertThat(Files.list(cache.resolve("metadata/facts"))).isEmpty();
        Files.writeString(cache.resolve("metadata/facts/ancient.json"), "17");
        assertThat(store(false, false).learnt("ancient")).isEmpty();
        Files.writeString(cache.resolve("metadata/facts/junk.json"), "not a number");
        assertThat(store(false, false).learnt("junk")).isEmpty();
    }

    static Stream<String> documents() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(Fixtures.path("registry-meta")),
                Files.list(Fixtures.path("registry")))) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".abbreviated.json"))
                    .map(Path::toString).sorted().toList().stream();
        }
    }

    /**
     * The streamed summary says what the whole parsed document says, and the stored form reads back as the same
     * value: no fact is lost or invented on the way through the store.
     */
    @ParameterizedTest
    @MethodSource("documents")
    void theStoredSummaryIsWhatTheWholeDocumentSays(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(file));
        String name = URLDecoder.decode(Path.of(file).getFileName().toString().replaceFirst("\\.json$", ""),
                StandardCharsets.UTF_8);
        PackageSummary.Read streamed = PackageSummary.read(name, new ByteArrayInputStream(bytes), false, T0);
        Packument whole = Packument.from(name, Json.mapper().readTree(bytes), false);
        assertThat(streamed.summary()).isEqualTo(PackageSummary.of(whole, T0));
        Map<String, PackageSummary.Manifest> manifests = new TreeMap<>();
        whole.versions().forEach((v, doc) -> manifests.put(v, PackageSummary.Manifest.of(doc)));
        assertThat(streamed.manifests()).isEqualTo(manifests);
        SummaryCodec.Entry entry = new SummaryCodec.Entry(T0, java.util.Optional.of(streamed.summary()));
        assertThat(SummaryCodec.decode(SummaryCodec.encode(entry))).contains(entry);
        for (String registry : List.of("https://registry.npmjs.org/", "https://other.example/npm/")) {
            byte[] stored = SummaryCodec.encodeManifests(registry, name, streamed.manifests());
            manifests.forEach((v, m) -> assertThat(SummaryCodec.decodeManifest(stored, v)).contains(m));
            assertThat(SummaryCodec.decodeManifest(stored, "0.0.0-never")).isEmpty();
        }
    }

    @Test
    void installScriptFactsComeFromTheSameSummary() throws IOException {
        try (FakeRegistry scripts = FakeRegistry.start(Fixtures.path("registry"))) {
            MetadataStore store = store(scripts.url(), cache.resolve("s"), false, false, clock);
            Map<String, Boolean> runs = new TreeMap<>();
            for (String id : List.of("esbuild@0.19.12", "@esbuild/linux-x64@0.19.12", "is-number@7.0.0")) {
                String name = id.substring(0, id.lastIndexOf('@'));
                String version = id.substring(id.lastIndexOf('@') + 1);
                if (store.summary(name, List.of(version)) instanceof MetadataStore.Lookup.Found f) {
                    runs.put(id, f.summary().version(version).orElseThrow().runsInstallScripts());
                }
            }
            assertThat(runs).isEqualTo(Map.of("esbuild@0.19.12", true, "@esbuild/linux-x64@0.19.12", false,
                    "is-number@7.0.0", false));
            assertThat(scripts.requests()).allSatisfy(r -> assertThat(r.accept()).isEqualTo("application/json"));
            assertThat(scripts.requests()).hasSize(3);
        }
    }

    /** The packages of {@code fixtures/registry-meta}, as a child process asks for them. */
    static List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Fixtures.path("registry-meta"))) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")).sorted().forEach(f ->
                    names.add(URLDecoder.decode(f.replaceFirst("\\.json$", ""), StandardCharsets.UTF_8)));
        }
        names.add("removed-pkg");
        return names;
    }

    /**
     * A run in a process of its own: {@code URL DIR ROUNDS}, each round fetching every package again (refresh) and
     * writing its entry, then reading all of them from the store offline. Prints what it found.
     */
    public static void main(String[] args) throws Exception {
        Clock system = Clock.systemUTC();
        Path dir = Path.of(args[1]);
        Map<String, List<String>> wanted = new TreeMap<>();
        names().forEach(n -> wanted.put(n, List.of()));
        for (int round = 0; round < Integer.parseInt(args[2]); round++) {
            store(args[0], dir, false, true, system).summaries(wanted, MetadataStoreTest::outcome);
            List<String> read = store(args[0], dir, true, false, system).summaries(wanted, l -> l.name() + " "
                    + outcome(l).replaceFirst(" .*", ""));
            System.out.println(String.join("\n", read));
        }
    }

    @Test
    void twoProcessesFetchingAndReadingTheSameStoreAtOnceBothSeeWholeEntries() throws Exception {
        Path dir = cache.resolve("shared");
        List<String> args = List.of(registry.url(), dir.toString(), "6");
        CompletableFuture<ChildJvm.Result> a = CompletableFuture.supplyAsync(() ->
                ChildJvm.run(MetadataStoreTest.class, List.of("-Xmx128m"), args));
        CompletableFuture<ChildJvm.Result> b = CompletableFuture.supplyAsync(() ->
                ChildJvm.run(MetadataStoreTest.class, List.of("-Xmx128m"), args));
        List<String> expected = new ArrayList<>();
        for (String name : names()) {
            expected.add(name + (name.equals("removed-pkg") ? " missing" : " found"));
        }
        for (ChildJvm.Result result : List.of(a.get(), b.get())) {
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            List<String> lines = result.stdout().lines().toList();
            assertThat(lines).hasSize(6 * expected.size());
            assertThat(Set.copyOf(lines)).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(registry.requests()).hasSize(2 * 6 * expected.size());
        try (Stream<Path> left = Stream.concat(Files.list(dir.resolve("summaries")),
                Files.list(dir.resolve("manifests")))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(f -> f.startsWith(".tmp-"));
        }
    }
}
