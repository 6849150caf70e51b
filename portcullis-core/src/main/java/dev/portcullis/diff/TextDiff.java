package dev.portcullis.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.portcullis.tarball.TarballFile;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * How two versions of one file are shown: whether they are text, and the unified diff of text (java-diff-utils, in
 * linear space, so that two unrelated files of the size limit cost time proportional to their lines, not memory
 * proportional to its square); the hunks are written here, in git's layout.
 */
final class TextDiff {
    /** git's rule: a NUL among the first 8000 bytes makes a file binary. */
    private static final int BINARY_PROBE = 8000;
    /** A line this long is not written by hand. */
    private static final int MINIFIED_LINE = 1_000;

    private TextDiff() {
    }

    static boolean binary(TarballFile file) {
        if (file == null) {
            return false;
        }
        ByteBuffer bytes = file.buffer();
        int n = Math.min(bytes.remaining(), BINARY_PROBE);
        for (int i = 0; i < n; i++) {
            if (bytes.get(i) == 0) {
                return true;
            }
        }
        return false;
    }

    /** A machine-generated file: few lines, one of them very long, most of its bytes in long lines. */
    static boolean minified(String text) {
        long longBytes = 0;
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            lines++;
            if (line.length() >= MINIFIED_LINE) {
                longBytes += line.length();
            }
        }
        return longBytes > 0 && longBytes * 2 >= text.length() && lines < text.length() / 200 + 2;
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    /**
     * The unified diff of {@code from} (null: absent) and {@code to} (null: absent), headers included, as git
     * writes it: removed lines before added ones within a change, {@code -0,0} for an empty side.
     */
    static List<String> unified(String path, List<String> from, List<String> to, int context) {
        List<String> a = from == null ? List.of() : from;
        List<String> b = to == null ? List.of() : to;
        // the lines both share at the start and the end are no change: only the middle is diffed, which is most
        // of the time (an edit in a large file costs its size, not its size times the edit's distance)
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        Patch<String> patch = DiffUtils.diff(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix),
                new MyersDiffWithLinearSpace<>());
        List<int[]> changes = new ArrayList<>();
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int[] change = {prefix + delta.getSource().getPosition(), delta.getSource().size(),
                    prefix + delta.getTarget().getPosition(), delta.getTarget().size()};
            int[] last = changes.isEmpty() ? null : changes.getLast();
            if (last != null && last[0] + last[1] == change[0] && last[2] + last[3] == change[2]) {
                last[1] += change[1];
                last[3] += change[3];
            } else {
                changes.add(change);
            }
        }
        List<String> out = new ArrayList<>();
        if (changes.isEmpty()) {
            return out;
        }
        out.add("--- " + (from == null ? "/dev/null" : "a/" + path));
        out.add("+++ " + (to == null ? "/dev/null" : "b/" + path));
        int i = 0;
        while (i < changes.size()) {
            int j = i;
            while (j + 1 < changes.size() && changes.get(j + 1)[0] - (changes.get(j)[0] + changes.get(j)[1])
                    <= 2 * context) {
                j++;
            }
            int start = Math.max(0, changes.get(i)[0] - context);
            int end = Math.min(a.size(), changes.get(j)[0] + changes.get(j)[1] + context);
            int offset = changes.get(i)[2] - changes.get(i)[0];
            int targetStart = start + offset;
            int targetLength = end - start + changes.subList(i, j + 1).stream().mapToInt(c -> c[3] - c[1]).sum();
            out.add("@@ -" + range(start, end - start) + " +" + range(targetStart, targetLength) + " @@");
            int at = start;
            for (int k = i; k <= j; k++) {
                int[] c = changes.get(k);
                for (; at < c[0]; at++) {
                    out.add(" " + a.get(at));
                }
                for (int n = 0; n < c[1]; n++) {
                    out.add("-" + a.get(c[0] + n));
                }
                for (int n = 0; n < c[3]; n++) {
                    out.add("+" + b.get(c[2] + n));
                }
                at = c[0] + c[1];
            }
            for (; at < end; at++) {
                out.add(" " + a.get(at));
            }
            i = j + 1;
        }
        return out;
    }

    /** {@code start+1,length} as a hunk header writes a range; an empty range starts at the line before it. */
    private static String range(int start, int length) {
        return (length == 0 ? start : start + 1) + "," + length;
    }
}
