package dev.portcullis.analysis.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.lockfile.LockfileReaders;
import dev.portcullis.model.DependencyGraph;
import dev.portcullis.model.PackageNode;
import dev.portcullis.testkit.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The typosquat table against the bundled popularity list: look-alikes found, popular and short names left alone. */
class TyposquatTest {
    private static final TyposquatIndex INDEX = TyposquatIndex.bundled();

    @ParameterizedTest(name = "{0} imitates {1} ({2})")
    @CsvSource({
            "crossenv, cross-env, SEPARATORS",
            "cross_env, cross-env, SEPARATORS",
            "lodahs, lodash, TYPO",
            "expres, express, TYPO",
            "expresss, express, TYPO",
            "reqeust-promise, request-promise, TYPO",
            "eslint-plugin-raect-hooks, eslint-plugin-react-hooks, TYPO",
            "vite-tsconfig-pahts, vite-tsconfig-paths, TYPO",
            "types-lodash, @types/lodash, SCOPE",
            "babel-traverse-x, , ",
            "@typs/lodash, @types/lodash, TYPO",
            "rnocha, mocha, HOMOGLYPH",
            "l0dash, lodash, HOMOGLYPH",
            "1odash, lodash, HOMOGLYPH",
            "lоdash, lodash, HOMOGLYPH",
            "webpack-cIi, webpack-cli, TYPO",
    })
    void lookAlikesAreFound(String name, String target, String kind) {
        Optional<TyposquatIndex.Match> match = INDEX.match(name);
        if (target == null) {
            assertThat(match).isEmpty();
            return;
        }
        assertThat(match).as(name).isPresent();
        assertThat(match.get().target()).isEqualTo(target);
        assertThat(match.get().kind().name()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} is left alone")
    @CsvSource({"react", "preact", "chalk", "esbuild", "esbuild-wasm", "@types/lodash", "lodash", "cross-env",
            "vue3", "pg", "ps", "@types/ps", "plain", "mocka",
            "@most/core", "@suid/icons-material", "hash-int", "lodash.keyby", "qs-stringify", "otp-generators",
            "vitest-tsconfig-paths", "svgstore", "yarn", "my-own-thing", "@acme/private-lib", "left-pad"})
    void popularAndShortNamesAreNotReported(String name) {
        assertThat(INDEX.match(name)).as(name).isEmpty();
    }

    /**
     * The official scopes and platform-package families of popular packages: each its project's own publication,
     * named after the project (so {@code @turbo/linux-64} is no scope trick on {@code turbo-linux-64}, the older
     * unscoped name of the same build).
     */
    @ParameterizedTest(name = "{0} is its project's own")
    @CsvSource({"@turbo/linux-64", "@turbo/darwin-arm64", "@turbo/windows-64", "@turbo/windows-arm64",
            "@turbo/gen", "@esbuild/linux-x64", "@esbuild/openharmony-arm64", "@esbuild/linux-loong64",
            "@esbuild/win32-arm64", "@swc/core-linux-x64-gnu", "@swc/core-win32-arm64-msvc",
            "@swc/core-linux-ppc64-gnu", "@next/swc-linux-x64-gnu", "@next/swc-win32-arm64-msvc",
            "@next/swc-darwin-x64", "@rollup/rollup-linux-x64-gnu", "@rollup/rollup-linux-loong64-gnu",
            "@rollup/rollup-openharmony-arm64", "@img/sharp-linux-x64", "@img/sharp-libvips-linux-s390x",
            "@img/sharp-wasm32", "@nx/nx-linux-x64-gnu", "@nx/nx-freebsd-x64", "@nx/nx-linux-arm-gnueabihf",
            "@biomejs/cli-linux-x64", "@biomejs/cli-win32-arm64", "@biomejs/cli-linux-arm64-musl",
            "@oxc-resolver/binding-linux-x64-gnu", "@oxc-resolver/binding-wasm32-wasi",
            "@oxc-parser/binding-linux-x64-gnu", "@oxc-project/types", "@tailwindcss/oxide-linux-x64-gnu",
            "@tailwindcss/oxide-wasm32-wasi", "@tailwindcss/oxide-android-arm64"})
    void officialScopesAndPlatformFamiliesAreNotReported(String name) {
        assertThat(INDEX.match(name)).as(name).isEmpty();
    }

    /** The exemptions keep real look-alikes: a squatted scope or a mistyped name still imitates the family. */
    @ParameterizedTest(name = "{0} imitates {1} ({2})")
    @CsvSource({
            "@esbulid/linux-x64, @esbuild/linux-x64, TYPO",
            "@rollupp/rollup-linux-x64-gnu, @rollup/rollup-linux-x64-gnu, TYPO",
            "esbuild-linux-x64-gnu, , ",
            "@img/shrap-linux-x64, @img/sharp-linux-x64, TYPO",
            "turbo_linux_64, turbo-linux-64, SEPARATORS",
            "@cross/env, cross-env, SCOPE",
    })
    void lookAlikesOfTheFamiliesAreStillFound(String name, String target, String kind) {
        lookAlikesAreFound(name, target, kind);
    }

    @ParameterizedTest(name = "{1} in the family of {0}: {2}")
    @CsvSource({"turbo, @turbo/linux-64, true", "esbuild, @esbuild/linux-x64, true",
            "@swc/core, @swc/core-linux-x64-gnu, true", "next, @next/swc-linux-x64-gnu, true",
            "sharp, @img/sharp-linux-x64, true", "@img/sharp-linux-x64, @img/sharp-libvips-linux-x64, true",
            "lightningcss, lightningcss-linux-x64-gnu, true", "@biomejs/biome, @biomejs/cli-linux-x64, true",
            "oxc-resolver, @oxc-resolver/binding-linux-x64-gnu, true", "esbuild, lodash, false",
            "esbuild, esbuildx, false", "chokidar, fsevents, false"})
    void familyOfAParent(String parent, String child, boolean family) {
        assertThat(Typosquat.sameFamily(parent, child)).isEqualTo(family);
    }

    /**
     * Real lockfiles of turbo, esbuild, @swc/core and @biomejs/biome by every client: each platform package is named
     * by its parent's optionalDependencies, and so none of the locked names is reported.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"npm/package-lock.json", "pnpm/pnpm-lock.yaml", "yarn-classic/yarn.lock", "yarn-berry/yarn.lock",
            "bun/bun.lock"})
    void theLockfileNamesThePlatformPackagesOfTheirParents(String fixture) throws Exception {
        Path file = Fixtures.path("real-projects/platform-packages/" + fixture);
        String name = file.getFileName().toString();
        DependencyGraph graph;
        try (InputStream in = Files.newInputStream(file)) {
            graph = LockfileReaders.find(name, Files.readString(file)).orElseThrow().read(name, in).graph();
        }
        Set<String> platform = Typosquat.platformPackages(graph);
        List<String> names = graph.packages().stream().map(PackageNode::name).distinct().sorted().toList();
        List<String> builds = names.stream().filter(n -> n.startsWith("@turbo/") || n.startsWith("@esbuild/")
                || n.startsWith("@swc/core-") || n.startsWith("@biomejs/cli-")).toList();
        assertThat(builds).hasSizeGreaterThan(40);
        assertThat(platform).containsAll(builds)
                .doesNotContain("turbo", "esbuild", "@swc/core", "@biomejs/biome", "@swc/counter", "@swc/types");
        assertThat(names.stream().filter(n -> !platform.contains(n) && INDEX.match(n).isPresent()).toList())
                .as("look-alikes among the names no parent asks for").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"kitten, sitting, 3, 3", "kitten, sitting, 2, 3", "lodash, lodahs, 1, 1", "ab, ba, 1, 1", "abc, abc, 0, 0", "abcdef, ab, 1, 2"})
    void optimalStringAlignmentDistance(String a, String b, int max, int expected) {
        assertThat(TyposquatIndex.osa(a, b, max)).isEqualTo(expected);
    }
}
