package dev.portcullis.advisory;

/**
 * Bounds of an import: advisory files are downloaded from the internet and may be damaged or hostile.
 *
 * @param maxRecordBytes a larger JSON document is skipped as malformed (the largest real OSV npm records are a
 *     few hundred kilobytes; below 1 MiB every text column of the database holds any field of a record)
 * @param problemsKept how many reasons for skipped records the import reports; the rest are only counted
 * @param maxImportBytes the record bytes one import reads in all (OSV's whole npm/all.zip unpacks to well under a
 *     gigabyte); past it the import stops and stores nothing, so a hostile archive costs bounded time
 */
public record ImportLimits(long maxRecordBytes, int problemsKept, long maxImportBytes) {
    public ImportLimits {
        if (maxRecordBytes <= 0 || maxRecordBytes > Integer.MAX_VALUE - 8 || problemsKept < 0
                || maxImportBytes < maxRecordBytes) {
            throw new IllegalArgumentException("import limits must be positive, below 2 GB per record and at least"
                    + " one record per import");
        }
    }

    /** 1 MiB per record, 5 reasons kept, 4 GiB per import. */
    public static ImportLimits defaults() {
        return new ImportLimits(1L << 20, 5, 4L << 30);
    }
}
