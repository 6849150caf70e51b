package dev.portcullis.tarball;

/**
 * How much a tarball may make the reader unpack and hold before it stops. Reading stops at the first limit crossed,
 * keeping what it read so far and reporting which limit it was.
 *
 * @param maxTotalBytes      inflated bytes of the whole tar stream (headers and padding included)
 * @param maxEntries         tar entries of any type
 * @param maxFileBytes       declared size of one entry
 * @param maxCompressionRatio inflated bytes per compressed byte, on the running totals
 * @param ratioGraceBytes    inflated bytes read before the ratio is checked: the first blocks of a small, honest
 *                           tarball (zero-padded headers) compress far better than the whole
 * @param maxPathLength      characters of one entry name as written
 * @param maxPathDepth       segments of one entry name
 */
public record TarballLimits(
        long maxTotalBytes,
        int maxEntries,
        long maxFileBytes,
        int maxCompressionRatio,
        long ratioGraceBytes,
        int maxPathLength,
        int maxPathDepth) {

    private static final long MIB = 1024L * 1024L;

    /** Names one limit in a {@link TarballProblem.Kind#LIMIT_EXCEEDED} problem. */
    public enum Limit {
        TOTAL_BYTES, ENTRIES, FILE_BYTES, COMPRESSION_RATIO, PATH_LENGTH, PATH_DEPTH
    }

    public TarballLimits {
        positive("maxTotalBytes", maxTotalBytes);
        positive("maxEntries", maxEntries);
        positive("maxFileBytes", maxFileBytes);
        positive("maxCompressionRatio", maxCompressionRatio);
        positive("ratioGraceBytes", ratioGraceBytes);
        positive("maxPathLength", maxPathLength);
        positive("maxPathDepth", maxPathDepth);
        if (maxFileBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxFileBytes must fit one Java array, got " + maxFileBytes);
        }
    }

    /**
     * Above any real npm package (the largest popular ones unpack to about 150 MiB; native packages such as
     * {@code @next/swc-linux-x64-gnu} and {@code @biomejs/cli-linux-x64} ship one binary of 100–150 MiB) and below
     * what would hurt a JVM that reads one such package at a time.
     */
    public static TarballLimits defaults() {
        return new TarballLimits(256 * MIB, 20_000, 192 * MIB, 200, MIB, 1_024, 64);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
