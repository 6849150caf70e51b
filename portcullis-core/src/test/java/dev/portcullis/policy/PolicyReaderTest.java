package dev.portcullis.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyReaderTest {
    private static final Set<String> RULES = Set.of("lockfile/remote-source", "manifest/unpinned-range",
            "scripts/install-script", "ci/unfrozen-install");
    private final PolicyReader reader = new PolicyReader(RULES);

    @Test
    void shippedDefaultPolicyReadsAsTheBuiltInDefaults() throws InputException {
        Policy read = reader.read("portcullis.yml", PolicyTemplate.defaults());
        assertThat(read).isEqualTo(new Policy("portcullis.yml", Policy.defaults().failOn(), List.of(), List.of(),
                true, List.of(), Map.of(), List.of()));
    }

    @Test
    void initTemplateProposesInstallScriptPackagesOnOneCommentedLine_andOneEditAcceptsThem() throws InputException {
        String text = PolicyTemplate.forProject(List.of("@parcel/watcher@2.5.1", "esbuild@0.23.1", "sharp@0.33.5"));
        assertThat(text).contains("\n  # allow: [\"@parcel/watcher@2.5.1\", \"esbuild@0.23.1\", \"sharp@0.33.5\"]\n")
                .doesNotContain("  allow: []\n\n#");
        assertThat(reader.read("portcullis.yml", text).scriptAllowlist()).isEmpty();
        String accepted = text.replace("  # allow: [", "  allow: [");
        assertThat(reader.read("portcullis.yml", accepted).scriptAllowlist())
                .containsExactly("@parcel/watcher@2.5.1", "esbuild@0.23.1", "sharp@0.33.5");
        String one = accepted.replace("\"@parcel/watcher@2.5.1\", \"esbuild@0.23.1\", ", "");
        assertThat(reader.read("portcullis.yml", one).scriptAllowlist()).containsExactly("sharp@0.33.5");
        assertThat(PolicyTemplate.forProject(List.of())).isEqualTo(PolicyTemplate.defaults());
    }

    @Test
    void readsTheMetadataSettings() throws InputException {
        Policy policy = reader.read("portcullis.yml", """
                minReleaseAge: 72h
                unmaintainedAfter: 2y
                privateScopes: ["@acme", corp]
                privatePackages: [acme-*, internal-tool]
                typosquat:
                  allow: [crossenv]
                """);
        assertThat(policy.metadata()).isEqualTo(new Policy.Metadata(java.time.Duration.ofHours(72),
                java.time.Duration.ofDays(730), List.of("@acme", "corp"), List.of("acme-*", "internal-tool"),
                List.of("crossenv")));
        assertThat(policy.metadata().settings().typosquatAllow()).containsExactly("crossenv");
        assertThat(reader.read("portcullis.yml", "failOn: high\n").metadata()).isEqualTo(Policy.Metadata.DEFAULTS);
        assertThat(Policy.Metadata.DEFAULTS.minReleaseAge()).isEqualTo(java.time.Duration.ofDays(3));
    }

    @ParameterizedTest
    @MethodSource("badMetadataSettings")
    void badMetadataSettingsNameTheLine(String yaml, int line, String message) {
        assertThatThrownBy(() -> reader.read("portcullis.yml", yaml)).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).location()).isEqualTo(new Location("portcullis.yml", line)))
                .hasMessageContaining(message);
    }

    static Stream<Arguments> badMetadataSettings() {
        return Stream.of(
                Arguments.of("failOn: high\nminReleaseAge: 3 days\n", 2, "minReleaseAge: '3 days' is not a duration"),
                Arguments.of("minReleaseAge: [3d]\n", 1, "must be a single value"),
                Arguments.of("unmaintainedAfter: 0y\n", 1, "must be longer than 0"),
                Arguments.of("privateScopes:\n  - \"@acme\"\n  - \"not a scope\"\n", 3, "is not a scope"),
                Arguments.of("typosquat:\n  allowed: [x]\n", 2, "unknown key 'allowed' in typosquat"),
                Arguments.of("minimumReleaseAge: 3d\n", 1, "unknown key 'minimumReleaseAge'"));
    }

    @Test
    void readsEverySetting() throws InputException {
        String yaml = """
                failOn: medium
                registries:
                  allowedHosts: [npm.corp.example]
                remoteSources:
                  allow: ["git+ssh://git@github.com/acme/", internal-tool]
                pinning:
                  devDependencies: false
                scripts:
                  allow:
                    - esbuild@0.23.1
                    - "@scope/native@^2.0.0"
                rules:
                  manifest/unpinned-range: medium
                  ci/unfrozen-install: off
                ignore:
                  - rule: lockfile/remote-source
                    package: internal-tool
                    reason: built from our monorepo
                    until: 2027-06-30
                """;
        Policy policy = reader.read("portcullis.yml", yaml);
        assertThat(policy).isEqualTo(new Policy("portcullis.yml", Severity.MEDIUM, List.of("npm.corp.example"),
                List.of("git+ssh://git@github.com/acme/", "internal-tool"), false,
                List.of("esbuild@0.23.1", "@scope/native@^2.0.0"),
                Map.of("manifest/unpinned-range", new Policy.RuleOverride("manifest/unpinned-range", Severity.MEDIUM,
                                new Location("portcullis.yml", 13)),
                        "ci/unfrozen-install", new Policy.RuleOverride("ci/unfrozen-install", null,
                                new Location("portcullis.yml", 14))),
                List.of(new Policy.Ignore("lockfile/remote-source", "internal-tool", null, null,
                        "built from our monorepo", LocalDate.of(2027, 6, 30), new Location("portcullis.yml", 16)))));
    }

    @Test
    void readsVerdictThresholds() throws InputException {
        Policy policy = reader.read("portcullis.yml", "verdict:\n  block: high\n  review: medium\n  failOn: review\n");
        assertThat(policy.verdict()).isEqualTo(new VerdictThresholds(Severity.HIGH, Severity.MEDIUM));
        assertThat(policy.failOnVerdict()).isEqualTo(dev.portcullis.model.Verdict.REVIEW);
        Policy partial = reader.read("portcullis.yml", "verdict:\n  review: low\n");
        assertThat(partial.verdict()).isEqualTo(new VerdictThresholds(Severity.CRITICAL, Severity.LOW));
        assertThat(partial.failOnVerdict()).isEqualTo(dev.portcullis.model.Verdict.BLOCK);
    }

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                Arguments.of("unknownVerdictKey", "verdict:\n  blocks: high\n",
                        "portcullis.yml:2: unknown key 'blocks' in verdict"),
                Arguments.of("verdictBlockMilderThanReview", "verdict:\n  block: medium\n  review: high\n",
                        "portcullis.yml:2: verdict.block (medium) must be at least as severe as verdict.review (high)"),
                Arguments.of("verdictFailOnAllow", "verdict:\n  failOn: allow\n",
                        "portcullis.yml:2: verdict.failOn must be review or block, not 'allow'"),
                Arguments.of("unknownTopLevelKey", "failOn: high\nfailon: low\n",
                        "portcullis.yml:2: unknown key 'failon' in the policy"),
                Arguments.of("unknownNestedKey", "scripts:\n  allowed: []\n",
                        "portcullis.yml:2: unknown key 'allowed' in scripts"),
                Arguments.of("unknownSeverity", "failOn: severe\n",
                        "portcullis.yml:1: unknown severity 'severe'"),
                Arguments.of("misspeltRuleId", "rules:\n  lockfile/remote-sources: low\n",
                        "portcullis.yml:2: unknown rule id 'lockfile/remote-sources'"),
                Arguments.of("ignoreWithoutReason", "ignore:\n  - rule: lockfile/remote-source\n",
                        "portcullis.yml:2: an ignore entry needs a 'reason'"),
                Arguments.of("badExpiryDate", "ignore:\n  - rule: lockfile/remote-source\n    reason: r\n    until: soon\n",
                        "portcullis.yml:4: 'until' must be a date"),
                Arguments.of("badAllowlistRange", "scripts:\n  allow:\n    - esbuild@not-a-range!\n",
                        "portcullis.yml:3: scripts.allow:"),
                Arguments.of("malformedYaml", "failOn: [high\n", "portcullis.yml:2: malformed YAML"),
                Arguments.of("duplicateKey", "failOn: high\nfailOn: low\n", "portcullis.yml:2: duplicate key 'failOn'"),
                Arguments.of("notAMapping", "- a\n- b\n", "portcullis.yml:1: the policy must be a mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPolicies")
    void badPolicyIsAnInputErrorWithItsLine(String name, String yaml, String expected) {
        assertThatThrownBy(() -> reader.read("portcullis.yml", yaml))
                .isInstanceOf(InputException.class).hasMessageStartingWith(expected);
    }

    @Test
    void emptyFileIsTheDefaults() throws InputException {
        assertThat(reader.read("portcullis.yml", "# nothing yet\n").failOn()).isEqualTo(Severity.HIGH);
    }

    @Test
    void readsDenyAndAllowEntries() throws Exception {
        Policy policy = reader.read("portcullis.yml", """
                deny:
                  - package: is-number@7.0.0
                    reason: breaks our build
                  - package: "@acme/old@^1.2.0"
                    reason: replaced by @acme/new
                allow:
                  - package: left-pad
                    reason: reviewed
                """);
        assertThat(policy.deny()).extracting(PackageEntry::spec, PackageEntry::reason, e -> e.location().line())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("is-number@7.0.0", "breaks our build", 2),
                        org.assertj.core.groups.Tuple.tuple("@acme/old@^1.2.0", "replaced by @acme/new", 4));
        assertThat(policy.denied("is-number", "7.0.0")).isPresent();
        assertThat(policy.denied("is-number", "7.0.1")).isEmpty();
        assertThat(policy.denied("@acme/old", "1.9.0")).isPresent();
        assertThat(policy.denied("@acme/old", "2.0.0")).isEmpty();
        assertThat(policy.allowed("left-pad", "1.3.0")).isPresent();
    }

    @Test
    void aDenyEntryNeedsAReasonAndAPackageName() {
        assertThatThrownBy(() -> reader.read("portcullis.yml", "deny:\n  - package: x@1.0.0\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("portcullis.yml:2")
                .hasMessageContaining("needs a 'reason'");
        assertThatThrownBy(() -> reader.read("portcullis.yml", "allow:\n  - package: 'Not A Name@1'\n"
                + "    reason: r\n")).isInstanceOf(InputException.class).hasMessageContaining("portcullis.yml:2")
                .hasMessageContaining("is not a package name");
    }

    @Test
    void provenancePinsByNameAndScope() throws InputException {
        Policy policy = reader.read("portcullis.yml", """
                provenance:
                  sigstore:
                    repository: github.com/sigstore/sigstore-js
                    workflow: .github/workflows/release.yml
                  "@sigstore/*":
                    repository: https://github.com/sigstore/sigstore-js
                """);
        assertThat(policy.provenancePin("sigstore")).map(Policy.ProvenancePin::workflow)
                .contains(".github/workflows/release.yml");
        assertThat(policy.provenancePin("@sigstore/verify")).map(Policy.ProvenancePin::repository)
                .contains("https://github.com/sigstore/sigstore-js");
        assertThat(policy.provenancePin("@sigstorex/verify")).isEmpty();
        assertThat(policy.provenancePin("tuf-js")).isEmpty();
        assertThatThrownBy(() -> reader.read("portcullis.yml", "provenance:\n  sigstore:\n    workflow: x.yml\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("provenance.sigstore needs a repository");
        assertThatThrownBy(() -> reader.read("portcullis.yml", "provenance:\n  sigstore:\n    repo: x\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown key 'repo'");
    }
}
