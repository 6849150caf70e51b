package dev.portcullis.tarball;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TarballLimitsTest {
    private static final long MIB = 1024L * 1024;

    @Test
    void defaultsFollowTheHeap() {
        assertThat(TarballLimits.forHeap(4096 * MIB)).isEqualTo(
                new TarballLimits(256 * MIB, 20_000, 192 * MIB, 200, MIB, 1_024, 64));
        assertThat(TarballLimits.forHeap(512 * MIB)).isEqualTo(
                new TarballLimits(128 * MIB, 20_000, 96 * MIB, 200, MIB, 1_024, 64));
        assertThat(TarballLimits.forHeap(256 * MIB)).isEqualTo(
                new TarballLimits(64 * MIB, 20_000, 48 * MIB, 200, MIB, 1_024, 64));
        assertThat(TarballLimits.forHeap(64 * MIB).maxTotalBytes()).isEqualTo(32 * MIB);
        assertThat(TarballLimits.defaults()).isEqualTo(TarballLimits.forHeap(Runtime.getRuntime().maxMemory()));
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
