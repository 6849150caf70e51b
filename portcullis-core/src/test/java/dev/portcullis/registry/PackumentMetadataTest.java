package dev.portcullis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.json.Json;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The publication metadata of full documents, and many documents read at once through one client. */
class PackumentMetadataTest {
    @Test
    void fullDocumentsCarryTimesPeopleSignaturesAndAttestations() throws Exception {
        Packument p = Packument.from("hijacked-pkg", Json.mapper().readTree(
                Fixtures.path("registry-meta/hijacked-pkg.json").toFile()), false);
        assertThat(p.time().created()).contains(Instant.parse("2025-05-01T10:00:00Z"));
        assertThat(p.time().modified()).contains(Instant.parse("2025-11-20T03:14:00Z"));
        assertThat(p.time().published()).containsEntry("1.1.1", Instant.parse("2025-11-20T03:14:00Z")).hasSize(3);
        assertThat(p.maintainers().orElseThrow()).extracting(Packument.Person::key).containsExactly("alice", "mallory");
        Packument.VersionDoc hijacked = p.version("1.1.1").orElseThrow();
        assertThat(hijacked.npmUser().map(Packument.Person::key)).contains("mallory");
        assertThat(hijacked.signed()).isTrue();
        assertThat(hijacked.attested()).isFalse();
        assertThat(p.version("1.1.0").orElseThrow().attested()).isTrue();
    }

    @Test
    void absentFieldsStayAbsentAndOddShapesAreTolerated() throws Exception {
        Packument mirror = Packument.from("mirror-pkg", Json.mapper().readTree(
                Fixtures.path("registry-meta/mirror-pkg.json").toFile()), false);
        assertThat(mirror.dated()).isFalse();
        assertThat(mirror.maintainers()).isEmpty();
        assertThat(mirror.version("1.0.0").orElseThrow().npmUser()).isEmpty();
        assertThat(mirror.version("1.0.0").orElseThrow().maintainers()).isEmpty();
        Packument odd = Packument.from("odd", Json.mapper().readTree("""
                {"name":"odd","time":{"created":"yesterday","1.0.0":"2024-01-01T00:00:00.000Z",
                 "unpublished":{"time":"2024-02-01T00:00:00.000Z","versions":["1.0.0"]}},
                 "maintainers":["Alice Example <alice@example.com>", 42, {"email":"bob@example.com"}],
                 "versions":{"1.0.0":{"_npmUser":"carol <carol@example.com>","dist":{"signatures":[],
                 "attestations":{}}}}}"""), false);
        assertThat(odd.time().created()).isEmpty();
        assertThat(odd.time().published()).containsOnlyKeys("1.0.0");
        assertThat(odd.maintainers().orElseThrow()).extracting(Packument.Person::key)
                .containsExactly("alice example", "bob@example.com");
        Packument.VersionDoc v = odd.version("1.0.0").orElseThrow();
        assertThat(v.npmUser().map(Packument.Person::toString)).contains("carol <carol@example.com>");
        assertThat(v.signed()).isFalse();
        assertThat(v.attested()).isFalse();
    }

    @Test
    void manyDocumentsAreReadAtOnceAndEachOutcomeIsKept() throws Exception {
        try (FakeRegistry registry = FakeRegistry.start(Fixtures.path("registry-meta"))) {
            registry.failNext("old-pkg", 403);
            NpmConfig config = new NpmConfig(registry.url(), Map.of(), Map.of(), List.of());
            RegistryClient client = new RegistryClient(HttpClients.forConfig(config), config, null, false,
                    new RegistryLimits(256L << 20, 512L << 20, java.time.Duration.ofSeconds(60), 3,
                    java.time.Duration.ofMillis(50), 2));
            List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
            List<String> outcomes = client.packuments(List.of("fresh-pkg", "removed-pkg", "old-pkg", "mirror-pkg"),
                    false, lookup -> {
                        threads.add(Thread.currentThread().toString());
                        return switch (lookup) {
                            case RegistryClient.Lookup.Found f -> "found " + f.packument().name() + " "
                                    + f.packument().abbreviated();
                            case RegistryClient.Lookup.Missing m -> "missing " + m.name();
                            case RegistryClient.Lookup.Failed f -> "failed " + f.name() + ": " + f.reason();
                        };
                    });
            assertThat(outcomes).hasSize(4);
            assertThat(outcomes.get(0)).isEqualTo("found fresh-pkg false");
            assertThat(outcomes.get(1)).isEqualTo("missing removed-pkg");
            assertThat(outcomes.get(2)).startsWith("failed old-pkg: ").contains("403");
            assertThat(outcomes.get(3)).isEqualTo("found mirror-pkg false");
            assertThat(threads).hasSize(4);
            assertThat(registry.requests()).allMatch(r -> "application/json".equals(r.accept()));
        }
    }

    @Test
    void offlineOnlyCachedDocumentsAreFound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path cache)
            throws Exception {
        try (FakeRegistry registry = FakeRegistry.start(Fixtures.path("registry-meta"))) {
            NpmConfig config = new NpmConfig(registry.url(), Map.of(), Map.of(), List.of());
            new RegistryClient(HttpClients.forConfig(config), config, new RegistryCache(cache), false,
                    RegistryLimits.defaults()).packument("fresh-pkg", false);
            RegistryClient offline = new RegistryClient(null, config, new RegistryCache(cache), true,
                    RegistryLimits.defaults());
            List<Optional<String>> reasons = offline.packuments(List.of("fresh-pkg", "old-pkg"), false,
                    lookup -> lookup instanceof RegistryClient.Lookup.Failed f ? Optional.of(f.reason())
                            : Optional.empty());
            assertThat(reasons.get(0)).isEmpty();
            assertThat(reasons.get(1).orElseThrow()).contains("offline").contains("not in the cache");
        }
    }
}
