package dev.portcullis.advisory;

/**
 * Bounds of an import: advisory files are downloaded from the internet and may be damaged or hostile.
 *
 * @param maxRecordBytes a larger JSON document is skipped as malformed (the largest real OSV npm records are a
 *     few hundred kilobytes)
 * @param problemsKept how many reasons for skipped records the import reports; the rest are only counted
 */
public record ImportLimits(long maxRecordBytes, int problemsKept) {
    public ImportLimits {
        if (maxRecordBytes <= 0 || maxRecordBytes > Integer.MAX_VALUE - 8 || problemsKept < 0) {
            throw new IllegalArgumentException("import limits must be positive and below 2 GB");
        }
    }

    public static ImportLimits defaults() {
        return new ImportLimits(16L << 20, 5);
    }
}
