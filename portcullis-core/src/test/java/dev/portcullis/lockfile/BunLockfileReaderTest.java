package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.model.InputException;
import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageFlag;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bun fixture (written by bun 1.1.43, 1.2.23 and 1.4.5: lockfileVersion 0, 1 and 2) read into the graph
 * and compared, whole, with the graph written out here by hand. bun.lock records neither dev nor optional, so
 * those flags come from the graph's shape; only lockfileVersion 2 records install scripts
 * ({@code hasInstallScript}), so {@code {n}} / {@code {y}} read UNKNOWN before it and NO / YES from it.
 */
class BunLockfileReaderTest {
    private static final String IS_NUMBER_7 = "sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==";
    private static final List<String> ALL = List.of("v0", "v1", "v2");

    private final BunLockfileReader reader = new BunLockfileReader();

    static Stream<Arguments> scenarios() {
        return Stream.of(
                row("one-package", ALL,
                        "edge [.] -> is-number@7.0.0 as is-number PROD",
                        "importer . is-number=7.0.0:PROD",
                        "package is-number@7.0.0 registry scripts={n}"),
                row("one-package-dev", ALL,
                        "edge [.] -> is-number@7.0.0 as is-number DEV",
                        "importer . is-number=7.0.0:DEV",
                        "package is-number@7.0.0 registry [DEV] scripts={n}"),
                row("scoped-packages", ALL,
                        "edge [.] -> @sindresorhus/is@4.6.0 as @sindresorhus/is PROD",
                        "edge [.] -> @types/ms@0.7.34 as @types/ms PROD",
                        "importer . @sindresorhus/is=4.6.0:PROD @types/ms=0.7.34:PROD",
                        "package @sindresorhus/is@4.6.0 registry scripts={n}",
                        "package @types/ms@0.7.34 registry scripts={n}"),
                row("nested-dependencies", ALL,
                        "edge [.] -> is-number@7.0.0 as is-number PROD",
                        "edge [.] -> is-odd@3.0.1 as is-odd PROD",
                        "edge is-odd@3.0.1 -> is-number@6.0.0 as is-number PROD",
                        "importer . is-number=7.0.0:PROD is-odd=3.0.1:PROD",
                        "package is-number@6.0.0 registry scripts={n}",
                        "package is-number@7.0.0 registry scripts={n}",
                        "package is-odd@3.0.1 registry scripts={n}"),
                row("peer-dependencies", ALL,
                        "edge [.] -> react@18.3.1 as react PROD",
                        "edge [.] -> use-sync-external-store@1.2.0 as use-sync-external-store PROD",
                        "edge loose-envify@1.4.0 -> js-tokens@4.0.0 as js-tokens PROD",
                        "edge react@18.3.1 -> loose-envify@1.4.0 as loose-envify PROD",
                        "edge use-sync-external-store@1.2.0 -> react@18.3.1 as react PEER",
                        "importer . react=18.3.1:PROD use-sync-external-store=1.2.0:PROD",
                        "package js-tokens@4.0.0 registry scripts={n}",
                        "package loose-envify@1.4.0 registry scripts={n} bins=[loose-envify]",
                        "package react@18.3.1 registry scripts={n}",
                        "package use-sync-external-store@1.2.0 registry scripts={n}"),
                row("optional-package", ALL,
                        "edge [.] -> fsevents@2.3.3 as fsevents OPTIONAL",
                        "edge [.] -> is-number@7.0.0 as is-number PROD",
                        "importer . is-number=7.0.0:PROD fsevents=2.3.3:OPTIONAL",
                        "package fsevents@2.3.3 registry [OPTIONAL] scripts={n} os=[darwin]",
                        "package is-number@7.0.0 registry scripts={n}"),
                row("alias", ALL,
                        "edge [.] -> is-number@7.0.0 as is-num PROD",
                        "importer . is-num=npm:is-number@7.0.0:PROD",
                        "package is-number@7.0.0 alias is-num registry scripts={n}"),
                // bun 1.1 and 1.2 cannot lock git+file:; bun.lock records no version for git packages
                row("git-dep", List.of("v2"),
                        "edge [.] -> local-git-pkg@ as local-git-pkg PROD",
                        "edge local-git-pkg@ -> is-number@7.0.0 as is-number PROD",
                        "importer . local-git-pkg=git+file:///fixtures/repo.git:PROD",
                        "package is-number@7.0.0 registry scripts={n}",
                        "package local-git-pkg@ git(git+file:///fixtures/repo.git#5d3525b142cab789a99a45faac6275851fea073f)"
                                + " scripts={n} no-integrity"),
                // integrity of a tarball URL is recorded from lockfileVersion 2 on
                row("tarball-url", List.of("v0", "v1"),
                        "edge [.] -> is-number@ as is-number PROD",
                        "importer . is-number=https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz:PROD",
                        "package is-number@ tarball(https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz)"
                                + " scripts={n} no-integrity"),
                row("tarball-url", List.of("v2"),
                        "edge [.] -> is-number@ as is-number PROD",
                        "importer . is-number=https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz:PROD",
                        "package is-number@ tarball(https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz)"
                                + " scripts={n}"),
                row("file-dep", ALL,
                        "edge [.] -> local-a@ as local-a PROD",
                        "edge [.] -> local-b@ as local-b PROD",
                        "edge local-a@ -> is-number@7.0.0 as is-number PROD",
                        "importer . local-a=file:./local-a:PROD local-b=link:local-b:PROD",
                        "package is-number@7.0.0 registry scripts={n}",
                        "package local-a@ file(local-a) scripts={n} no-integrity",
                        "package local-b@ link(local-b) scripts={n} no-integrity"),
                // lockfileVersion 0 records a workspace dependency by path, later versions as written
                row("workspaces", List.of("v0"),
                        "edge [.] -> [packages/a] as a PROD",
                        "edge [packages/a] -> [packages/b] as b PROD",
                        "edge [packages/a] -> is-number@7.0.0 as is-number PROD",
                        "edge [packages/b] -> is-odd@3.0.1 as is-odd DEV",
                        "edge is-odd@3.0.1 -> is-number@6.0.0 as is-number PROD",
                        "importer . a=packages/a:PROD",
                        "importer packages/a b=packages/b:PROD is-number=7.0.0:PROD",
                        "importer packages/b is-odd=3.0.1:DEV",
                        "package is-number@6.0.0 registry [DEV] scripts={n}",
                        "package is-number@7.0.0 registry scripts={n}",
                        "package is-odd@3.0.1 registry [DEV] scripts={n}"),
                row("workspaces", List.of("v1", "v2"),
                        "edge [.] -> [packages/a] as a PROD",
                        "edge [packages/a] -> [packages/b] as b PROD",
                        "edge [packages/a] -> is-number@7.0.0 as is-number PROD",
                        "edge [packages/b] -> is-odd@3.0.1 as is-odd DEV",
                        "edge is-odd@3.0.1 -> is-number@6.0.0 as is-number PROD",
                        "importer . a=workspace:*:PROD",
                        "importer packages/a b=workspace:*:PROD is-number=7.0.0:PROD",
                        "importer packages/b is-odd=3.0.1:DEV",
                        "package is-number@6.0.0 registry [DEV] scripts={n}",
                        "package is-number@7.0.0 registry scripts={n}",
                        "package is-odd@3.0.1 registry [DEV] scripts={n}"),
                // the copy of is-number inside the bundler tarball: its own key bundler/is-number, flagged bundled
                row("bundled", List.of("v0", "v1"),
                        "edge [.] -> bundler@ as bundler PROD",
                        "edge bundler@ -> is-number@7.0.0 as is-number PROD",
                        "importer . bundler=file:./bundler-1.0.0.tgz:PROD",
                        "package bundler@ file(./bundler-1.0.0.tgz) scripts={n} no-integrity",
                        "package is-number@7.0.0 registry [BUNDLED] scripts={n}"),
                row("bundled", List.of("v2"),
                        "edge [.] -> bundler@ as bundler PROD",
                        "edge bundler@ -> is-number@7.0.0 as is-number PROD",
                        "importer . bundler=file:./bundler-1.0.0.tgz:PROD",
                        "package bundler@ file(./bundler-1.0.0.tgz) scripts={n}",
                        "package is-number@7.0.0 registry [BUNDLED] scripts={n}"),
                row("install-script", ALL,
                        "edge [.] -> esbuild@0.24.2 as esbuild PROD",
                        "edge esbuild@0.24.2 -> @esbuild/linux-x64@0.24.2 as @esbuild/linux-x64 OPTIONAL",
                        "importer . esbuild=0.24.2:PROD",
                        "package @esbuild/linux-x64@0.24.2 registry [OPTIONAL] scripts={n} os=[linux] cpu=[x64]",
                        "package esbuild@0.24.2 registry scripts={y} bins=[esbuild]"));
    }

    private static Arguments row(String scenario, List<String> versions, String... lines) {
        return Arguments.of(scenario, versions, List.of(lines));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenarios")
    void readsEveryScenarioOfEveryVersion(String scenario, List<String> versions, List<String> expected) throws Exception {
        for (String version : versions) {
            Lockfile lockfile = read(scenario + "-" + version);
            List<String> lines = GraphText.lines(lockfile.graph()).stream()
                    .filter(l -> !l.contains("@esbuild/") || l.contains("@esbuild/linux-x64"))
                    .toList();
            boolean records = version.equals("v2");
            List<String> wanted = expected.stream()
                    .map(l -> l.replace("{n}", records ? "NO" : "UNKNOWN").replace("{y}", records ? "YES" : "UNKNOWN"))
                    .toList();
            assertThat(lines).as(scenario + "-" + version).containsExactlyElementsOf(wanted);
            assertThat(lockfile.formatVersion()).isEqualTo(version.substring(1));
        }
    }

    @Test
    void readsAllOfEsbuildsPlatformPackagesAsOptional_allVersions() throws Exception {
        for (String version : ALL) {
            List<PackageNode> platform = read("install-script-" + version).graph().packages().stream()
                    .filter(p -> p.name().startsWith("@esbuild/")).toList();
            assertThat(platform).hasSize(25).allMatch(p -> p.flags().equals(Set.of(PackageFlag.OPTIONAL)));
        }
    }

    static Stream<Arguments> onePackageNodes() {
        return Stream.of(
                Arguments.of("v0", 12, InstallScripts.UNKNOWN),
                Arguments.of("v1", 12, InstallScripts.UNKNOWN),
                Arguments.of("v2", 13, InstallScripts.NO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onePackageNodes")
    void readsTheWholeNodeWithKeyIntegrityAndLine_onePackage(String version, int line, InstallScripts scripts)
            throws Exception {
        assertThat(read("one-package-" + version).graph().packages()).containsExactly(new PackageNode(
                "is-number", "is-number", null, "7.0.0", new Source.Registry(null), null, IS_NUMBER_7, Set.of(),
                scripts, List.of(), List.of(), List.of(), new Location("bun.lock", line)));
    }

    @Test
    void resolvesFromTheMostSpecificNestedKeyUpwards() throws Exception {
        String lock = """
                {
                  "lockfileVersion": 1,
                  "workspaces": { "": { "name": "p", "dependencies": { "a": "1", "c": "1" } } },
                  "packages": {
                    "a": ["a@1.0.0", "", { "dependencies": { "b": "2", "c": "1" } }, "sha512-a"],
                    "a/b": ["b@2.0.0", "", { "dependencies": { "c": "2", "d": "1" } }, "sha512-b2"],
                    "a/b/c": ["c@2.0.0", "", {}, "sha512-c2"],
                    "b": ["b@1.0.0", "", {}, "sha512-b1"],
                    "c": ["c@1.0.0", "", { "peerDependencies": { "missing": "1" } }, "sha512-c1"],
                    "d": ["d@1.0.0", "", {}, "sha512-d"],
                  },
                }
                """;
        Lockfile lockfile = reader.read("bun.lock", utf8(lock));
        assertThat(lockfile.graph().edges()).extracting(e -> e.from() + " -> " + e.to() + " " + e.type()).containsExactly(
                ". -> a PROD",
                ". -> c PROD",
                "a -> a/b PROD",
                "a -> c PROD",
                "a/b -> a/b/c PROD",
                "a/b -> d PROD");
    }

    @Test
    void readsTheSameGraphWithByteOrderMarkAndCrlf() throws Exception {
        byte[] plain = Files.readAllBytes(fixture("workspaces-v2"));
        byte[] crlf = new String(plain, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[crlf.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(crlf, 0, withBom, 3, crlf.length);
        Lockfile expected = reader.read("bun.lock", new ByteArrayInputStream(plain));
        assertThat(reader.read("bun.lock", new ByteArrayInputStream(withBom))).isEqualTo(expected);
    }

    @Test
    void keepsTheLastOfDuplicateKeysAsBunDoes() throws Exception {
        String lock = """
                {
                  "lockfileVersion": 1,
                  "workspaces": { "": { "dependencies": { "a": "1", "a": "2" } } },
                  "packages": {
                    "a": ["a@1.0.0", "", {}, "sha512-first"],
                    "a": ["a@2.0.0", "", {}, "sha512-second"],
                  },
                }
                """;
        Lockfile lockfile = reader.read("bun.lock", utf8(lock));
        assertThat(GraphText.lines(lockfile.graph())).containsExactly(
                "edge [.] -> a@2.0.0 as a PROD",
                "importer . a=2:PROD",
                "package a@2.0.0 registry scripts=UNKNOWN");
        assertThat(lockfile.graph().packages().getFirst().location().line()).isEqualTo(6);
    }

    static Stream<Arguments> brokenInputs() throws IOException {
        return Stream.of(
                Arguments.of("not JSON (fixture)", Files.readString(fixture("not-json")), 1, "malformed JSON: "),
                Arguments.of("package not an array (fixture)", Files.readString(fixture("malformed")), 12,
                        "expected an array [\"name@version\", …] for package 'is-number'"),
                Arguments.of("unknown version (fixture)", Files.readString(fixture("unknown-version")), 2,
                        "unsupported bun.lock lockfileVersion 3; supported: 0, 1 and 2"),
                Arguments.of("no version", "{ \"packages\": {} }", 1,
                        "no lockfileVersion: not a bun.lock (expected version 0, 1 and 2)"),
                Arguments.of("empty file", "", 1, "expected a JSON object for bun.lock"),
                Arguments.of("version as text", "{\n  \"lockfileVersion\": \"1\"\n}", 2,
                        "expected a whole number for lockfileVersion"),
                Arguments.of("truncated", "{\n  \"lockfileVersion\": 1,\n  \"packages\": {\n    \"a\": [\"a@1.0.0\", \"\"", 4,
                        "malformed JSON: "),
                Arguments.of("two objects", "{ \"lockfileVersion\": 1 }\n{}", 2, "unexpected content after the bun.lock object"),
                Arguments.of("entry without name@version", "{\n\"lockfileVersion\": 1,\n\"packages\": {\n\"a\": [{}]\n}}", 4,
                        "expected \"name@version\" first in package 'a'"),
                Arguments.of("version without registry field", "{\n\"lockfileVersion\": 1,\n\"packages\": {\n\"a\": [\"a@1.0.0\", {}]\n}}", 4,
                        "package 'a' has a version but no registry field"),
                Arguments.of("dependencies not an object",
                        "{\n\"lockfileVersion\": 1,\n\"packages\": {\n\"a\": [\"a@1.0.0\", \"\", {\"dependencies\": []}]\n}}", 4,
                        "expected an object of name to version range for dependencies"),
                Arguments.of("workspace dependency not a string",
                        "{\n\"lockfileVersion\": 1,\n\"workspaces\": {\"\": {\"dependencies\": {\n\"a\": 1}}}}", 4,
                        "expected a version range for dependencies.a"),
                Arguments.of("package keyed like a workspace", "{\n\"lockfileVersion\": 1,\n\"workspaces\": {\"p/a\": {}},\n"
                        + "\"packages\": {\n\"p/a\": [\"a@1.0.0\", \"\", {}, \"sha512-a\"]\n}}", 5,
                        "package 'p/a' has the key of a workspace path"),
                Arguments.of("UTF-32-looking bytes", "\u0000\u0000\u0000{", 1, "malformed JSON: "),
                Arguments.of("deep nesting", "{\"lockfileVersion\": 1, \"packages\": {\"a\": [\"a@1.0.0\", \"\", "
                        + "[".repeat(1000) + "]".repeat(1000) + "]}}", 1, "malformed JSON: "),
                Arguments.of("key nested too deep", "{\"lockfileVersion\": 1, \"packages\": {\""
                        + "a/".repeat(100) + "a\": [\"a@1.0.0\", \"\", {}, \"sha512-a\"]}}", 1,
                        "package key '" + "a/".repeat(100) + "a' nests deeper than 64 packages"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInputs")
    void rejectsBrokenInputWithFileLineAndWhatWasExpected(String name, String content, int line, String problem) {
        assertThatThrownBy(() -> reader.read("bun.lock", utf8(content)))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location()).isEqualTo(new Location("bun.lock", line));
                    assertThat(e.problem()).startsWith(problem);
                });
    }

    @Test
    void tellsTheUserToWriteATextLockfileInsteadOfBunLockb() throws IOException {
        assertThat(reader.canRead("bun.lockb", "#!/usr/bin/env bun")).isTrue();
        try (InputStream in = Files.newInputStream(Fixtures.path("bun/binary-lockb/bun.lockb"))) {
            assertThatThrownBy(() -> reader.read("app/bun.lockb", in))
                    .isInstanceOfSatisfying(InputException.class, e -> {
                        assertThat(e.location()).isEqualTo(Location.of("app/bun.lockb"));
                        assertThat(e.problem()).isEqualTo("the binary bun.lockb is not supported: run "
                                + "`bun install --save-text-lockfile` to write bun.lock, and commit that instead");
                    });
        }
    }

    @Test
    void claimsBunLockAndBunLockbOnly() {
        assertThat(reader.canRead("bun.lock", "{")).isTrue();
        assertThat(reader.canRead("package-lock.json", "{")).isFalse();
        assertThat(LockfileReaders.find("bun.lock", "{")).containsInstanceOf(BunLockfileReader.class);
    }

    private Lockfile read(String dir) throws Exception {
        try (InputStream in = Files.newInputStream(fixture(dir))) {
            return reader.read("bun.lock", in);
        }
    }

    private static Path fixture(String dir) {
        return Fixtures.path("bun/" + dir + "/bun.lock");
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
