package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Lockfile;
import dev.portcullis.testkit.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every npm fixture scenario, read and compared as a whole graph with its hand-checked expected text in
 * {@code src/test/resources/dev/portcullis/lockfile/npm/<scenario>.txt}. Lockfile v2 holds the same tree as
 * v3 (plus npm 6's copy, which the reader ignores), so each v2 scenario must read exactly as its v3 twin
 * apart from lines.
 */
class NpmLockfileReaderTest {
    static final List<String> V3_SCENARIOS = List.of("empty", "one-package", "one-package-dev", "scoped-packages",
            "nested-dependencies", "peer-dependencies", "optional-package", "alias", "git-dep", "tarball-url",
            "file-dep", "workspaces", "bundled", "install-script");
    static final List<String> V1_SCENARIOS = V3_SCENARIOS.stream().filter(s -> !s.equals("workspaces")).toList();

    private final NpmLockfileReader reader = new NpmLockfileReader();

    static Stream<String> goldenScenarios() {
        return Stream.of(V3_SCENARIOS.stream().map(s -> s + "-v3"), V1_SCENARIOS.stream().map(s -> s + "-v1"),
                Stream.of("no-resolved-v3")).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenScenarios")
    void readsScenarioAsExpected(String scenario) throws Exception {
        Lockfile lockfile = read("npm/" + scenario + "/package-lock.json");

        assertThat(NpmGraphText.render(lockfile, true)).isEqualTo(expected(scenario));
    }

    static Stream<String> v2Scenarios() {
        return V3_SCENARIOS.stream();
    }

    @ParameterizedTest(name = "{0}-v2")
    @MethodSource("v2Scenarios")
    void readsV2AsItsV3Twin(String scenario) throws Exception {
        Lockfile v2 = read("npm/" + scenario + "-v2/package-lock.json");
        Lockfile v3 = read("npm/" + scenario + "-v3/package-lock.json");

        assertThat(v2.formatVersion()).isEqualTo("2");
        assertThat(NpmGraphText.render(v2, false).replaceFirst("format NPM 2", "format NPM 3"))
                .isEqualTo(NpmGraphText.render(v3, false));
    }

    @org.junit.jupiter.api.Test
    void readsShrinkwrapAsItsOwnFormat_v3() throws Exception {
        Lockfile shrinkwrap = read("npm-shrinkwrap/one-package-v3/npm-shrinkwrap.json");
        Lockfile lock = read("npm/one-package-v3/package-lock.json");

        assertThat(NpmGraphText.render(shrinkwrap, false))
                .isEqualTo(NpmGraphText.render(lock, false).replaceFirst("format NPM ", "format NPM_SHRINKWRAP "));
    }

    private Lockfile read(String fixture) throws IOException, InputException {
        Path path = Fixtures.path(fixture);
        try (InputStream in = Files.newInputStream(path)) {
            return reader.read(path.getFileName().toString(), in);
        }
    }

    static String expected(String scenario) throws IOException {
        try (InputStream in = NpmLockfileReaderTest.class.getResourceAsStream("npm/" + scenario + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("no expected graph for " + scenario);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
