package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.json.Json;
import dev.portcullis.report.VerifyReport;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registry signatures against the real registry keys and real signed versions (fixtures/signatures, from
 * ../shared/fixtures/signatures: has-package-exports' full packument, 11 versions signed with the old key;
 * lodash's abbreviated packument, 117 versions across the 2025 key rotation), served on 127.0.0.1 with the keys at
 * /-/npm/v1/keys; then tampered copies: a flipped signature byte, a changed lockfile integrity, an expired key,
 * an unknown key, a mirror that strips signatures, a registry without keys.
 */
class VerifySignaturesTest {
    @TempDir
    Path work;
    private FakeRegistry registry;
    private Path documents;

    @BeforeEach
    void setUp() throws IOException {
        documents = Files.createDirectories(work.resolve("registry"));
        Files.copy(Fixtures.path("signatures/packuments/has-package-exports.packument.json"),
                documents.resolve("has-package-exports.json"));
        Files.copy(Fixtures.path("signatures/packuments/lodash.abbreviated-packument.json"),
                documents.resolve("lodash.json"));
        registry = FakeRegistry.start(documents);
        registry.serve("-/npm/v1/keys", Files.readAllBytes(Fixtures.path("signatures/keys/npm-registry-keys.json")));
    }

    @AfterEach
    void tearDown() {
        registry.close();
    }

    /** A pnpm 9 lockfile (which holds any number of versions of one name) locking these versions. */
    static Path pnpmProject(Path dir, Map<String, List<String[]>> versions) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"signed\",\"version\":\"1.0.0\"}");
        StringBuilder lock = new StringBuilder("lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n"
                + "  excludeLinksFromLockfile: false\n\nimporters:\n\n  .: {}\n\npackages:\n\n");
        StringBuilder snapshots = new StringBuilder("snapshots:\n\n");
        versions.forEach((name, list) -> {
            for (String[] v : list) {
                String key = (name.startsWith("@") ? "'" + name + "@" + v[0] + "'" : name + "@" + v[0]);
                lock.append("  ").append(key).append(":\n    resolution: {integrity: ").append(v[1]).append("}\n\n");
                snapshots.append("  ").append(key).append(": {}\n\n");
            }
        });
        Files.writeString(dir.resolve("pnpm-lock.yaml"), lock.append(snapshots));
        return dir;
    }

    private Map<String, List<String[]>> lockedFromPackuments(String... names) throws IOException {
        Map<String, List<String[]>> versions = new java.util.LinkedHashMap<>();
        for (String name : names) {
            JsonNode doc = Json.mapper().readTree(documents.resolve(name + ".json").toFile());
            List<String[]> list = new ArrayList<>();
            doc.path("versions").properties().forEach(e -> list.add(new String[] {e.getKey(),
                    e.getValue().path("dist").path("integrity").asText()}));
            versions.put(name, list);
        }
        return versions;
    }

    VerifyReport verify(Path project, Path keys) throws Exception {
        return VerifyRuns.verify(work, registry, project, new VerifyOptions(false, true, false, keys, null, null, false,
                null, false, false, 2));
    }

    private static List<String> findings(VerifyReport report) {
        return report.result().findings().stream().map(f -> f.rule().id() + " " + f.packageName() + "@"
                + f.version()).toList();
    }

    @Test
    void everyRealSignatureVerifies_acrossTheKeyRotation() throws Exception {
        VerifyReport report = verify(pnpmProject(work.resolve("p"), lockedFromPackuments("has-package-exports",
                "lodash")), null);
        assertThat(findings(report)).isEmpty();
        assertThat(report.counts().signaturesVerified()).isEqualTo(11 + 117);
        assertThat(report.unchecked()).filteredOn(u -> !u.startsWith("no node_modules")).isEmpty();
    }

    @Test
    void aFlippedSignatureByteIsInvalid() throws Exception {
        ObjectNode doc = (ObjectNode) Json.mapper().readTree(documents.resolve("has-package-exports.json").toFile());
        ObjectNode signature = (ObjectNode) doc.path("versions").path("1.2.0").path("dist").path("signatures").get(0);
        byte[] sig = Base64.getDecoder().decode(signature.get("sig").asText());
        sig[sig.length - 3] ^= 0x01;
        signature.put("sig", Base64.getEncoder().encodeToString(sig));
        Files.writeString(documents.resolve("has-package-exports.json"), doc.toString());
        assertThat(findings(verify(pnpmProject(work.resolve("p"), lockedFromPackuments("has-package-exports")),
                null))).containsExactly("signature/invalid has-package-exports@1.2.0");
    }

    @Test
    void aLockfileIntegrityTheRegistryDidNotSignIsInvalid() throws Exception {
        Map<String, List<String[]>> locked = lockedFromPackuments("has-package-exports");
        String[] first = locked.get("has-package-exports").getFirst();
        byte[] digest = Base64.getDecoder().decode(first[1].substring("sha512-".length()));
        digest[0] ^= 0x01;
        first[1] = "sha512-" + Base64.getEncoder().encodeToString(digest);
        assertThat(findings(verify(pnpmProject(work.resolve("p"), locked), null)))
                .containsExactly("signature/invalid has-package-exports@" + first[0]);
    }

    @Test
    void aKeyThatExpiredBeforePublishingAndAnUnknownKeyAreReported() throws Exception {
        ObjectNode keys = (ObjectNode) Json.mapper().readTree(Fixtures.path("signatures/keys/npm-registry-keys.json")
                .toFile());
        for (JsonNode key : keys.path("keys")) {
            if (key.path("keyid").asText().startsWith("SHA256:jl3bws")) {
                ((ObjectNode) key).put("expires", "2019-12-31T00:00:00.000Z");
            }
        }
        Path expired = work.resolve("expired-keys.json");
        Files.writeString(expired, keys.toString());
        Path project = pnpmProject(work.resolve("p"), lockedFromPackuments("has-package-exports"));
        assertThat(findings(verify(project, expired))).hasSize(11)
                .allMatch(f -> f.startsWith("signature/expired-key has-package-exports@"));

        ArrayNode onlyNew = Json.mapper().createArrayNode();
        keys.path("keys").forEach(k -> {
            if (!k.path("keyid").asText().startsWith("SHA256:jl3bws")) {
                onlyNew.add(k);
            }
        });
        keys.set("keys", onlyNew);
        Path unknown = work.resolve("new-key-only.json");
        Files.writeString(unknown, keys.toString());
        assertThat(findings(verify(project, unknown))).hasSize(11)
                .allMatch(f -> f.startsWith("signature/unknown-key has-package-exports@"));
    }

    @Test
    void aMirrorThatStripsSignaturesIsMissingThem_andARegistryWithoutKeysIsUnchecked() throws Exception {
        ObjectNode doc = (ObjectNode) Json.mapper().readTree(documents.resolve("has-package-exports.json").toFile());
        doc.path("versions").forEach(v -> ((ObjectNode) v.path("dist")).remove("signatures"));
        Files.writeString(documents.resolve("has-package-exports.json"), doc.toString());
        Path project = pnpmProject(work.resolve("p"), lockedFromPackuments("has-package-exports"));
        Path keys = Fixtures.path("signatures/keys/npm-registry-keys.json");
        assertThat(findings(verify(project, keys))).hasSize(11)
                .allMatch(f -> f.startsWith("signature/missing has-package-exports@"));

        registry.close();
        registry = FakeRegistry.start(documents); // the mirror: no /-/npm/v1/keys
        VerifyReport report = verify(project, null);
        assertThat(report.result().findings()).isEmpty();
        assertThat(report.unchecked()).anyMatch(u -> u.contains("publishes no signing keys")
                && u.contains("--keys FILE"));
    }

    @Test
    void aScopesPrivateRegistryIsAskedForItsOwnKeys_notJudgedByThePublicOnes() throws Exception {
        Path privateDocs = Files.createDirectories(work.resolve("private"));
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(new byte[64]);
        Files.writeString(privateDocs.resolve("%40acme%2Futil.json"), "{\"name\":\"@acme/util\",\"versions\":{"
                + "\"1.0.0\":{\"name\":\"@acme/util\",\"version\":\"1.0.0\",\"dist\":{\"integrity\":\""
                + integrity + "\"}}}}");
        try (FakeRegistry internal = FakeRegistry.start(privateDocs)) {
            Map<String, List<String[]>> locked = lockedFromPackuments("has-package-exports");
            locked.put("@acme/util", List.<String[]>of(new String[] {"1.0.0", integrity}));
            Path project = pnpmProject(work.resolve("p"), locked);
            Files.writeString(project.resolve(".npmrc"), "@acme:registry=" + internal.url() + "\n");
            VerifyReport report = verify(project, null);
            assertThat(findings(report)).isEmpty();
            assertThat(report.counts().signaturesVerified()).isEqualTo(11);
            assertThat(report.unchecked()).anyMatch(u -> u.startsWith("the registry " + internal.url()
                    + " publishes no signing keys"));
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
