package dev.portcullis.analysis.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
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

    @ParameterizedTest
    @CsvSource({"kitten, sitting, 3, 3", "kitten, sitting, 2, 3", "lodash, lodahs, 1, 1", "ab, ba, 1, 1", "abc, abc, 0, 0", "abcdef, ab, 1, 2"})
    void optimalStringAlignmentDistance(String a, String b, int max, int expected) {
        assertThat(TyposquatIndex.osa(a, b, max)).isEqualTo(expected);
    }
}
