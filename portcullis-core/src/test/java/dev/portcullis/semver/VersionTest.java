package dev.portcullis.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Version parsing and ordering as node-semver 7.8.6 does them. */
class VersionTest {

    /** (scenario, input, loose, semver.valid() or null). */
    static Stream<Arguments> parsing() {
        return Stream.of(
                Arguments.of("plain", "1.2.3", false, "1.2.3"),
                Arguments.of("vPrefix", "v1.2.3", false, "1.2.3"),
                Arguments.of("equalsPrefixIsLooseOnly", "=1.2.3", false, null),
                Arguments.of("equalsPrefixLoose", " =v1.2.3 ", true, "1.2.3"),
                Arguments.of("surroundingWhitespace", "\u00a01.2.3\t", false, "1.2.3"),
                Arguments.of("buildDropped", "1.2.3-beta.1+build.7", false, "1.2.3-beta.1"),
                Arguments.of("leadingZeroIdentifierStrict", "1.2.3-01", false, null),
                Arguments.of("leadingZeroIdentifierLoose", "1.2.3-01", true, "1.2.3-1"),
                Arguments.of("leadingZeroMajorLoose", "01.02.03", true, "1.2.3"),
                Arguments.of("prereleaseWithoutHyphenLoose", "1.2.3beta", true, "1.2.3-beta"),
                Arguments.of("partialIsNotAVersion", "1.2", false, null),
                Arguments.of("maxSafeInteger", "9007199254740991.0.0", false, "9007199254740991.0.0"),
                Arguments.of("pastMaxSafeInteger", "9007199254740992.0.0", false, null),
                Arguments.of("hugeNumericIdentifierKeptAsText", "1.2.3-9007199254740993", false,
                        "1.2.3-9007199254740993"),
                Arguments.of("longestAccepted", "1.2.3-" + "a".repeat(250), false, "1.2.3-" + "a".repeat(250)),
                Arguments.of("tooLongBeforeTrimming", "1.2.3" + " ".repeat(252), false, null),
                Arguments.of("nextLineIsNotWhitespace", "1.2.3\u0085", false, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsing")
    void parsesLikeNodeSemver(String scenario, String input, boolean loose, String expected) {
        assertThat(Version.parse(input, loose).map(Version::toString)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void ordersPrereleasesAsTheSpecSays() {
        List<String> ascending = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertThat(Version.of(ascending.get(i)).compareTo(Version.of(ascending.get(i + 1))))
                    .as(ascending.get(i) + " < " + ascending.get(i + 1)).isNegative();
        }
    }

    @Test
    void hugeNumericIdentifiersCompareAsJavaScriptDoubles() {
        // both round to 9007199254740992.0, so node-semver calls them equal and stops comparing
        assertThat(Version.of("1.0.0-9007199254740993.b").compareTo(Version.of("1.0.0-9007199254740992.a"))).isZero();
    }

    @Test
    void buildMetadataIgnoredByCompareButKeptByEquals() {
        Version a = Version.of("1.0.0+a");
        Version b = Version.of("1.0.0+b");
        assertThat(a.compareTo(b)).isZero();
        assertThat(a).isNotEqualTo(b);
        assertThat(a.build()).containsExactly("a");
    }

    @Test
    void accessors() {
        Version v = Version.of("v10.20.30-rc.01a.7+exp.sha");
        assertThat(List.of(v.major(), v.minor(), v.patch())).containsExactly(10L, 20L, 30L);
        assertThat(v.prerelease()).containsExactly("rc", "01a", "7");
        assertThat(v.isPrerelease()).isTrue();
        assertThat(v.toString()).isEqualTo("10.20.30-rc.01a.7");
    }

    @Test
    void ofRejectsWhatParseRejects() {
        assertThatThrownBy(() -> Version.of("1.2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.2");
    }
}
