package dev.portcullis.tarball;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TarballLimitsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(TarballLimits.defaults()).isEqualTo(
                new TarballLimits(256L * 1024 * 1024, 20_000, 192L * 1024 * 1024, 200, 1024 * 1024, 1_024, 64));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(new long[] {0, 1, 1, 1, 1, 1, 1}, "maxTotalBytes must be positive, got 0"),
                Arguments.of(new long[] {1, 0, 1, 1, 1, 1, 1}, "maxEntries must be positive, got 0"),
                Arguments.of(new long[] {1, 1, -1, 1, 1, 1, 1}, "maxFileBytes must be positive, got -1"),
                Arguments.of(new long[] {1, 1, 1, 0, 1, 1, 1}, "maxCompressionRatio must be positive, got 0"),
                Arguments.of(new long[] {1, 1, 1, 1, 0, 1, 1}, "ratioGraceBytes must be positive, got 0"),
                Arguments.of(new long[] {1, 1, 1, 1, 1, 0, 1}, "maxPathLength must be positive, got 0"),
                Arguments.of(new long[] {1, 1, 1, 1, 1, 1, 0}, "maxPathDepth must be positive, got 0"),
                Arguments.of(new long[] {1, 1, 1L << 31, 1, 1, 1, 1},
                        "maxFileBytes must fit one Java array, got 2147483648"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsLimitsThatCannotWork(long[] v, String message) {
        assertThatThrownBy(() -> new TarballLimits(v[0], (int) v[1], v[2], (int) v[3], v[4], (int) v[5], (int) v[6]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
