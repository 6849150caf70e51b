package dev.portcullis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.json.Json;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The version fields later stages read, in the shapes npm accepts. */
class PackumentTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void readsEveryModelledFieldOfAVersion() throws Exception {
        JsonNode version = json("""
                {"name":"@acme/tool","version":"1.2.3","dependencies":{"a":"^1.0.0","weird":42},
                 "devDependencies":{"b":"2"},"optionalDependencies":{"c":"3"},"peerDependencies":{"react":">=18"},
                 "scripts":{"install":"node-gyp rebuild","test":"jest"},"gypfile":true,"bin":"cli.js",
                 "os":"linux","cpu":["x64","arm64"],"deprecated":"use @acme/tool2","license":"MIT",
                 "dist":{"tarball":"https://r.example/@acme/tool/-/tool-1.2.3.tgz","integrity":"sha1-dTU0W4lnNNX4DE0GxQlVUnoU8Ss=",
                   "shasum":"7535345b896734d5f80c4d06c50955527a14f12b"}}
                """);
        Packument packument = Packument.from("@acme/tool", json("""
                {"name":"@acme/tool","dist-tags":{"latest":"1.2.3","next":"2.0.0-rc.1"},"versions":{"1.2.3":%s,
                 "broken":"not an object"}}
                """.formatted(version)), false);

        assertThat(packument).isEqualTo(new Packument("@acme/tool", Map.of("latest", "1.2.3", "next", "2.0.0-rc.1"),
                Map.of("1.2.3", new Packument.VersionDoc("@acme/tool", "1.2.3", Map.of("a", "^1.0.0"),
                        Map.of("b", "2"), Map.of("c", "3"), Map.of("react", ">=18"),
                        Map.of("install", "node-gyp rebuild", "test", "jest"), false, true,
                        Map.of("tool", "cli.js"), List.of("linux"), List.of("x64", "arm64"),
                        Optional.of("use @acme/tool2"),
                        new Packument.Dist(Optional.of(URI.create("https://r.example/@acme/tool/-/tool-1.2.3.tgz")),
                                Optional.of("sha1-dTU0W4lnNNX4DE0GxQlVUnoU8Ss="),
                                Optional.of("7535345b896734d5f80c4d06c50955527a14f12b")),
                        version)), false));
        Packument.VersionDoc doc = packument.version("1.2.3").orElseThrow();
        assertThat(doc.runsInstallScripts()).isTrue();
        assertThat(doc.raw().path("license").asText()).isEqualTo("MIT");
    }

    @Test
    void aBareVersionHasEmptyFieldsAndRunsNothing() throws Exception {
        Packument packument = Packument.from("bare", json("""
                {"versions":{"0.0.1":{"deprecated":false,"dist":{"tarball":"not a uri ^"}}}}
                """), true);
        Packument.VersionDoc doc = packument.version("0.0.1").orElseThrow();
        assertThat(packument.name()).isEqualTo("bare");
        assertThat(packument.distTags()).isEmpty();
        assertThat(doc.name()).isEqualTo("bare");
        assertThat(doc.deprecated()).isEmpty();
        assertThat(doc.dist()).isEqualTo(new Packument.Dist(Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(doc.dist().strongest()).isEmpty();
        assertThat(doc.runsInstallScripts()).isFalse();
    }
}
