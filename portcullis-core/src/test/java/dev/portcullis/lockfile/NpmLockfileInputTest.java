package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Lockfile;
import dev.portcullis.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken and unusual package-locks: each either reads as the client would read it or fails with file:line and what was expected. */
class NpmLockfileInputTest {
    private final NpmLockfileReader reader = new NpmLockfileReader();

    static Stream<Arguments> brokenInputs() throws IOException {
        return Stream.of(
                Arguments.of("not-json fixture", fixture("npm/not-json/package-lock.json"),
                        "package-lock.json:1: malformed JSON: Unrecognized token 'lockfileVersion': was expecting"
                                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                Arguments.of("malformed fixture: entry is a string", fixture("npm/malformed/package-lock.json"),
                        "package-lock.json:14: the entry \"node_modules/is-number\" must be an object, found a string"),
                Arguments.of("truncated", "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n",
                        "package-lock.json:4: malformed JSON: Unexpected end-of-input: expected close marker for Object"
                                + " (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 3, column: 15])"),
                Arguments.of("empty file", "", "package-lock.json:1: expected a JSON object (a package-lock.json), found nothing"),
                Arguments.of("top level is a list", "[1]", "package-lock.json:1: expected a JSON object (a package-lock.json), found a list"),
                Arguments.of("unknown version", "{\n  \"lockfileVersion\": 4,\n  \"packages\": {}\n}",
                        "package-lock.json:2: unsupported lockfileVersion 4 (supported: 1, 2 or 3)"),
                Arguments.of("huge version", "{\"lockfileVersion\": 99999999999999999999}",
                        "package-lock.json:1: unsupported lockfileVersion 99999999999999999999 (supported: 1, 2 or 3)"),
                Arguments.of("version is a string", "{\"lockfileVersion\": \"3\"}",
                        "package-lock.json:1: lockfileVersion must be a whole number (supported: 1, 2 or 3), found a string"),
                Arguments.of("no version", "{\n  \"packages\": {}\n}",
                        "package-lock.json:1: missing lockfileVersion (supported: 1, 2 or 3)"),
                Arguments.of("v3 without packages", "{\n  \"lockfileVersion\": 3\n}",
                        "package-lock.json:2: lockfileVersion 3 requires a \"packages\" object"),
                Arguments.of("packages is a list", "{\"lockfileVersion\": 3,\n\"packages\": []}",
                        "package-lock.json:2: \"packages\" must be an object of path to package entry, found a list"),
                Arguments.of("dependency spec is a number",
                        "{\"lockfileVersion\": 3, \"packages\": {\n\"\": {\"dependencies\": {\n\"a\": 1}}}}",
                        "package-lock.json:3: \"dependencies\".\"a\" must be a string, found the number 1"),
                Arguments.of("flag is a string", "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/a\": {\n\"dev\": \"yes\"}}}",
                        "package-lock.json:2: \"dev\" must be true or false, found a string"),
                Arguments.of("os holds a number", "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/a\": {\"os\": [\n1]}}}",
                        "package-lock.json:2: \"os\" must be a list of strings, found the number 1"),
                Arguments.of("v1 entry is a string", "{\"lockfileVersion\": 1, \"dependencies\": {\n\"a\": \"1.0.0\"}}",
                        "package-lock.json:2: the entry \"node_modules/a\" must be an object, found a string"),
                Arguments.of("root as dot", "{\"lockfileVersion\": 3, \"packages\": {\n\".\": {}}}",
                        "package-lock.json:2: the package path \".\" is not valid (the project root's entry is \"\")"),
                Arguments.of("content after the object", "{\"lockfileVersion\": 3, \"packages\": {}}\n{}",
                        "package-lock.json:2: unexpected content after the lockfile's JSON object"),
                Arguments.of("nesting deeper than the limit", "{\"lockfileVersion\": 3, \"x\": " + "[".repeat(10_000),
                        "package-lock.json:1: malformed JSON: Document nesting depth (501) exceeds the maximum allowed"
                                + " (500, from `StreamReadConstraints.getMaxNestingDepth()`)"),
                Arguments.of("bytes that look like UTF-32", "{\u0000\u0000\u0000\u0000\u0000\u0000\u0000 \"a\"",
                        "package-lock.json:1: expected UTF-8 JSON text: Invalid UTF-32 character 0x22602220 (above 0x0010ffff) at char #2, byte #11)"),
                Arguments.of("v1 nesting deeper than the limit",
                        "{\"lockfileVersion\": 1, \"dependencies\": " + "{\"a\": {\"dependencies\": ".repeat(400),
                        "package-lock.json:1: malformed JSON: Document nesting depth (501) exceeds the maximum allowed"
                                + " (500, from `StreamReadConstraints.getMaxNestingDepth()`)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInputs")
    void rejectsBrokenInput(String scenario, String content, String message) {
        assertThatThrownBy(() -> read(content.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class)
                .hasMessage(message);
    }

    @Test
    void readsUtf8ByteOrderMarkAndCrlf_v3() throws Exception {
        String lf = fixture("npm/one-package-v3/package-lock.json");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] crlf = lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + crlf.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(crlf, 0, both, bom.length, crlf.length);

        String expected = NpmGraphText.render(read(lf.getBytes(StandardCharsets.UTF_8)), true);
        assertThat(NpmGraphText.render(read(crlf), true)).isEqualTo(expected);
        assertThat(NpmGraphText.render(read(both), true)).isEqualTo(expected);
    }

    @Test
    void readsDuplicateKeysLastWins_v3() throws Exception {
        String lockfile = """
                {
                  "lockfileVersion": 2,
                  "lockfileVersion": 3,
                  "packages": {
                    "": { "dependencies": { "a": "1.0.0", "a": "^2.0.0" } },
                    "node_modules/a": { "version": "1.0.0" },
                    "node_modules/a": { "version": "2.0.0", "dev": true, "dev": false, "optional": true }
                  },
                  "packages": {
                    "": { "dependencies": { "a": "^2.0.0" } },
                    "node_modules/a": { "version": "2.0.0", "optional": true },
                    "node_modules/a": { "version": "2.1.0" }
                  }
                }
                """;

        assertThat(NpmGraphText.render(read(lockfile.getBytes(StandardCharsets.UTF_8)), true)).isEqualTo("""
                format NPM 3
                importer . name=null declared=[a@^2.0.0 PROD :10]
                package node_modules/a :12 a@2.1.0 registry(default) resolved=null integrity=null flags=[] scripts=NO
                edge . -> node_modules/a a@^2.0.0 PROD
                """);
    }

    @Test
    void readsDuplicateNamesLastWinsWithTheirNesting_v1() throws Exception {
        String lockfile = """
                {
                  "lockfileVersion": 1,
                  "dependencies": {
                    "a": { "version": "1.0.0", "requires": { "b": "1" }, "dependencies": { "b": { "version": "1.0.0" } } },
                    "a": { "version": "2.0.0" }
                  }
                }
                """;

        assertThat(NpmGraphText.render(read(lockfile.getBytes(StandardCharsets.UTF_8)), true)).isEqualTo("""
                format NPM 1
                importer . name=null declared=null
                package node_modules/a :5 a@2.0.0 registry(default) resolved=null integrity=null flags=[] scripts=UNKNOWN
                edge . -> node_modules/a a@2.0.0 PROD
                """);
    }

    @Test
    void readsWorkspaceGlobsWithDoubleStarAndExclusion_v3() throws Exception {
        String lockfile = """
                {
                  "lockfileVersion": 3,
                  "packages": {
                    "": { "workspaces": { "packages": ["libs/**", "apps/*", "!libs/private/*"] } },
                    "node_modules/deep": { "resolved": "libs/group/deep", "link": true },
                    "node_modules/web": { "resolved": "apps/web", "link": true },
                    "node_modules/secret": { "resolved": "libs/private/secret", "link": true },
                    "libs/group/deep": { "name": "deep", "version": "1.0.0", "dependencies": { "web": "*", "secret": "*" } },
                    "apps/web": { "version": "1.0.0" },
                    "libs/private/secret": { "version": "1.0.0" }
                  }
                }
                """;

        assertThat(NpmGraphText.render(read(lockfile.getBytes(StandardCharsets.UTF_8)), true)).isEqualTo("""
                format NPM 3
                importer . name=null declared=[]
                importer libs/group/deep name=deep declared=[web@* PROD :8, secret@* PROD :8]
                importer apps/web name=web declared=[]
                package libs/private/secret :10 secret@1.0.0 local(libs/private/secret, link) resolved=null integrity=null flags=[] scripts=NO
                edge libs/group/deep -> apps/web web@* PROD
                edge libs/group/deep -> libs/private/secret secret@* PROD
                """);
    }

    @Test
    void readsSourcesNoFixtureCanHold_v3() throws Exception {
        // GitHub is unreachable when fixtures are made, so the git+ssh form npm writes for GitHub is hand-written
        String lockfile = """
                {
                  "lockfileVersion": 3,
                  "packages": {
                    "": { "dependencies": { "r": "github:u/r", "out": "file:../outside", "t": "https://example.com/t.tgz" } },
                    "node_modules/r": { "version": "1.2.3", "resolved": "git+ssh://git@github.com/u/r.git#0123abc", "devOptional": true, "bin": "cli.js" },
                    "node_modules/out": { "resolved": "../outside", "link": true },
                    "node_modules/t": { "version": "0.1.0", "resolved": "https://example.com/t.tgz", "peer": true }
                  }
                }
                """;

        assertThat(NpmGraphText.render(read(lockfile.getBytes(StandardCharsets.UTF_8)), true)).isEqualTo("""
                format NPM 3
                importer . name=null declared=[r@github:u/r PROD :4, out@file:../outside PROD :4, t@https://example.com/t.tgz PROD :4]
                package node_modules/r :5 r@1.2.3 git(git+ssh://git@github.com/u/r.git, 0123abc) resolved=git+ssh://git@github.com/u/r.git#0123abc integrity=null flags=[OPTIONAL] scripts=NO bins=[r]
                package node_modules/out :6 out@ local(../outside, link) resolved=../outside integrity=null flags=[] scripts=NO
                package node_modules/t :7 t@0.1.0 tarball(https://example.com/t.tgz) resolved=https://example.com/t.tgz integrity=null flags=[PEER] scripts=NO
                edge . -> node_modules/r r@github:u/r PROD
                edge . -> node_modules/out out@file:../outside PROD
                edge . -> node_modules/t t@https://example.com/t.tgz PROD
                """);
    }

    @Test
    void claimsPackageLockAndShrinkwrapByName() {
        assertThat(Stream.of("package-lock.json", "npm-shrinkwrap.json", ".package-lock.json", "yarn.lock", "package.json")
                .filter(name -> reader.canRead(name, "{")).toList())
                .containsExactly("package-lock.json", "npm-shrinkwrap.json");
        assertThat(LockfileReaders.find("package-lock.json", "{")).containsInstanceOf(NpmLockfileReader.class);
    }

    private Lockfile read(byte[] content) throws IOException, InputException {
        return reader.read("package-lock.json", new ByteArrayInputStream(content));
    }

    private static String fixture(String path) throws IOException {
        return Files.readString(Fixtures.path(path));
    }
}
