package dev.portcullis.lockfile;

import static dev.portcullis.lockfile.YarnTestFiles.expected;
import static dev.portcullis.lockfile.YarnTestFiles.lockfile;
import static dev.portcullis.lockfile.YarnTestFiles.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.LockfileFormat;
import dev.portcullis.model.PackageNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YarnBerryLockfileReaderTest {
    private static final String FORMAT = "yarn-berry";
    private static final String HEADER = "__metadata:\n  version: 8\n  cacheKey: 10c0\n\n";
    private final YarnBerryLockfileReader reader = new YarnBerryLockfileReader();

    static Stream<String> scenarios() {
        return Stream.of("empty", "one-package", "one-package-dev", "scoped-packages", "nested-dependencies",
                "peer-dependencies", "optional-package", "alias", "git-dep", "tarball-url", "file-dep", "workspaces",
                "install-script");
    }

    /**
     * Every scenario yarn 4.18.1 wrote reads to its hand-checked graph: workspaces as importers with their declared
     * dependencies, packages keyed by resolution, the fsevents built-in patch preferred over the package it wraps,
     * file:/link: bound to their dependent (::locator=), conditions as os/cpu, bins, optional edges from
     * dependenciesMeta, and no peer edges (the lockfile does not say which package satisfies a peer).
     */
    @ParameterizedTest(name = "reads {0} (yarn berry)")
    @MethodSource("scenarios")
    void readsScenario_yarnBerry(String scenario) throws Exception {
        Lockfile lockfile = read(lockfile(FORMAT, scenario));

        assertThat(lockfile.format()).isEqualTo(LockfileFormat.YARN_BERRY);
        assertThat(lockfile.formatVersion()).isEqualTo("10");
        assertThat(YarnGraphText.render(lockfile)).isEqualTo(expected(FORMAT, scenario));
    }

    @Test
    void keepsResolutionAndChecksumExactlyAsWritten_yarnBerry() throws Exception {
        PackageNode node = read(lockfile(FORMAT, "one-package")).graph().packages().getFirst();

        assertThat(node.resolved()).isEqualTo("is-number@npm:7.0.0");
        assertThat(node.integrity()).isEqualTo("10c0/b4686d0d3053146095ccd45346461bc8e53b80aeb7671cc52a4de02dbbf7dc0d1d2a986e2fe4ae206984b4d34ef37e8b795ebc4f4295c978373e6575e295d811");
    }

    @Test
    void readsTheSameGraphWithBomAndCrlf_yarnBerry() throws Exception {
        byte[] plain = lockfile(FORMAT, "workspaces");

        assertThat(YarnGraphText.render(read(YarnTestFiles.withBomAndCrlf(plain))))
                .isEqualTo(YarnGraphText.render(read(plain)));
    }

    static Stream<Arguments> handWritten() {
        return Stream.of(
                Arguments.of("repeated keys keep the last value", HEADER + """
                        "a@npm:^1.0.0":
                          version: 1.0.0
                          resolution: "a@npm:1.0.0"
                          dependencies:
                            b: "npm:^2.0.0"
                            b: "npm:2.1.0"

                        "b@npm:2.1.0":
                          version: 2.1.0
                          resolution: "b@npm:2.1.0"

                        "a@npm:^1.0.0":
                          version: 1.0.1
                          resolution: "a@npm:1.0.1"
                          dependencies:
                            b: "npm:2.1.0"
                        """, """
                        edge a@npm:1.0.1 -> b@npm:2.1.0 (b npm:2.1.0 PROD)
                        importer . name=null declared=null
                        package a@npm:1.0.1 = a@1.0.1 registry(default) scripts=UNKNOWN line=16
                        package b@npm:2.1.0 = b@2.1.0 registry(default) scripts=UNKNOWN line=12
                        """),
                Arguments.of("a user patch keeps its own descriptor; the patched package's source is its inner one", HEADER + """
                        "lodash@npm:4.17.21":
                          version: 4.17.21
                          resolution: "lodash@npm:4.17.21"

                        "lodash@patch:lodash@npm%3A4.17.21#~/.yarn/patches/lodash.patch":
                          version: 4.17.21
                          resolution: "lodash@patch:lodash@npm%3A4.17.21#~/.yarn/patches/lodash.patch::version=4.17.21&hash=abc"

                        "root@workspace:.":
                          version: 0.0.0-use.local
                          resolution: "root@workspace:."
                          dependencies:
                            lodash: "patch:lodash@npm%3A4.17.21#~/.yarn/patches/lodash.patch"
                            other: "npm:^9.0.0"
                          languageName: unknown
                          linkType: soft
                        """, """
                        edge . -> lodash@patch:lodash@npm%3A4.17.21#~/.yarn/patches/lodash.patch::version=4.17.21&hash=abc (lodash patch:lodash@npm%3A4.17.21#~/.yarn/patches/lodash.patch PROD)
                        importer . name=root declared=[lodash@patch:lodash@npm%3A4.17.21#~/.yarn/patches/lodash.patch:PROD:17,other@npm:^9.0.0:PROD:18]
                        package lodash@npm:4.17.21 = lodash@4.17.21 registry(default) scripts=UNKNOWN line=5
                        package lodash@patch:lodash@npm%3A4.17.21#~/.yarn/patches/lodash.patch::version=4.17.21&hash=abc = lodash@4.17.21 registry(default) scripts=UNKNOWN line=9
                        """),
                Arguments.of("metadata version 4 (yarn 2), portal: and exec: sources, a peer kept as declared", """
                        __metadata:
                          version: 4
                          cacheKey: 7

                        "p@portal:../p::locator=root%40workspace%3A.":
                          version: 0.0.0-use.local
                          resolution: "p@portal:../p::locator=root%40workspace%3A."
                          peerDependencies:
                            react: "*"

                        "g@exec:./gen.js::locator=root%40workspace%3A.":
                          version: 1.0.0
                          resolution: "g@exec:./gen.js#./gen.js::hash=1&locator=root%40workspace%3A."

                        "root@workspace:.":
                          version: 0.0.0-use.local
                          resolution: "root@workspace:."
                          dependencies:
                            p: "portal:../p"
                            g: "exec:./gen.js"
                        """, """
                        edge . -> g@exec:./gen.js#./gen.js::hash=1&locator=root%40workspace%3A. (g exec:./gen.js PROD)
                        edge . -> p@portal:../p::locator=root%40workspace%3A. (p portal:../p PROD)
                        importer . name=root declared=[p@portal:../p:PROD:19,g@exec:./gen.js:PROD:20]
                        package g@exec:./gen.js#./gen.js::hash=1&locator=root%40workspace%3A. = g@1.0.0 file(./gen.js) scripts=UNKNOWN line=11
                        package p@portal:../p::locator=root%40workspace%3A. = p@0.0.0-use.local link(../p) scripts=UNKNOWN line=5
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handWritten")
    void readsHandWrittenCases_yarnBerry(String name, String text, String expected) throws Exception {
        assertThat(YarnGraphText.render(reader.read("yarn.lock", stream(text)))).isEqualTo(expected);
    }

    static Stream<Arguments> brokenInputs() {
        return Stream.of(
                Arguments.of("malformed fixture: unterminated quoted string",
                        new String(lockfile(FORMAT, "malformed"), StandardCharsets.UTF_8),
                        "yarn.lock:12: malformed YAML: while scanning a quoted scalar, found unexpected end of stream"),
                Arguments.of("version beyond the supported ones", "__metadata:\n  version: 11\n  cacheKey: 12c0\n",
                        "yarn.lock:2: unsupported yarn berry lockfile version '11'; supported: 4 to 10"),
                Arguments.of("version that is not a number", "__metadata:\n  version: eight\n",
                        "yarn.lock:2: unsupported yarn berry lockfile version 'eight'; supported: 4 to 10"),
                Arguments.of("metadata without version", "__metadata:\n  cacheKey: 8\n",
                        "yarn.lock:1: __metadata without a version; expected version: N"),
                Arguments.of("no metadata", "\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n",
                        "yarn.lock:1: no __metadata.version; expected a yarn berry lockfile"),
                Arguments.of("entry without resolution", HEADER + "\"a@npm:1\":\n  version: 1.0.0\n",
                        "yarn.lock:5: entry 'a@npm:1' has no resolution; expected resolution: \"name@reference\""),
                Arguments.of("entry that is a string", HEADER + "\"a@npm:1\": nope\n",
                        "yarn.lock:5: entry 'a@npm:1' is not a mapping; expected its fields"),
                Arguments.of("top-level list", "- a\n- b\n",
                        "yarn.lock:1: malformed yarn.lock: found a list at the top level; expected a mapping of descriptors to entries"),
                Arguments.of("two documents", HEADER + "---\na: b\n",
                        "yarn.lock:5: malformed yarn.lock: found a second YAML document; expected one lockfile document"),
                Arguments.of("alias", HEADER + "\"a@npm:1\": &x\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n\"b@npm:1\": *x\n",
                        "yarn.lock:8: malformed yarn.lock: found a YAML alias; expected plain values (yarn writes no anchors)"),
                Arguments.of("dependencies as a list", HEADER + "\"a@npm:1\":\n  resolution: \"a@npm:1.0.0\"\n  dependencies:\n    - b\n",
                        "yarn.lock:7: dependencies is not a mapping; expected name: range lines"),
                Arguments.of("dependency as a mapping", HEADER + "\"a@npm:1\":\n  resolution: \"a@npm:1.0.0\"\n  dependencies:\n    b:\n      c: d\n",
                        "yarn.lock:8: dependencies.b is not a string; expected name: range"),
                Arguments.of("resolution without a name", HEADER + "\"a@npm:1\":\n  resolution: \"nothing\"\n",
                        "yarn.lock:5: resolution 'nothing'; expected name@reference"),
                Arguments.of("unknown protocol", HEADER + "\"a@foo:1\":\n  version: 1.0.0\n  resolution: \"a@foo:1\"\n",
                        "yarn.lock:5: resolution reference 'foo:1'; expected npm:, patch:, file:, link:, portal:, exec:, a git URL or an http(s) tarball URL"),
                Arguments.of("two workspaces at one path", HEADER
                                + "\"a@workspace:.\":\n  resolution: \"a@workspace:.\"\n\"b@workspace:.\":\n  resolution: \"b@workspace:.\"\n",
                        "yarn.lock: inconsistent yarn.lock: duplicate importer ."),
                Arguments.of("nesting too deep", HEADER + "\"a@npm:1\":\n  resolution: \"a@npm:1.0.0\"\n  x: " + "[".repeat(40) + "]".repeat(40) + "\n",
                        "yarn.lock:7: malformed yarn.lock: found a list in a list; expected plain values"),
                Arguments.of("mappings nested too deep", HEADER + "\"a@npm:1\":\n  resolution: \"a@npm:1.0.0\"\n  x: " + "{a: ".repeat(40) + "b" + "}".repeat(40) + "\n",
                        "yarn.lock:7: malformed yarn.lock: found values nested more than 16 deep; expected a yarn.lock entry"));
    }

    /** Broken input fails with the file, the line and what was expected — never another exception. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInputs")
    void rejectsBrokenInputWithLineAndExpectation_yarnBerry(String name, String text, String message) {
        assertThatThrownBy(() -> reader.read("yarn.lock", stream(text)))
                .isInstanceOf(InputException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> heads() {
        String classic = "# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\n";
        String berry = "# This file is generated by running \"yarn install\" inside your project.\n\n__metadata:\n  version: 8\n";
        return Stream.of(
                Arguments.of("yarn.lock", classic, LockfileFormat.YARN_CLASSIC),
                Arguments.of("yarn.lock", berry, LockfileFormat.YARN_BERRY),
                Arguments.of("yarn.lock", "", LockfileFormat.YARN_CLASSIC),
                Arguments.of("package-lock.json", berry, null),
                Arguments.of("pnpm-lock.yaml", classic, null));
    }

    /** The head tells the two yarn formats apart: berry's __metadata: line, else classic. */
    @ParameterizedTest(name = "{0} with head {index} is {2}")
    @MethodSource("heads")
    void tellsClassicFromBerryByTheHead(String fileName, String head, LockfileFormat expected) {
        LockfileFormat found = new YarnBerryLockfileReader().canRead(fileName, head) ? LockfileFormat.YARN_BERRY
                : new YarnClassicLockfileReader().canRead(fileName, head) ? LockfileFormat.YARN_CLASSIC : null;

        assertThat(found).isEqualTo(expected);
        assertThat(new YarnBerryLockfileReader().canRead(fileName, head)
                && new YarnClassicLockfileReader().canRead(fileName, head)).isFalse();
    }

    /**
     * yarn berry writes devDependencies among a workspace's dependencies: with the project's package.json files a
     * package only devDependencies bring in is dev, as npm, pnpm and bun lockfiles classify it; a prod one is not.
     */
    @ParameterizedTest(name = "{0}: {1} dev-only {2}")
    @org.junit.jupiter.params.provider.CsvSource({"one-package-dev, is-number, true", "one-package, is-number, false",
            "workspaces, is-number@7, true", "workspaces, is-number@6, false", "workspaces, is-odd, false"})
    void classifiesDevOnlyPackagesFromPackageJson_yarnBerry(String scenario, String name, boolean devOnly)
            throws Exception {
        java.nio.file.Path dir = dev.portcullis.testkit.Fixtures.path("yarn-berry/" + scenario);
        ManifestReader manifests = new ManifestReader();
        dev.portcullis.model.Manifest root;
        try (var in = java.nio.file.Files.newInputStream(dir.resolve("package.json"))) {
            root = manifests.read("package.json", in);
        }
        java.util.Map<String, dev.portcullis.model.Manifest> workspaces = new java.util.TreeMap<>();
        for (String ws : java.util.List.of("packages/a", "packages/b")) {
            if (java.nio.file.Files.isRegularFile(dir.resolve(ws).resolve("package.json"))) {
                try (var in = java.nio.file.Files.newInputStream(dir.resolve(ws).resolve("package.json"))) {
                    workspaces.put(ws, manifests.read(ws + "/package.json", in));
                }
            }
        }
        Lockfile lockfile;
        try (var in = java.nio.file.Files.newInputStream(dir.resolve("yarn.lock"))) {
            lockfile = reader.read("yarn.lock", in, root, workspaces);
        }
        assertThat(lockfile.graph().packages()).filteredOn(n -> n.id().startsWith(name + (name.contains("@") ? "" : "@"))).isNotEmpty()
                .allSatisfy(n -> {
                    assertThat(n.flags().contains(dev.portcullis.model.PackageFlag.DEV)).isEqualTo(devOnly);
                    assertThat(dev.portcullis.model.GraphPaths.of(lockfile.graph()).isDev(n.key())).isEqualTo(devOnly);
                });
    }

    private Lockfile read(byte[] bytes) throws InputException, IOException {
        return reader.read("yarn.lock", new ByteArrayInputStream(bytes));
    }
}
