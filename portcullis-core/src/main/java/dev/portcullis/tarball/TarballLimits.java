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

    /** The limits for this JVM's heap ({@code -Xmx}): see {@link #forHeap(long)}. */
    public static TarballLimits defaults() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }

    /**
     * A tarball is held in memory while it is analysed, so what it may unpack to follows the heap: a quarter of it
     * for the whole tarball (between 32 and 256 MiB) and three quarters of that for one file. With 1 GiB and more
     * that is above any real npm package (the largest popular ones unpack to about 150 MiB; native packages such as
     * {@code @next/swc-linux-x64-gnu} ship one binary of 100–150 MiB); with the launcher's 512 MB a package of
     * 128 MiB, with 256 MB one of 64 MiB. A package beyond them is a finding (review), never an out-of-memory error.
     */
    public static TarballLimits forHeap(long heapBytes) {
        long total = Math.clamp(heapBytes / 4, 32 * MIB, 256 * MIB);
        return new TarballLimits(total, 20_000, total / 4 * 3, 200, MIB, 1_024, 64);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
