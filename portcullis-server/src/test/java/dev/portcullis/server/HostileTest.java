package dev.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.Environment;
import dev.portcullis.model.InputException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What an attacker or a broken upstream sends, and what the firewall makes of it: never served, never followed. */
@Timeout(300)
class HostileTest extends FirewallHarness {

    @Test
    void aTarballThatDoesNotMatchItsIntegrityIsNeitherStoredNorServed() throws Exception {
        registry.putTarball("/" + A + "/-/" + A + "-1.2.3.tgz", Upstream.pkg(A, "1.2.3", "evil();\n"));
        start(POLICY);
        HttpResponse<byte[]> response = get("/" + A + "/-/" + A + "-1.2.3.tgz");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asText()).contains("integrity mismatch").contains("not served");
        assertThat(blobs()).isEmpty();
    }

    @Test
    void anOversizedDocumentIsRefused() throws Exception {
        start("  maxPackumentBytes: 1KB\n", POLICY);
        HttpResponse<byte[]> response = get("/" + A);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asText()).contains("more than 1024 bytes");
    }

    @Test
    void traversalAndMalformedNamesAre400AndNeverAskedUpstream() throws Exception {
        start(POLICY);
        for (String path : List.of("/..%2f..%2fetc%2fpasswd", "/%2e%2e/secret", "/a/../../etc/passwd",
                "/name%00", "/@scope/..", "/" + A + "/-/..%2f..%2fx.tgz", "/" + A + "/-/../x.tgz", "/.hidden",
                "/" + A + "/a/b/c", "/@/x", "/" + "x".repeat(300))) {
            HttpResponse<byte[]> response = get(path);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(json(response).path("error").asText()).as(path).isNotBlank();
        }
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void aTarballUrlNamingAnotherHostIsFetchedFromTheUpstreamsOwnRoute() throws Exception {
        Path doc = upstream.dir().resolve(A + ".json");
        Files.writeString(doc, Files.readString(doc).replace("https://registry.npmjs.org/" + A + "/-/" + A
                + "-1.2.3.tgz", "http://169.254.169.254/latest/meta-data/x.tgz"));
        start(POLICY);
        JsonNode listed = json(get("/" + A));
        assertThat(listed.path("versions").path("1.2.3").path("dist").path("tarball").asText())
                .startsWith(firewall.url());
        HttpResponse<byte[]> response = get("/" + A + "/-/" + A + "-1.2.3.tgz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(registry.requests()).anyMatch(r -> r.path().equals("/" + A + "/-/" + A + "-1.2.3.tgz"));
    }

    @Test
    void upstreamDown_storedAllowedVersionsAreStillServed_unknownOnesAreNot() throws Exception {
        start("  packumentTtl: 0m\n", POLICY);
        assertThat(get("/" + A + "/-/" + A + "-1.2.3.tgz").statusCode()).isEqualTo(200);
        registry.close();
        JsonNode doc = json(get("/" + A));
        assertThat(doc.path("versions").properties().stream().map(Map.Entry::getKey).toList())
                .as("only the version with a stored allow decision").containsExactly("1.2.3");
        assertThat(get("/" + A + "/-/" + A + "-1.2.3.tgz").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> unknown = get("/" + A + "/-/" + A + "-1.0.0.tgz");
        assertThat(unknown.statusCode()).isEqualTo(503);
        assertThat(unknown.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<byte[]> never = get("/" + B);
        assertThat(never.statusCode()).isEqualTo(503);
        assertThat(json(never).path("error").asText()).contains("cannot be reached").contains("not served");
        assertThat(json(get("/-/portcullis/health")).path("upstream").asText()).isEqualTo("down");
    }

    @Test
    void aCorruptedBlobIsDiscardedAndFetchedAgainNeverServed() throws Exception {
        start("  memoryCache: 0\n", POLICY); // every request reads the file (a kept copy would hide the damage)
        byte[] good = get("/" + A + "/-/" + A + "-1.2.3.tgz").body();
        List<Path> stored = blobs();
        assertThat(stored).hasSize(1);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 1;
        Files.write(stored.get(0), flipped);
        HttpResponse<byte[]> again = get("/" + A + "/-/" + A + "-1.2.3.tgz");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(good);
        assertThat(new String(get("/-/portcullis/metrics").body(), StandardCharsets.UTF_8))
                .contains("portcullis_blob_corrupted_total 1");
    }

    @Test
    void unknownConfigurationKeysAreErrorsWithTheirLine() throws Exception {
        Path config = tmp.resolve("bad.yml");
        Files.writeString(config, "listen: 127.0.0.1:0\nstorage:\n  data: data\n  dta: typo\n");
        Environment environment = new Environment(Map.of(), tmp.resolve("home"), Clock.systemUTC(), null);
        assertThatThrownBy(() -> ServerSetup.config(environment, tmp, config, null, null, null, null))
                .isInstanceOf(InputException.class).hasMessageContaining("bad.yml:4")
                .hasMessageContaining("unknown key 'dta' in storage");
        Files.writeString(config, "listen: 127.0.0.1:0\nupstream: " + registry.url() + "\npolicy:\n"
                + "  minReleaseAge: 3d\n  deny:\n    - package: x@1.0.0\n");
        assertThatThrownBy(() -> Firewall.start(ServerSetup.config(environment, tmp, config, null, null, null, null),
                environment)).isInstanceOf(InputException.class).hasMessageContaining("bad.yml:6")
                .hasMessageContaining("needs a 'reason'");
    }

    @Test
    void accessTokensComeFromTheEnvironment() throws Exception {
        Path config = tmp.resolve("tokens.yml");
        Files.writeString(config, "listen: 127.0.0.1:0\naccess:\n  tokens: ['${CI_TOKEN}']\n");
        Environment unset = new Environment(Map.of(), tmp.resolve("home"), Clock.systemUTC(), null);
        assertThatThrownBy(() -> ServerSetup.config(unset, tmp, config, null, null, null, null))
                .isInstanceOf(InputException.class).hasMessageContaining("tokens.yml:3")
                .hasMessageContaining("CI_TOKEN is not set");
        Environment set = new Environment(Map.of("CI_TOKEN", "0123456789abcdef-env"), tmp.resolve("home"),
                Clock.systemUTC(), null);
        assertThat(ServerSetup.config(set, tmp, config, null, null, null, null).accessTokens())
                .containsExactly("0123456789abcdef-env");
    }

    /** Every stored blob; each must hash to its name. */
    List<Path> blobs() throws Exception {
        Path root = tmp.resolve("data/blobs/sha512");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString()
                    .equals("incoming")).toList();
        }
    }

    static String sha512(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    }
}
