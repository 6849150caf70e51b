package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Severity;
import dev.portcullis.report.VerifyReport;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import dev.portcullis.testkit.PublishedPackages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code verify} on node_modules trees installed by the real clients (fixtures/installed: npm 11.19.1, pnpm 10.34.9,
 * yarn 1.22.22, yarn 4.18.1 with the node-modules linker, bun 1.4.5), against the real tarballs of the registry
 * served on 127.0.0.1; then the same trees tampered with.
 */
class VerifyTreeTest {
    static final List<String> CLIENTS = List.of("npm", "pnpm", "yarn-classic", "yarn-berry", "bun");
    @TempDir
    Path work;
    private FakeRegistry registry;

    @BeforeEach
    void setUp() throws IOException {
        PublishedPackages published = new PublishedPackages(Files.createDirectories(work.resolve("registry")));
        Path tarballs = Fixtures.path("installed/registry/tarballs");
        published.publish("is-number", "7.0.0", Files.readAllBytes(tarballs.resolve("is-number-7.0.0.tgz")));
        published.publish("isexe", "2.0.0", Files.readAllBytes(tarballs.resolve("isexe-2.0.0.tgz")));
        published.publish("isexe", "3.1.1", Files.readAllBytes(tarballs.resolve("isexe-3.1.1.tgz")));
        published.publish("which", "2.0.2", Files.readAllBytes(tarballs.resolve("which-2.0.2.tgz")));
        published.publish("@types/ms", "0.7.34", Files.readAllBytes(tarballs.resolve("types-ms-0.7.34.tgz")));
        registry = FakeRegistry.start(published.dir());
    }

    @AfterEach
    void tearDown() {
        registry.close();
    }

    private Path project(String client) throws IOException {
        return Fixtures.copy("installed/" + client, work.resolve(client));
    }

    private VerifyReport verify(Path project) throws Exception {
        return VerifyRuns.verify(work, registry, project, new VerifyOptions(true, false, false, null, null, null, false,
                null, false, false, 2));
    }

    private static List<String> findings(VerifyReport report) {
        return report.result().findings().stream().map(f -> f.rule().id() + " " + f.location().file()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm", "pnpm", "yarn-classic", "yarn-berry", "bun"})
    void aFreshInstallOfEveryClientVerifies(String client) throws Exception {
        VerifyReport report = verify(project(client));
        assertThat(findings(report)).isEmpty();
        assertThat(report.unchecked()).isEmpty();
        assertThat(report.counts().installed()).isEqualTo(5);
        assertThat(report.counts().filesCompared()).isEqualTo(5);
        assertThat(report.passedGate()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm", "pnpm", "yarn-classic", "yarn-berry", "bun"})
    void tamperedFilesAreFoundFileByFile(String client) throws Exception {
        Path project = project(client);
        Path isNumber = packageDir(project, client, "is-number", "7.0.0");
        Files.writeString(isNumber.resolve("index.js"), "\nrequire('child_process').exec('curl evil');\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(isNumber.resolve("postinstall.js"), "steal()\n");
        Files.delete(isNumber.resolve("README.md"));
        String rel = project.relativize(isNumber).toString().replace('\\', '/');
        assertThat(findings(verify(project))).containsExactlyInAnyOrder(
                "verify/modified-file " + rel + "/index.js",
                "verify/extra-file " + rel + "/postinstall.js",
                "verify/missing-file " + rel + "/README.md");
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm", "pnpm", "yarn-classic", "yarn-berry", "bun"})
    void packagesMissingUnexpectedOrAtAnotherVersionAreFound(String client) throws Exception {
        Path project = project(client);
        deleteTree(packageDir(project, client, "@types/ms", "0.7.34"));
        Path planted = Files.createDirectories(project.resolve("node_modules/left-pad"));
        Files.writeString(planted.resolve("package.json"), "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}");
        Path isNumber = packageDir(project, client, "is-number", "7.0.0");
        Path manifest = isNumber.resolve("package.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"version\": \"7.0.0\"",
                "\"version\": \"7.0.1\""));
        VerifyReport report = verify(project);
        String rel = project.relativize(isNumber).toString().replace('\\', '/');
        assertThat(report.result().findings()).extracting(f -> f.rule().id()).containsExactlyInAnyOrder(
                "verify/missing-package", "verify/unexpected-package", "verify/version-mismatch");
        assertThat(findings(report)).contains("verify/unexpected-package node_modules/left-pad",
                "verify/version-mismatch " + rel);
        Finding missing = report.result().findings().stream()
                .filter(f -> f.rule().id().equals("verify/missing-package")).findFirst().orElseThrow();
        assertThat(missing.packageName()).isEqualTo("@types/ms");
        assertThat(missing.severity()).isEqualTo(Severity.HIGH);
        assertThat(report.passedGate()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm", "pnpm", "yarn-classic", "yarn-berry", "bun"})
    void anInstallWithoutDevDependenciesVerifiesWithOmitDev(String client) throws Exception {
        Path project = project(client);
        deleteTree(packageDir(project, client, "@types/ms", "0.7.34"));
        assertThat(findings(verify(project))).singleElement().asString().startsWith("verify/missing-package");
        VerifyReport omitted = VerifyRuns.verify(work, registry, project, new VerifyOptions(true, false, false, null,
                null, null, false, null, false, true, 2));
        assertThat(findings(omitted)).isEmpty();
    }

    @Test
    void installerRewritesOfPackageJsonAndBinLineEndingsAreNotReported() throws Exception {
        Path project = project("npm");
        Path which = project.resolve("node_modules/which");
        Path manifest = which.resolve("package.json");
        // npm 6 wrote its bookkeeping into installed manifests
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\\{",
                "{\"_from\": \"which@2.0.2\", \"_resolved\": \"https://registry.npmjs.org/which/-/which-2.0.2.tgz\","));
        Path bin = which.resolve("bin/node-which");
        Files.writeString(bin, Files.readString(bin).replace("\n", "\r\n"));
        assertThat(findings(verify(project))).isEmpty();
        Files.writeString(which.resolve("which.js"), Files.readString(which.resolve("which.js")).replace("\n",
                "\r\n"));
        assertThat(findings(verify(project))).containsExactly("verify/modified-file node_modules/which/which.js");
    }

    @Test
    void hugeFilesInPlaceOfAManifestOrABinAreReported() throws Exception {
        Path project = project("npm");
        huge(project.resolve("node_modules/is-number/package.json"), "{\"name\":\"is-number\",\"x\":\"");
        huge(project.resolve("node_modules/which/bin/node-which"), "#!/usr/bin/env node\n//");
        VerifyReport report = verify(project);
        assertThat(findings(report)).containsExactlyInAnyOrder("verify/version-mismatch node_modules/is-number",
                "verify/modified-file node_modules/which/bin/node-which");
        assertThat(report.result().findings()).anyMatch(f -> f.message().contains("larger than 1048576 bytes"));
    }

    @Test
    void aLinkPlantedInPlaceOfAFileIsModifiedAndNotFollowed() throws Exception {
        Path project = project("npm");
        Path index = project.resolve("node_modules/is-number/index.js");
        Files.delete(index);
        Files.createSymbolicLink(index, Path.of("/etc/passwd"));
        Files.createSymbolicLink(project.resolve("node_modules/is-number/extra"), work);
        assertThat(findings(verify(project))).containsExactlyInAnyOrder(
                "verify/modified-file node_modules/is-number/index.js",
                "verify/extra-file node_modules/is-number/extra");
    }

    /** 64 MiB after {@code head}: more than the heap of a verify run may hold for one file. */
    private static void huge(Path file, String head) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            out.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
        }
    }

    @Test
    void withoutNodeModulesTheTreeIsUncheckedNotFailed() throws Exception {
        Path project = project("npm");
        deleteTree(project.resolve("node_modules"));
        VerifyReport report = verify(project);
        assertThat(report.result().findings()).isEmpty();
        assertThat(report.unchecked()).singleElement().asString().startsWith("no node_modules");
    }

    static Path packageDir(Path project, String client, String name, String version) {
        return client.equals("pnpm") ? project.resolve("node_modules/.pnpm/" + name.replace('/', '+') + "@" + version
                + "/node_modules/" + name) : project.resolve("node_modules/" + name);
    }

    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
