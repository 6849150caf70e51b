package dev.portcullis.diff;

/**
 * How much one package diff may hold, so that a diff of two large or hostile versions stays readable and bounded in
 * memory and time.
 *
 * @param maxTextFileBytes a changed text file larger than this (either side) is summarised, not diffed
 * @param maxLinesPerSide a changed text file with more lines than this (either side) is summarised, not diffed
 * @param maxDiffLinesPerFile lines of unified diff kept per file; the rest are counted
 * @param maxDiffLinesPerPackage lines of unified diff kept per package; files past it are listed without a diff
 * @param maxFiles file changes listed per package; the rest are counted
 * @param maxCapabilityChanges capability changes listed per package; the rest are counted
 * @param contextLines lines of context around each change
 */
public record DiffLimits(int maxTextFileBytes, int maxLinesPerSide, int maxDiffLinesPerFile,
                         int maxDiffLinesPerPackage, int maxFiles, int maxCapabilityChanges, int contextLines) {
    public DiffLimits {
        if (maxTextFileBytes < 0 || maxLinesPerSide < 0 || maxDiffLinesPerFile < 0 || maxDiffLinesPerPackage < 0
                || maxFiles < 0 || maxCapabilityChanges < 0 || contextLines < 0) {
            throw new IllegalArgumentException("diff limits must be >= 0");
        }
    }

    /**
     * What a review comment can carry: a few hundred lines per file, a few thousand per package. 5,000 lines a side
     * bounds the diff of two unrelated files (time grows with lines times differences) to about 10^8 steps.
     */
    public static DiffLimits defaults() {
        return new DiffLimits(512 * 1024, 5_000, 400, 4_000, 1_000, 200, 3);
    }
}
