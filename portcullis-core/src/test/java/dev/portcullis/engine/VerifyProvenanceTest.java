package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.json.Json;
import dev.portcullis.report.VerifyReport;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import dev.portcullis.verify.Identity;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sigstore provenance of the 7 real npm attestation documents (fixtures/signatures/attestations) against the
 * bundled public-good trusted root, offline: each version's document is served at its /-/npm/v1/attestations URL,
 * and a version document naming it (with the version's real integrity) is built here, since no recorded packument
 * carries attestations. Then the real broken documents and tampered cases: a wrong subject digest, a foreign
 * identity against the policy's pin, and the trust file's identity-changed and downgrade.
 */
class VerifyProvenanceTest {
    @TempDir
    Path work;
    private FakeRegistry registry;
    private Path documents;
    /** name → version → integrity, from the attestations summary. */
    private final Map<String, Map<String, String>> integrity = new LinkedHashMap<>();
    private final Map<String, Path> attestationFiles = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        documents = Files.createDirectories(work.resolve("registry"));
        registry = FakeRegistry.start(documents);
        registry.serve("-/npm/v1/keys", Files.readAllBytes(Fixtures.path("signatures/keys/npm-registry-keys.json")));
        for (JsonNode entry : Json.mapper().readTree(Fixtures.path("signatures/attestations/attestations-summary.json")
                .toFile())) {
            String name = entry.path("package").asText();
            String version = entry.path("version").asText();
            integrity.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(version, entry.path("integrity").asText());
            attestationFiles.put(name + "@" + version, Fixtures.path("signatures/" + entry.path("file").asText()));
        }
        for (var e : integrity.entrySet()) {
            for (String version : e.getValue().keySet()) {
                attest(e.getKey(), version, attestationFiles.get(e.getKey() + "@" + version));
            }
            publish(e.getKey(), e.getValue().keySet(), true);
        }
    }

    @AfterEach
    void tearDown() {
        registry.close();
    }

    private void attest(String name, String version, Path document) throws IOException {
        registry.serve("-/npm/v1/attestations/" + name + "@" + version, Files.readAllBytes(document));
    }

    /** A packument whose versions carry the real integrity and, when {@code attested}, the attestations URL. */
    private void publish(String name, Iterable<String> versions, boolean attested) throws IOException {
        ObjectNode doc = Json.mapper().createObjectNode().put("name", name);
        ObjectNode all = doc.putObject("versions");
        for (String version : versions) {
            ObjectNode dist = all.putObject(version).put("name", name).put("version", version).putObject("dist");
            dist.put("integrity", integrity.get(name).get(version));
            String scopedUrl = name.startsWith("@") ? name.replace("/", "%2f") : name;
            if (attested) {
                dist.putObject("attestations").put("url", "https://registry.npmjs.org/-/npm/v1/attestations/"
                        + scopedUrl + "@" + version).putObject("provenance")
                        .put("predicateType", "https://slsa.dev/provenance/v1");
            }
        }
        Files.writeString(documents.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8) + ".json"),
                doc.toString());
    }

    private Path project(Map<String, Map<String, String>> locked) throws IOException {
        Map<String, List<String[]>> versions = new LinkedHashMap<>();
        locked.forEach((name, vs) -> {
            List<String[]> list = new ArrayList<>();
            vs.forEach((v, i) -> list.add(new String[] {v, i}));
            versions.put(name, list);
        });
        return VerifySignaturesTest.pnpmProject(work.resolve("p"), versions);
    }

    private VerifyReport verify(Path project, boolean record) throws Exception {
        return VerifyRuns.verify(work, registry, project, new VerifyOptions(false, false, true, null, null, null, record,
                null, false, false, 2));
    }

    private static List<String> findings(VerifyReport report) {
        return report.result().findings().stream().map(f -> f.rule().id() + " " + f.packageName() + "@"
                + f.version()).toList();
    }

    @Test
    void everyRealAttestationVerifies_andNamesWhoBuiltIt() throws Exception {
        VerifyReport report = verify(project(integrity), false);
        assertThat(findings(report)).isEmpty();
        assertThat(report.counts().provenanceVerified()).isEqualTo(7);
        Map<String, Identity> built = new LinkedHashMap<>();
        report.provenance().forEach(p -> built.put(p.name() + "@" + p.version(), p.identity()));
        assertThat(built.get("sigstore@2.3.1")).isEqualTo(new Identity("https://token.actions.githubusercontent.com",
                "https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main",
                "https://github.com/sigstore/sigstore-js", ".github/workflows/release.yml", "refs/heads/main",
                built.get("sigstore@2.3.1").commit()));
        assertThat(built.get("sigstore@2.3.1").commit()).startsWith("46e7056ff991");
        assertThat(built.get("sigstore@1.0.0").ref()).isEqualTo("refs/tags/v1.0.0");
        assertThat(built.get("sigstore@1.0.0").repository()).isEqualTo("https://github.com/sigstore/sigstore-js");
        // a reusable workflow: the SAN names the generator, the repository is the package's own
        Identity reusable = built.get("@laurentsimon/provenance-npm-test@1.0.5");
        assertThat(reusable.repository()).isEqualTo("https://github.com/laurentsimon/provenance-npm-test");
        assertThat(reusable.san()).startsWith("https://github.com/slsa-framework/slsa-github-generator/");
    }

    @Test
    void theRealBrokenProvenanceSignatureIsInvalid() throws Exception {
        attest("gundam-visor", "1.0.1",
                Fixtures.path("signatures/attestations/negative/gundam-visor@1.0.1.invalid-provenance-signature.json"));
        VerifyReport report = verify(project(Map.of("gundam-visor", integrity.get("gundam-visor"))), false);
        assertThat(findings(report)).containsExactly("provenance/invalid gundam-visor@1.0.1");
        assertThat(report.result().findings().getFirst().message()).contains("DSSE signature");
    }

    @Test
    void theRealBrokenPublishAttestationIsInvalid_whenTheRegistryKeysAreKnown() throws Exception {
        attest("gundam-visor", "1.0.1",
                Fixtures.path("signatures/attestations/negative/gundam-visor@1.0.1.invalid-publish-signature.json"));
        VerifyReport report = verify(project(Map.of("gundam-visor", integrity.get("gundam-visor"))), false);
        assertThat(findings(report)).containsExactly("provenance/invalid gundam-visor@1.0.1");
        assertThat(report.result().findings().getFirst().message()).contains("publish attestation")
                .contains("DSSE signature");
    }

    @Test
    void aTamperedBundleFailsWhereItWasTampered() throws Exception {
        ObjectNode doc = (ObjectNode) Json.mapper().readTree(attestationFiles.get("sigstore@2.3.1").toFile());
        ObjectNode entry = null;
        for (JsonNode a : doc.path("attestations")) {
            if (a.path("predicateType").asText().startsWith("https://slsa.dev/provenance/")) {
                entry = (ObjectNode) a.path("bundle").path("verificationMaterial").path("tlogEntries").get(0);
            }
        }
        entry.put("integratedTime", String.valueOf(Long.parseLong(entry.path("integratedTime").asText()) + 1));
        Path tampered = work.resolve("tampered.json");
        Files.writeString(tampered, doc.toString());
        attest("sigstore", "2.3.1", tampered);
        VerifyReport report = verify(project(Map.of("sigstore", Map.of("2.3.1", integrity.get("sigstore")
                .get("2.3.1")))), false);
        assertThat(findings(report)).containsExactly("provenance/invalid sigstore@2.3.1");
        assertThat(report.result().findings().getFirst().message()).contains("transparency log");
    }

    @Test
    void aTamperedSignedEntryTimestampOfAProoflessV01BundleIsInvalid() throws Exception {
        ObjectNode doc = (ObjectNode) Json.mapper().readTree(attestationFiles.get("sigstore@1.0.0").toFile());
        for (JsonNode a : doc.path("attestations")) {
            ObjectNode promise = (ObjectNode) a.path("bundle").path("verificationMaterial").path("tlogEntries").get(0)
                    .path("inclusionPromise");
            byte[] set = Base64.getDecoder().decode(promise.path("signedEntryTimestamp").asText());
            set[set.length - 2] ^= 0x01;
            promise.put("signedEntryTimestamp", Base64.getEncoder().encodeToString(set));
        }
        Path tampered = work.resolve("tampered-set.json");
        Files.writeString(tampered, doc.toString());
        attest("sigstore", "1.0.0", tampered);
        VerifyReport report = verify(project(Map.of("sigstore", Map.of("1.0.0", integrity.get("sigstore")
                .get("1.0.0")))), false);
        assertThat(findings(report)).containsExactly("provenance/invalid sigstore@1.0.0");
        assertThat(report.result().findings().getFirst().message()).contains("signed entry timestamp");
    }

    @Test
    void aSubjectOfOtherBytesIsASubjectMismatch() throws Exception {
        String real = integrity.get("tuf-js").get("1.0.0");
        byte[] digest = Base64.getDecoder().decode(real.substring("sha512-".length()));
        digest[5] ^= 0x10;
        String other = "sha512-" + Base64.getEncoder().encodeToString(digest);
        VerifyReport report = verify(project(Map.of("tuf-js", Map.of("1.0.0", other))), false);
        assertThat(findings(report)).containsExactly("provenance/subject-mismatch tuf-js@1.0.0");
    }

    @Test
    void thePolicyPinsWhoBuildsAPackage() throws Exception {
        Path project = project(Map.of("sigstore", integrity.get("sigstore"), "tuf-js", integrity.get("tuf-js")));
        Files.writeString(project.resolve("portcullis.yml"), """
                provenance:
                  sigstore:
                    repository: github.com/sigstore/sigstore-js
                    workflow: .github/workflows/release.yml
                  tuf-js:
                    repository: https://github.com/someone-else/tuf-js.git
                """);
        // sigstore 0.4.0 and 1.0.0 were built by publish.yml, 2.3.1 by release.yml; tuf-js by its own repository
        assertThat(findings(verify(project, false))).containsExactlyInAnyOrder(
                "provenance/identity-mismatch sigstore@0.4.0", "provenance/identity-mismatch sigstore@1.0.0",
                "provenance/identity-mismatch tuf-js@1.0.0");
    }

    @Test
    void theTrustFileReportsAChangedBuilderAndALostProvenance() throws Exception {
        Map<String, Map<String, String>> first = Map.of("sigstore", Map.of("2.3.1", integrity.get("sigstore")
                .get("2.3.1")), "tuf-js", integrity.get("tuf-js"));
        VerifyReport recorded = verify(project(first), true);
        assertThat(findings(recorded)).isEmpty();
        assertThat(recorded.notes()).contains("portcullis-trust.json: 2 packages recorded, 0 already there");
        Path trust = work.resolve("p/portcullis-trust.json");
        assertThat(Files.readString(trust)).contains("\"repository\" : \"https://github.com/sigstore/sigstore-js\"",
                "\"workflow\" : \".github/workflows/release.yml\"");

        // sigstore 1.0.0 came from publish.yml; tuf-js 1.0.0 is republished without provenance
        publish("tuf-js", List.of("1.0.0"), false);
        Map<String, Map<String, String>> later = Map.of("sigstore", Map.of("1.0.0", integrity.get("sigstore")
                .get("1.0.0")), "tuf-js", integrity.get("tuf-js"));
        assertThat(findings(verify(project(later), false))).containsExactlyInAnyOrder(
                "provenance/identity-changed sigstore@1.0.0", "provenance/downgrade tuf-js@1.0.0");
    }
}
