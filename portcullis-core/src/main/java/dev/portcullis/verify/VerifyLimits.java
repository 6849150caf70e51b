package dev.portcullis.verify;

/**
 * How much of an installed tree {@code verify} reads: a hostile or broken node_modules (a link loop is not followed,
 * but a tree of millions of directories is possible) stops the walk with a note rather than exhausting the heap.
 *
 * @param maxPackages installed package directories walked
 * @param maxFilesPerPackage files compared in one installed package
 * @param maxFileBytes bytes read of one installed file (larger ones are compared by size and hash of a stream)
 * @param maxManifestBytes bytes of one installed package.json
 */
public record VerifyLimits(int maxPackages, int maxFilesPerPackage, long maxFileBytes, int maxManifestBytes) {
    public VerifyLimits {
        if (maxPackages <= 0 || maxFilesPerPackage <= 0 || maxFileBytes <= 0 || maxManifestBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static VerifyLimits defaults() {
        return new VerifyLimits(200_000, 100_000, 256L << 20, 1 << 20);
    }
}
