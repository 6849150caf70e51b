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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every pnpm fixture (written by pnpm 7, 8, 9 and 10) read into the graph and compared, whole, with the
 * graph written out here by hand: packages as {@code name@version source [flags] scripts=…}, edges between
 * those ids. In the tables {@code {n}} stands for what a package without install scripts reads as (NO where
 * the format records requiresBuild, 5.x/6.x; UNKNOWN in 9.x) and {@code {y}} for one with them.
 */
class PnpmLockfileReaderTest {
    private static final String IS_NUMBER_7 = "sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==";
    private static final List<String> ALL = List.of("v5", "v6", "v9", "v9-pnpm10");
    private static final List<String> SINCE_V6 = List.of("v6", "v9", "v9-pnpm10");
    private static final List<String> V9 = List.of("v9", "v9-pnpm10");

    private final PnpmLockfileReader reader = new PnpmLockfileReader();

    static Stream<Arguments> scenarios() {
        return Stream.of(
                row("empty", SINCE_V6, "importer ."),
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
                        "package loose-envify@1.4.0 registry scripts={n}",
                        "package react@18.3.1 registry scripts={n}",
                        "package use-sync-external-store@1.2.0 registry scripts={n}"),
                row("optional-package", ALL,
                        "edge [.] -> fsevents@2.3.3 as fsevents OPTIONAL",
                        "edge [.] -> is-number@7.0.0 as is-number PROD",
                        "importer . is-number=7.0.0:PROD fsevents=2.3.3:OPTIONAL",
                        // requiresBuild: true on a platform package pnpm skipped means "could not look"
                        "package fsevents@2.3.3 registry [OPTIONAL] scripts=UNKNOWN os=[darwin]",
                        "package is-number@7.0.0 registry scripts={n}"),
                row("alias", ALL,
                        "edge [.] -> is-number@7.0.0 as is-num PROD",
                        "importer . is-num=npm:is-number@7.0.0:PROD",
                        "package is-number@7.0.0 alias is-num registry scripts={n}"),
                // pnpm 8.15.9 cannot lock git+file: at all; pnpm 7 records neither name nor version of a git package
                row("git-dep", List.of("v5"),
                        "edge [.] -> local-git-pkg@ as local-git-pkg PROD",
                        "edge local-git-pkg@ -> is-number@7.0.0 as is-number PROD",
                        "importer . local-git-pkg=git+file:///fixtures/repo.git:PROD",
                        "package is-number@7.0.0 registry scripts={n}",
                        "package local-git-pkg@ git(file:///fixtures/repo.git#5d3525b142cab789a99a45faac6275851fea073f)"
                                + " scripts={n} no-integrity"),
                row("git-dep", V9,
                        "edge [.] -> local-git-pkg@1.0.0 as local-git-pkg PROD",
                        "edge local-git-pkg@1.0.0 -> is-number@7.0.0 as is-number PROD",
                        "importer . local-git-pkg=git+file:///fixtures/repo.git:PROD",
                        "package is-number@7.0.0 registry scripts={n}",
                        "package local-git-pkg@1.0.0 git(file:///fixtures/repo.git#5d3525b142cab789a99a45faac6275851fea073f)"
                                + " scripts={n} no-integrity"),
                // pnpm recognises a registry tarball URL and locks it as the registry package it is
                row("tarball-url", ALL,
                        "edge [.] -> is-number@7.0.0 as is-number PROD",
                        "importer . is-number=https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz:PROD",
                        "package is-number@7.0.0 registry scripts={n}"),
                // only pnpm 7 copies the directory's version into the lockfile; link: has no entry, so no version
                row("file-dep", List.of("v5"),
                        "edge [.] -> local-a@1.0.0 as local-a PROD",
                        "edge [.] -> local-b@ as local-b PROD",
                        "edge local-a@1.0.0 -> is-number@7.0.0 as is-number PROD",
                        "importer . local-a=file:./local-a:PROD local-b=link:./local-b:PROD",
                        "package is-number@7.0.0 registry scripts={n}",
                        "package local-a@1.0.0 file(local-a) scripts={n} no-integrity",
                        "package local-b@ link(local-b) scripts=UNKNOWN no-integrity"),
                row("file-dep", SINCE_V6,
                        "edge [.] -> local-a@ as local-a PROD",
                        "edge [.] -> local-b@ as local-b PROD",
                        "edge local-a@ -> is-number@7.0.0 as is-number PROD",
                        "importer . local-a=file:./local-a:PROD local-b=link:./local-b:PROD",
                        "package is-number@7.0.0 registry scripts={n}",
                        "package local-a@ file(local-a) scripts={n} no-integrity",
                        "package local-b@ link(local-b) scripts=UNKNOWN no-integrity"),
                row("workspaces", ALL,
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
                // pnpm lists bundled packages by name on their parent only: there is no instance to flag BUNDLED
                row("bundled", ALL,
                        "edge [.] -> bundler@1.0.0 as bundler PROD",
                        "importer . bundler=file:./bundler-1.0.0.tgz:PROD",
                        "package bundler@1.0.0 file(bundler-1.0.0.tgz) scripts={n}"),
                // of esbuild's 25 platform packages only linux-x64 is written out; the test counts the others
                row("install-script", ALL,
                        "edge [.] -> esbuild@0.24.2 as esbuild PROD",
                        "edge esbuild@0.24.2 -> @esbuild/linux-x64@0.24.2 as @esbuild/linux-x64 OPTIONAL",
                        "importer . esbuild=0.24.2:PROD",
                        "package @esbuild/linux-x64@0.24.2 registry [OPTIONAL] scripts=UNKNOWN os=[linux] cpu=[x64]",
                        "package esbuild@0.24.2 registry scripts={y}"));
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
            boolean v9 = version.startsWith("v9");
            List<String> wanted = expected.stream()
                    .map(l -> l.replace("{n}", v9 ? "UNKNOWN" : "NO").replace("{y}", v9 ? "UNKNOWN" : "YES"))
                    .toList();
            assertThat(lines).as(scenario + "-" + version).containsExactlyElementsOf(wanted);
            assertThat(lockfile.formatVersion()).isEqualTo(switch (version) {
                case "v5" -> "5.4";
                case "v6" -> "6.0";
                default -> "9.0";
            });
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
                Arguments.of("v5", "/is-number/7.0.0", 11, InstallScripts.NO),
                Arguments.of("v6", "/is-number@7.0.0", 14, InstallScripts.NO),
                Arguments.of("v9", "is-number@7.0.0", 17, InstallScripts.UNKNOWN),
                Arguments.of("v9-pnpm10", "is-number@7.0.0", 17, InstallScripts.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onePackageNodes")
    void readsTheWholeNodeWithKeyIntegrityAndLine_onePackage(String version, String key, int line,
                                                             InstallScripts scripts) throws Exception {
        assertThat(read("one-package-" + version).graph().packages()).containsExactly(new PackageNode(
                key, "is-number", null, "7.0.0", new Source.Registry(null), null, IS_NUMBER_7, Set.of(), scripts,
                List.of(), List.of(), List.of(), new Location("pnpm-lock.yaml", line)));
    }

    @Test
    void keysPeerVariantsAsPnpmDoes_v5v6v9() throws Exception {
        assertThat(read("peer-dependencies-v5").graph().packagesByKey()).containsKey("/use-sync-external-store/1.2.0_react@18.3.1");
        assertThat(read("peer-dependencies-v6").graph().packagesByKey()).containsKey("/use-sync-external-store@1.2.0(react@18.3.1)");
        assertThat(read("peer-dependencies-v9").graph().packagesByKey()).containsKey("use-sync-external-store@1.2.0(react@18.3.1)");
    }

    @Test
    void makesOneNodePerPeerVariantOfOneSnapshot_v9() throws Exception {
        String lock = """
                lockfileVersion: '9.0'
                importers:
                  .:
                    dependencies:
                      react:
                        specifier: ^18.0.0
                        version: 18.3.1
                      old-react:
                        specifier: npm:react@17.0.2
                        version: react@17.0.2
                      a:
                        specifier: 1.0.0
                        version: 1.0.0(react@18.3.1)
                      b:
                        specifier: 1.0.0
                        version: 1.0.0
                packages:
                  a@1.0.0:
                    resolution: {integrity: sha512-a}
                    peerDependencies:
                      react: '*'
                  b@1.0.0:
                    resolution: {integrity: sha512-b}
                  react@17.0.2:
                    resolution: {integrity: sha512-r17}
                  react@18.3.1:
                    resolution: {integrity: sha512-r18}
                snapshots:
                  a@1.0.0(react@17.0.2):
                    dependencies:
                      react: 17.0.2
                  a@1.0.0(react@18.3.1):
                    dependencies:
                      react: 18.3.1
                  b@1.0.0:
                    dependencies:
                      a: 1.0.0(react@17.0.2)
                  react@17.0.2: {}
                  react@18.3.1: {}
                """;
        Lockfile lockfile = reader.read("pnpm-lock.yaml", utf8(lock));
        assertThat(lockfile.graph().edges()).extracting(e -> e.from() + " -> " + e.to() + " " + e.type()).containsExactly(
                ". -> react@18.3.1 PROD",
                ". -> react@17.0.2 PROD",
                ". -> a@1.0.0(react@18.3.1) PROD",
                ". -> b@1.0.0 PROD",
                "a@1.0.0(react@17.0.2) -> react@17.0.2 PEER",
                "a@1.0.0(react@18.3.1) -> react@18.3.1 PEER",
                "b@1.0.0 -> a@1.0.0(react@17.0.2) PROD");
        assertThat(lockfile.graph().packagesByKey().get("a@1.0.0(react@17.0.2)").location().line()).isEqualTo(18);
        // required as old-react by the project and as react by a: no single alias to give it
        assertThat(lockfile.graph().packagesByKey().get("react@17.0.2").alias()).isNull();
    }

    @Test
    void skipsDependenciesTheLockfileDoesNotResolve() throws Exception {
        String lock = """
                lockfileVersion: '6.0'
                dependencies:
                  a:
                    specifier: ^1.0.0
                    version: 1.0.0
                packages:
                  /a@1.0.0:
                    resolution: {integrity: sha512-a}
                    dependencies:
                      missing: 2.0.0
                    optionalDependencies:
                      fsevents: 2.3.3
                    dev: false
                """;
        Lockfile lockfile = reader.read("pnpm-lock.yaml", utf8(lock));
        assertThat(GraphText.lines(lockfile.graph())).containsExactly(
                "edge [.] -> a@1.0.0 as a PROD",
                "importer . a=^1.0.0:PROD",
                "package a@1.0.0 registry scripts=NO");
    }

    @Test
    void readsTheLastDocumentWhenPnpm10WritesItsEnvLockfileFirst() throws Exception {
        String lock = """
                ---
                lockfileVersion: '9.0'
                importers:
                  .:
                    configDependencies: {}
                packageManagerDependencies:
                  pnpm:
                    specifier: 10.0.0
                    version: 10.0.0
                ---
                lockfileVersion: '9.0'
                importers:
                  .:
                    dependencies:
                      a:
                        specifier: 1.0.0
                        version: 1.0.0
                packages:
                  a@1.0.0:
                    resolution: {integrity: sha512-a}
                snapshots:
                  a@1.0.0: {}
                """;
        assertThat(GraphText.lines(reader.read("pnpm-lock.yaml", utf8(lock)).graph())).containsExactly(
                "edge [.] -> a@1.0.0 as a PROD",
                "importer . a=1.0.0:PROD",
                "package a@1.0.0 registry scripts=UNKNOWN");
    }

    @Test
    void ignoresSectionsThatDoNotShapeTheGraph_overridesTimeCatalogsPatches() throws Exception {
        String lock = """
                lockfileVersion: '9.0'
                settings:
                  autoInstallPeers: true
                catalogs:
                  default:
                    a:
                      specifier: ^1.0.0
                      version: 1.0.0
                overrides:
                  a: 1.0.0
                  b@<2: '-'
                patchedDependencies:
                  a@1.0.0:
                    hash: abc
                    path: patches/a@1.0.0.patch
                time:
                  /a@1.0.0: '2024-01-01T00:00:00.000Z'
                importers:
                  .:
                    dependencies:
                      a:
                        specifier: 'catalog:'
                        version: 1.0.0
                packages:
                  a@1.0.0:
                    resolution: {integrity: sha512-a}
                snapshots:
                  a@1.0.0: {}
                """;
        assertThat(GraphText.lines(reader.read("pnpm-lock.yaml", utf8(lock)).graph())).containsExactly(
                "edge [.] -> a@1.0.0 as a PROD",
                "importer . a=catalog::PROD",
                "package a@1.0.0 registry scripts=UNKNOWN");
    }

    @Test
    void readsTheSameGraphWithByteOrderMarkAndCrlf_v9() throws Exception {
        byte[] plain = Files.readAllBytes(fixture("workspaces-v9"));
        String crlf = new String(plain, StandardCharsets.UTF_8).replace("\n", "\r\n");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] withBom = new byte[bom.length + crlf.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(crlf.getBytes(StandardCharsets.UTF_8), 0, withBom, 3, withBom.length - 3);
        Lockfile expected = reader.read("pnpm-lock.yaml", new ByteArrayInputStream(plain));
        assertThat(reader.read("pnpm-lock.yaml", new ByteArrayInputStream(withBom))).isEqualTo(expected);
    }

    @Test
    void keepsTheLastOfDuplicateKeysAsPnpmDoes() throws Exception {
        String lock = """
                lockfileVersion: '9.0'
                importers:
                  .:
                    dependencies:
                      a:
                        specifier: 1.0.0
                        version: 1.0.0
                packages:
                  a@1.0.0:
                    resolution: {integrity: sha512-first}
                  a@1.0.0:
                    resolution: {integrity: sha512-second}
                snapshots:
                  a@1.0.0: {}
                """;
        PackageNode a = reader.read("pnpm-lock.yaml", utf8(lock)).graph().packages().getFirst();
        assertThat(a.integrity()).isEqualTo("sha512-second");
        assertThat(a.location().line()).isEqualTo(11);
    }

    static Stream<Arguments> brokenInputs() throws IOException {
        return Stream.of(
                Arguments.of("malformed (fixture)", Files.readString(fixture("malformed")), 15,
                        "malformed YAML: "),
                Arguments.of("unknown version (fixture)", Files.readString(fixture("unknown-version")), 1,
                        "unsupported pnpm lockfileVersion '7.0'; supported: 5.x (pnpm 5-7), 6.x (pnpm 8), 9.x (pnpm 9-10)"),
                Arguments.of("no version", "importers:\n  .: {}\n", 1,
                        "no lockfileVersion: not a pnpm lockfile (expected 5.x (pnpm 5-7), 6.x (pnpm 8), 9.x (pnpm 9-10))"),
                Arguments.of("empty file", "", 1,
                        "no lockfileVersion: not a pnpm lockfile (expected 5.x (pnpm 5-7), 6.x (pnpm 8), 9.x (pnpm 9-10))"),
                Arguments.of("not a mapping", "just some text\n", 1,
                        "expected a mapping with lockfileVersion at the top of pnpm-lock.yaml, found the scalar 'just some text'"),
                Arguments.of("version as a list", "lockfileVersion: [9]\n", 1, "expected a version for lockfileVersion"),
                Arguments.of("alias", "lockfileVersion: '9.0'\nsettings: &s\n  a: 1\nother: *s\n", 4,
                        "YAML aliases are not expected in a pnpm lockfile"),
                Arguments.of("complex key", "lockfileVersion: '9.0'\n? [a, b]\n: c\n", 2,
                        "expected a plain mapping key, found a list"),
                Arguments.of("dependencies as a list", "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      - a\n", 4,
                        "expected a mapping for 'dependencies'"),
                Arguments.of("package as a scalar", "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: yes\n", 3,
                        "expected a mapping for packages entry 'a@1.0.0'"),
                Arguments.of("snapshot without package", "lockfileVersion: '9.0'\nsnapshots:\n  a@1.0.0: {}\n", 3,
                        "snapshot 'a@1.0.0' has no entry under packages:"),
                Arguments.of("importer dependency without version",
                        "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: 1.0.0\n", 5,
                        "expected a version for dependencies.a"),
                Arguments.of("package keyed like an importer",
                        "lockfileVersion: '9.0'\nimporters:\n  .: {}\n  packages/a: {}\npackages:\n  packages/a: {}\n", 6,
                        "package 'packages/a' has the key of an importer"),
                Arguments.of("deep nesting", "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    x: " + "[".repeat(200)
                        + "]".repeat(200) + "\n", 4, "nesting deeper than 64 levels"),
                Arguments.of("deep nesting in a skipped section", "lockfileVersion: '9.0'\nsettings: " + "[".repeat(200)
                        + "]".repeat(200) + "\n", 2, "nesting deeper than 64 levels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInputs")
    void rejectsBrokenInputWithFileLineAndWhatWasExpected(String name, String content, int line, String problem) {
        assertThatThrownBy(() -> reader.read("pnpm-lock.yaml", utf8(content)))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.location()).isEqualTo(new Location("pnpm-lock.yaml", line));
                    assertThat(e.problem()).startsWith(problem);
                });
    }

    @Test
    void claimsOnlyPnpmLockYaml() {
        assertThat(reader.canRead("pnpm-lock.yaml", "lockfileVersion: '9.0'")).isTrue();
        assertThat(reader.canRead("package-lock.json", "{")).isFalse();
        assertThat(reader.canRead("pnpm-workspace.yaml", "packages:")).isFalse();
        assertThat(LockfileReaders.find("pnpm-lock.yaml", "")).containsInstanceOf(PnpmLockfileReader.class);
    }

    private Lockfile read(String dir) throws Exception {
        try (InputStream in = Files.newInputStream(fixture(dir))) {
            return reader.read("pnpm-lock.yaml", in);
        }
    }

    private static Path fixture(String dir) {
        return Fixtures.path("pnpm/" + dir + "/pnpm-lock.yaml");
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
