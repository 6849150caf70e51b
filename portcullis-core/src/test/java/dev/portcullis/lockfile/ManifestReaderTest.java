package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.model.DeclaredDependency;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Manifest;
import dev.portcullis.model.Script;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {

    private static Manifest read(String json) throws InputException, IOException {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Manifest read(byte[] bytes) throws InputException, IOException {
        return new ManifestReader().read("package.json", new ByteArrayInputStream(bytes));
    }

    private static Location at(int line) {
        return new Location("package.json", line);
    }

    @Test
    void readsEverySectionWithLines() throws Exception {
        Manifest manifest = read("""
                {
                  "name": "app",
                  "version": "1.0.0",
                  "packageManager": "pnpm@9.15.0",
                  "workspaces": {"packages": ["packages/*"]},
                  "scripts": {
                    "postinstall": "node setup.js",
                    "test": "vitest"
                  },
                  "dependencies": {"express": "^4.21.2", "is-num": "npm:is-number@7.0.0"},
                  "devDependencies": {
                    "typescript": "5.7.2"
                  },
                  "optionalDependencies": {"fsevents": "2.3.3"},
                  "peerDependencies": {"react": "^18"},
                  "peerDependenciesMeta": {"react": {"optional": true}},
                  "bundleDependencies": ["express"],
                  "overrides": {"foo": {"bar": "1.0.0"}},
                  "resolutions": {"lodash": "4.17.21"},
                  "pnpm": {"overrides": {"semver": "7.6.3"}},
                  "unknownField": {"deeply": [1, 2, {"nested": true}]}
                }
                """);
        assertThat(manifest).isEqualTo(new Manifest("package.json", "app", "1.0.0", List.of(
                new DeclaredDependency("express", "^4.21.2", DependencyType.PROD, at(10)),
                new DeclaredDependency("is-num", "npm:is-number@7.0.0", DependencyType.PROD, at(10)),
                new DeclaredDependency("typescript", "5.7.2", DependencyType.DEV, at(12)),
                new DeclaredDependency("fsevents", "2.3.3", DependencyType.OPTIONAL, at(14)),
                new DeclaredDependency("react", "^18", DependencyType.PEER, at(15))),
                List.of("react"), List.of("express"), Map.of("foo", Map.of("bar", "1.0.0")),
                Map.of("lodash", "4.17.21"), Map.of("semver", "7.6.3"),
                List.of(new Script("postinstall", "node setup.js", at(7)), new Script("test", "vitest", at(8))),
                List.of("packages/*"), "pnpm@9.15.0", at(1)));
    }

    @Test
    void bundleDependenciesTrueMeansEveryProdDependency() throws Exception {
        Manifest manifest = read("{\"dependencies\":{\"a\":\"1.0.0\",\"b\":\"2.0.0\"},\"bundledDependencies\":true}");
        assertThat(manifest.bundleDependencies()).containsExactly("a", "b");
    }

    @Test
    void byteOrderMarkCrlfAndDuplicateKeys() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = "{\r\n\"name\":\"a\",\r\n\"dependencies\":{\"x\":\"1.0.0\",\"x\":\"2.0.0\"},\r\n\"name\":\"b\"\r\n}";
        byte[] bytes = new byte[bom.length + body.length()];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body.getBytes(StandardCharsets.UTF_8), 0, bytes, bom.length, body.length());
        Manifest manifest = read(bytes);
        assertThat(manifest.name()).isEqualTo("b");
        assertThat(manifest.dependencies()).containsExactly(
                new DeclaredDependency("x", "2.0.0", DependencyType.PROD, at(3)));
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("notAnObject", "[1, 2]", "package.json:1: expected a JSON object for package.json"),
                Arguments.of("truncated", "{\n  \"name\": \"a\",\n", "package.json:3: malformed JSON"),
                Arguments.of("dependencyNotAString", "{\n\"dependencies\": {\"a\": 1}\n}",
                        "package.json:2: dependencies.a must be a string"),
                Arguments.of("dependenciesNotAnObject", "{\"devDependencies\": [\"a\"]}",
                        "package.json:1: devDependencies must be an object"),
                Arguments.of("trailingGarbage", "{}\n{}", "package.json:2: unexpected content after the package.json object"),
                Arguments.of("tooDeep", "{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "package.json:1: malformed JSON"),
                Arguments.of("utf32Lookalike", "\u0000\u0000\u0000{", "package.json:1: malformed JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenManifestIsAnInputErrorWithItsLine(String name, String json, String expected) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(InputException.class).hasMessageStartingWith(expected);
    }

    @FuzzTest(maxDuration = "60s")
    void readsOrRejectsAnyInput(byte[] input) throws IOException {
        try {
            read(input);
        } catch (InputException expected) {
            // a clear input error is the only acceptable failure
        }
    }
}
