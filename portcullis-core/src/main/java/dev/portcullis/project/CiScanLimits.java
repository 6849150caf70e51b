package dev.portcullis.project;

/**
 * Bounds on how much of a CI file, Dockerfile, Makefile or script the CI check reads, so hostile or generated
 * files cost bounded time and memory. Text beyond a limit is not scanned; nothing is thrown.
 *
 * @param maxFileChars characters of one file (or one package.json script) that are scanned; the rest is ignored
 * @param maxLineChars characters of one physical line that are scanned; the rest of that line is ignored
 * @param maxNesting how deeply command substitutions, subshells and {@code sh -c} strings are looked into
 */
public record CiScanLimits(int maxFileChars, int maxLineChars, int maxNesting) {
    public CiScanLimits {
        if (maxFileChars < 1 || maxLineChars < 1 || maxNesting < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxFileChars + ", " + maxLineChars
                    + ", " + maxNesting);
        }
    }

    /** Generous for hand-written CI files (the largest real workflows are tens of kilobytes). */
    public static CiScanLimits defaults() {
        return new CiScanLimits(1 << 20, 16 << 10, 8);
    }

    /** The text cut to the file limit, and each line cut to the line limit; line numbers are kept. */
    String bound(String text) {
        int end = Math.min(text.length(), maxFileChars);
        StringBuilder out = null;
        int lineStart = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || text.charAt(i) == '\n') {
                if (i - lineStart > maxLineChars) {
                    if (out == null) {
                        out = new StringBuilder(end).append(text, 0, lineStart);
                    }
                    out.append(text, lineStart, lineStart + maxLineChars);
                } else if (out != null) {
                    out.append(text, lineStart, i);
                }
                if (i < end && out != null) {
                    out.append('\n');
                }
                lineStart = i + 1;
            }
        }
        return out != null ? out.toString() : text.substring(0, end);
    }
}
