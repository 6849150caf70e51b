package dev.portcullis.js;

/**
 * How much work the JavaScript facts extractor may do on one file. Hostile packages ship 50 MB single-line files,
 * payloads nested in payloads and files built to produce millions of facts; every one of those ends at a limit with
 * an {@link FactKind#UNPARSABLE} fact naming it, never with an exception or unbounded memory.
 *
 * @param maxDecodeDepth   how many nested encoded payloads are decoded and analysed again (a payload inside a payload
 *                         inside the file is depth 2)
 * @param maxEvidenceChars characters of one fact's evidence
 * @param maxFactsPerFile  facts kept for one file; the rest are dropped and counted as one UNPARSABLE fact
 * @param maxFileBytes     bytes of one file analysed; the rest is not read
 * @param maxDecodedBytes  characters of decoded payloads analysed again, summed over one file
 */
public record JsLimits(int maxDecodeDepth, int maxEvidenceChars, int maxFactsPerFile, long maxFileBytes,
                       long maxDecodedBytes) {

    private static final long MIB = 1024L * 1024L;

    public JsLimits {
        if (maxDecodeDepth < 0) {
            throw new IllegalArgumentException("maxDecodeDepth must be >= 0, got " + maxDecodeDepth);
        }
        if (maxEvidenceChars < 16) {
            throw new IllegalArgumentException("maxEvidenceChars must be >= 16, got " + maxEvidenceChars);
        }
        if (maxFactsPerFile < 1 || maxFileBytes < 1 || maxDecodedBytes < 0) {
            throw new IllegalArgumentException("maxFactsPerFile and maxFileBytes must be positive, maxDecodedBytes >= 0");
        }
        if (maxFileBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxFileBytes must fit in an array, got " + maxFileBytes);
        }
    }

    /** The limits for this JVM's heap ({@code -Xmx}): see {@link #forHeap(long)}. */
    public static JsLimits defaults() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }

    /**
     * Depth 3, 240 evidence characters, 2,000 facts, 4 MiB of decoded payloads per file, and a sixteenth of the heap
     * per file (between 8 and 64 MiB: 16 MiB in 256 MB, 32 MiB in the launcher's 512 MB), since a file's text, its
     * tokens and the tarball holding it are in memory at once; install-time code beyond it is a finding
     * ({@code content/install-code-unanalysed}).
     */
    public static JsLimits forHeap(long heapBytes) {
        return new JsLimits(3, 240, 2000, Math.clamp(heapBytes / 16, 8 * MIB, 64 * MIB), 4 * MIB);
    }
}
