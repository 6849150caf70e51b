package dev.portcullis.semver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tricky corners of node-semver, by name; every expectation was checked against semver 7.8.6. */
class RangeTest {
    private static final RangeOptions LOOSE = new RangeOptions(true, false);
    private static final RangeOptions INCLUDE_PRERELEASE = new RangeOptions(false, true);

    /** (scenario, range, options, desugared range as validRange() prints it, or null when invalid). */
    static Stream<Arguments> desugaring() {
        return Stream.of(
                Arguments.of("caretZeroMajor", "^0.2.3", RangeOptions.DEFAULT, ">=0.2.3 <0.3.0-0"),
                Arguments.of("caretZeroMajorZeroMinor", "^0.0.3", RangeOptions.DEFAULT, ">=0.0.3 <0.0.4-0"),
                Arguments.of("caretZeroX", "^0.x", RangeOptions.DEFAULT, "<1.0.0-0"),
                Arguments.of("caretPrerelease", "^1.2.3-beta.2", RangeOptions.DEFAULT, ">=1.2.3-beta.2 <2.0.0-0"),
                Arguments.of("caretWithSpace", "^ 1.2.3", RangeOptions.DEFAULT, ">=1.2.3 <2.0.0-0"),
                Arguments.of("tildePrerelease", "~1.2.3-beta.2", RangeOptions.DEFAULT, ">=1.2.3-beta.2 <1.3.0-0"),
                Arguments.of("tildePartial", "~1.2", RangeOptions.DEFAULT, ">=1.2.0 <1.3.0-0"),
                Arguments.of("tildePartial_includePrerelease", "~1.2", INCLUDE_PRERELEASE, ">=1.2.0-0 <1.3.0-0"),
                Arguments.of("tildeMajorOnly", "~1", RangeOptions.DEFAULT, ">=1.0.0 <2.0.0-0"),
                Arguments.of("tildeWithSpace", "~ 1.2.3", RangeOptions.DEFAULT, ">=1.2.3 <1.3.0-0"),
                Arguments.of("hyphenPartial", "1.2 - 2.3", RangeOptions.DEFAULT, ">=1.2.0 <2.4.0-0"),
                Arguments.of("hyphenPartialUpper", "1.2.3 - 2", RangeOptions.DEFAULT, ">=1.2.3 <3.0.0-0"),
                Arguments.of("hyphenFull", "1.2.3 - 2.3.4", RangeOptions.DEFAULT, ">=1.2.3 <=2.3.4"),
                Arguments.of("hyphenFull_includePrerelease", "1.2.3 - 2.3.4", INCLUDE_PRERELEASE,
                        ">=1.2.3-0 <2.3.5-0"),
                Arguments.of("hyphenPrereleaseBounds", "1.2.3-rc.1 - 1.2.3", RangeOptions.DEFAULT,
                        ">=1.2.3-rc.1 <=1.2.3"),
                Arguments.of("greaterThanPartial", ">1.2", RangeOptions.DEFAULT, ">=1.3.0"),
                Arguments.of("lessOrEqualPartial", "<=1.2", RangeOptions.DEFAULT, "<1.3.0-0"),
                Arguments.of("xRangeUpper", ">=1.2 <=2.x", RangeOptions.DEFAULT, ">=1.2.0 <3.0.0-0"),
                Arguments.of("operatorWithSpaces", ">= 1.2.3 < 2", RangeOptions.DEFAULT, ">=1.2.3 <2.0.0-0"),
                Arguments.of("emptyMeansAny", "", RangeOptions.DEFAULT, "*"),
                Arguments.of("starIsAny", "*", RangeOptions.DEFAULT, "*"),
                Arguments.of("xIsAny", "x", RangeOptions.DEFAULT, "*"),
                Arguments.of("anyAlternativeWins", "*|| 1.2", RangeOptions.DEFAULT, "*"),
                Arguments.of("nullSetDropped", "<0.0.0-0 || 1.x", RangeOptions.DEFAULT, ">=1.0.0 <2.0.0-0"),
                Arguments.of("orOfXRanges", "1.x.x || >=3", RangeOptions.DEFAULT, ">=1.0.0 <2.0.0-0||>=3.0.0"),
                Arguments.of("equalsPrefix", "=1.2.3", RangeOptions.DEFAULT, "1.2.3"),
                Arguments.of("vPrefix", "v1.2.3", RangeOptions.DEFAULT, "1.2.3"),
                Arguments.of("buildStripped", "1.2.3+build.7", RangeOptions.DEFAULT, "1.2.3"),
                Arguments.of("unicodeWhitespaceCollapsed", ">=1.2.3\u3000<2", RangeOptions.DEFAULT, ">=1.2.3 <2.0.0-0"),
                Arguments.of("nextLineIsNotWhitespace", "1.2.3\u0085", RangeOptions.DEFAULT, null),
                Arguments.of("tagIsNotARange", "latest", RangeOptions.DEFAULT, null),
                Arguments.of("looseDropsGarbage", "latest 1.2.3", LOOSE, "1.2.3"),
                Arguments.of("strictRejectsGarbage", "latest 1.2.3", RangeOptions.DEFAULT, null),
                Arguments.of("majorPastMaxSafeInteger", "^9007199254740992", RangeOptions.DEFAULT, null),
                Arguments.of("tooLong", "1.2.3 " + "|| 1.2.3 ".repeat(200), RangeOptions.DEFAULT, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("desugaring")
    void desugarsLikeNodeSemver(String scenario, String raw, RangeOptions options, String expected) {
        assertThat(Range.parse(raw, options).map(Range::toString)).isEqualTo(Optional.ofNullable(expected));
    }

    /** (scenario, version, range, options, satisfies). */
    static Stream<Arguments> satisfaction() {
        return Stream.of(
                Arguments.of("prereleaseExcludedByDefault", "1.2.4-beta", "^1.2.3", RangeOptions.DEFAULT, false),
                Arguments.of("prereleaseIncludedOnRequest", "1.2.4-beta", "^1.2.3", INCLUDE_PRERELEASE, true),
                Arguments.of("prereleaseOfTheNamedTuple", "1.2.3-beta.3", "^1.2.3-beta.2", RangeOptions.DEFAULT,
                        true),
                Arguments.of("prereleaseOfAnotherTuple", "1.2.4-beta", "^1.2.3-beta.2", RangeOptions.DEFAULT, false),
                Arguments.of("tildePrereleaseNextMinor", "1.3.0-beta", "~1.2.3-beta.2", RangeOptions.DEFAULT, false),
                Arguments.of("caretZeroMajorZeroMinorIsExact", "0.0.4", "^0.0.3", RangeOptions.DEFAULT, false),
                Arguments.of("loosePrereleaseWithoutHyphen", "1.2.3beta", "1.2.3-beta", LOOSE, true),
                Arguments.of("strictRejectsEqualsVersion", "=1.2.3", ">=1", RangeOptions.DEFAULT, false),
                Arguments.of("looseAcceptsEqualsVersion", "=1.2.3", ">=1", LOOSE, true),
                Arguments.of("buildIgnored", "1.2.3+build", "1.2.3", RangeOptions.DEFAULT, true),
                Arguments.of("emptyVersion", "", "*", RangeOptions.DEFAULT, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("satisfaction")
    void satisfiesLikeNodeSemver(String scenario, String version, String range, RangeOptions options, boolean expected) {
        assertThat(Range.parse(range, options).orElseThrow().test(version)).isEqualTo(expected);
    }

    @Test
    void isExactVersion_onlyForASingleEqualityComparator() {
        List<String> exact = List.of("1.2.3", "=1.2.3", "v1.2.3", " 1.2.3 ", "1.2.3-beta.1", "1.2.3 || =1.2.3");
        List<String> notExact = List.of("^1.2.3", "~1.2.3", "1.2", "1.x", "*", "", ">=1.2.3 <=1.2.3", "1.2.3 || 1.2.4",
                ">1.2.3", "1.2.3 - 1.2.3");
        assertThat(exact).allSatisfy(r -> assertThat(Range.parse(r, RangeOptions.DEFAULT).orElseThrow()
                .isExactVersion()).as(r).isTrue());
        assertThat(notExact).allSatisfy(r -> assertThat(Range.parse(r, RangeOptions.DEFAULT).orElseThrow()
                .isExactVersion()).as(r).isFalse());
    }

    @Test
    void maxSatisfying_picksTheHighestAdmittedVersion() {
        List<Version> versions = Stream.of("1.2.3", "1.9.0", "2.0.0-beta.1", "2.0.0", "1.10.0-rc.1", "1.9.0+build")
                .map(Version::of).toList();
        Range caret = Range.parse("^1.2.0", RangeOptions.DEFAULT).orElseThrow();
        Range caretWithPrerelease = Range.parse("^1.2.0", INCLUDE_PRERELEASE).orElseThrow();
        Range none = Range.parse(">=3", RangeOptions.DEFAULT).orElseThrow();

        assertThat(caret.maxSatisfying(versions)).contains(Version.of("1.9.0"));
        assertThat(caret.maxSatisfying(versions).orElseThrow().build()).as("the first of equal versions").isEmpty();
        assertThat(caretWithPrerelease.maxSatisfying(versions)).contains(Version.of("1.10.0-rc.1"));
        assertThat(none.maxSatisfying(versions)).isEmpty();
    }

    /** Inputs shaped to make backtracking regular expressions explode; each parse must take milliseconds. */
    @Test
    void hostileInputParsesQuickly() {
        List<String> hostile = List.of("1".repeat(Range.MAX_LENGTH), "v ".repeat(Range.MAX_LENGTH / 2),
                "1.1.1-" + "0".repeat(Range.MAX_LENGTH - 6), "1.2.3-a" + ".a".repeat(500), "~".repeat(1000) + "1",
                "1.2.3" + "-".repeat(1000), "1.2.3-" + "1a".repeat(500), "<".repeat(Range.MAX_LENGTH),
                "1 - ".repeat(256), "1.2.3+" + "a.".repeat(500), "||".repeat(512), "x.".repeat(512),
                "= ".repeat(512), "1.2.3 " .repeat(170));
        for (RangeOptions options : List.of(RangeOptions.DEFAULT, LOOSE, INCLUDE_PRERELEASE)) {
            for (String raw : hostile) {
                long start = System.nanoTime();
                Range.parse(raw, options).ifPresent(r -> r.test(raw));
                Version.parse(raw, options.loose());
                assertThat(System.nanoTime() - start).as(raw.substring(0, 20)).isLessThan(500_000_000L);
            }
        }
    }
}
