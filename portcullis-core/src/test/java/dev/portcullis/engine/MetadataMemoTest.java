package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.policy.Policy;
import dev.portcullis.registry.HttpClients;
import dev.portcullis.registry.MetadataStore;
import dev.portcullis.registry.NpmConfig;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryLimits;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remembered metadata judgement against recorded documents served over real HTTP on 127.0.0.1: a second run
 * over the same inputs reads no summary and finds the same, and each thing that can change the outcome (the clock
 * passing a rule's moment, a refetched summary, the TTL, {@code --refresh}, another target, a torn memo) makes it
 * judge afresh.
 */
class MetadataMemoTest {
    /** fresh-pkg@1.1.0 was published 2026-11-30T20:00Z: 16 hours old here, so meta/too-new reports it. */
    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    private static final List<MetadataStage.Target> TARGETS = List.of(
            target("fresh-pkg", "1.1.0", 3), target("old-pkg", "1.0.1", 7), target("revived-pkg", "2.0.0", 9),
            target("hijacked-pkg", "1.1.1", 12));

    @TempDir
    Path cache;
    private FakeRegistry registry;

    @BeforeEach
    void start() {
        registry = FakeRegistry.start(Fixtures.path("registry-meta"));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private static MetadataStage.Target target(String name, String version, int line) {
        return new MetadataStage.Target(name, version, null, new Location("package-lock.json", line), null);
    }

    private MetadataStore store(boolean offline, boolean refresh, Instant now) throws IOException {
        NpmConfig config = new NpmConfig(registry.url(), Map.of(), Map.of(), List.of());
        RegistryClient client = new RegistryClient(offline ? null : HttpClients.forConfig(config), config, null,
                offline, RegistryLimits.defaults());
        return new MetadataStore(client, cache.resolve("metadata"), Clock.fixed(now, ZoneOffset.UTC),
                MetadataStore.DEFAULT_TTL, refresh);
    }

    private static MetadataStage.Result judge(MetadataStore store, Instant now, List<MetadataStage.Target> targets)
            throws IOException {
        return new MetadataStage(store, Policy.defaults(), now, Set.of()).run(targets);
    }

    private static List<String> described(MetadataStage.Result result) {
        return result.findings().stream().sorted(Finding.ORDER).map(f -> f.rule().id() + " " + f.severity() + " "
                + f.packageName() + "@" + f.version() + " " + f.location() + " " + f.message() + " | "
                + f.evidence()).toList();
    }

    private List<Path> memos() throws IOException {
        Path dir = cache.resolve("metadata/memo");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void aSecondRunOverTheSameInputsReadsNoSummaryAndFindsTheSame() throws IOException {
        MetadataStore first = store(false, false, T0);
        MetadataStage.Result judged = judge(first, T0, TARGETS);
        assertThat(described(judged)).anyMatch(f -> f.startsWith("meta/too-new")).hasSizeGreaterThan(1);
        assertThat(first.summariesRead()).isZero(); // all fetched
        assertThat(memos()).hasSize(1);

        Instant later = T0.plus(Duration.ofMinutes(10));
        for (boolean offline : new boolean[] {false, true}) {
            MetadataStore again = store(offline, false, later);
            MetadataStage.Result recalled = judge(again, later, TARGETS);
            assertThat(described(recalled)).isEqualTo(described(judged));
            assertThat(recalled.notes()).isEqualTo(judged.notes());
            assertThat(recalled.unchecked()).isEmpty();
            assertThat(again.summariesRead()).as("offline " + offline).isZero();
        }
        assertThat(registry.requests()).hasSize(TARGETS.size()); // each document once, on the first run
    }

    @Test
    void whenTheClockChangesAFindingsWordingItIsJudgedAgain() throws IOException {
        judge(store(false, false, T0), T0, TARGETS);
        // 16 hours old until 13:00Z; then "17 hours"
        Instant reworded = Instant.parse("2026-12-01T13:00:00Z");
        MetadataStore store = store(false, false, reworded);
        List<String> findings = described(judge(store, reworded, TARGETS));
        assertThat(store.summariesRead()).isEqualTo(TARGETS.size());
        assertThat(findings).anyMatch(f -> f.contains("fresh-pkg@1.1.0 was published 17 hours ago"));
        // the old enough version is no longer reported once it is three days old
        Instant grown = Instant.parse("2026-12-03T20:00:00Z");
        MetadataStore later = store(true, false, grown);
        assertThat(described(judge(later, grown, TARGETS))).noneMatch(f -> f.startsWith("meta/too-new"));
        assertThat(later.summariesRead()).isEqualTo(TARGETS.size());
    }

    @Test
    void aSummaryRefetchedMeanwhileIsJudgedAgain() throws IOException {
        List<String> judged = described(judge(store(false, false, T0), T0, TARGETS));
        Instant later = T0.plus(Duration.ofMinutes(5));
        // another process refreshes one package: the memo no longer speaks for it
        store(false, true, later).summary("old-pkg", List.of("1.0.1"));
        MetadataStore store = store(false, false, later);
        assertThat(described(judge(store, later, TARGETS))).isEqualTo(judged);
        assertThat(store.summariesRead()).isEqualTo(TARGETS.size());
    }

    @Test
    void pastTheTtlOnlineTheStoreFetchesAgainAndThatIsJudged() throws IOException {
        judge(store(false, false, T0), T0, TARGETS);
        // fresh-pkg's and old-pkg's wording changes within the day (too new, unmaintained for years): without them
        // no rule changes before 2027, and only the TTL ends the memo
        List<MetadataStage.Target> settled = TARGETS.subList(2, TARGETS.size());
        Instant t1 = T0.plus(Duration.ofMinutes(1));
        judge(store(false, false, t1), t1, settled);
        int before = registry.requests().size();
        Instant pastTtl = T0.plus(Duration.ofHours(25));
        judge(store(false, false, pastTtl), pastTtl, settled);
        assertThat(registry.requests().size() - before).isEqualTo(settled.size());
        // offline, the store answers past the TTL all the same, and so does the memo it then keeps
        Instant t2 = pastTtl.plus(Duration.ofMinutes(1));
        MetadataStore offline = store(true, false, t2);
        judge(offline, t2, settled);
        assertThat(offline.summariesRead()).isZero();
    }

    @Test
    void refreshOtherTargetsAndATornMemoJudgeAfresh() throws IOException {
        List<String> judged = described(judge(store(false, false, T0), T0, TARGETS));
        Instant later = T0.plus(Duration.ofMinutes(2));

        MetadataStore moved = store(true, false, later);
        List<MetadataStage.Target> otherLines = List.of(target("fresh-pkg", "1.1.0", 4),
                TARGETS.get(1), TARGETS.get(2), TARGETS.get(3));
        assertThat(described(judge(moved, later, otherLines))).anyMatch(f -> f.contains("package-lock.json:4"));
        assertThat(moved.summariesRead()).isEqualTo(TARGETS.size());

        for (Path memo : memos()) {
            byte[] bytes = Files.readAllBytes(memo);
            Files.write(memo, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }
        MetadataStore torn = store(true, false, later);
        assertThat(described(judge(torn, later, TARGETS))).isEqualTo(judged);
        assertThat(torn.summariesRead()).isEqualTo(TARGETS.size());

        MetadataStore refreshing = store(false, true, later);
        int before = registry.requests().size();
        assertThat(described(judge(refreshing, later, TARGETS))).isEqualTo(judged);
        assertThat(registry.requests().size() - before).isEqualTo(TARGETS.size());
    }

    /** The memo's digest names every setting the rules read: a new one must join it (MetadataStage.memo). */
    @Test
    void everyMetadataSettingIsAnInputOfTheMemo() {
        assertThat(java.util.Arrays.stream(dev.portcullis.analysis.meta.MetadataSettings.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)).containsExactly("minReleaseAge", "unmaintainedAfter",
                "dormantAfter", "privateScopes", "privatePackages", "typosquatAllow", "publicRegistryHosts",
                "platformPackages");
        assertThat(java.util.Arrays.stream(MetadataStage.Target.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName))
                .containsExactly("name", "version", "resolved", "location", "tarballManifest");
    }

    @Test
    void aRunThatCouldNotReadSomeMetadataKeepsNothing() throws IOException {
        Instant now = T0;
        MetadataStore offline = store(true, false, now);
        MetadataStage.Result result = judge(offline, now, TARGETS);
        assertThat(result.unchecked()).isNotEmpty();
        assertThat(memos()).isEmpty();
    }
}
