package dev.portcullis.js;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the facts of one file under its limits: the same fact on the same line once, at most
 * {@link JsLimits#maxFactsPerFile()} facts, bounded evidence, and a budget for decoded payloads shared by all
 * nesting levels.
 */
final class FactSink {
    private final JsOptions options;
    private final List<Fact> facts = new ArrayList<>();
    private final Set<Key> seen = new HashSet<>();
    private final Set<String> once = new HashSet<>();
    private long decodedBudget;
    private int dropped;
    private int nesting;
    private int currentLine;
    private int budgetLine = -1;
    private int overflowLine;

    FactSink(JsOptions options) {
        this.options = options;
        this.decodedBudget = options.limits().maxDecodedBytes();
    }

    JsOptions options() {
        return options;
    }

    JsLimits limits() {
        return options.limits();
    }

    void add(FactKind kind, int line, String detail, String evidence, int depth) {
        // facts about a literal's value are told apart by that value; facts about code by what they say
        if (!seen.add(new Key(kind, line, depth, detail, byValue(kind) ? evidence : ""))) {
            return;
        }
        if (facts.size() >= options.limits().maxFactsPerFile() - 1) {
            if (dropped++ == 0) {
                overflowLine = line;
            }
            return;
        }
        facts.add(new Fact(kind, Math.max(0, line), bound(detail, 200), bound(evidence, options.limits().maxEvidenceChars()), depth));
    }

    private record Key(FactKind kind, int line, int depth, String detail, String value) {
    }

    private static boolean byValue(FactKind kind) {
        return kind == FactKind.ENCODED_PAYLOAD || kind == FactKind.STRING_MATCH || kind == FactKind.SENSITIVE_PATH;
    }

    /**
     * Whether this fact about code was added already; lets callers skip building its evidence, which on a
     * minified line repeating the same call a million times is most of the work.
     */
    boolean has(FactKind kind, int line, String detail, int depth) {
        return !byValue(kind) && seen.contains(new Key(kind, line, depth, detail, ""));
    }

    /** Adds the fact only the first time this kind and detail are seen in the file. */
    void addOnce(FactKind kind, int line, String detail, String evidence, int depth) {
        if (once.add(kind.ordinal() + "\u0000" + detail)) {
            add(kind, line, detail, evidence, depth);
        }
    }

    boolean full() {
        return dropped > 0;
    }

    /**
     * Enters one more level of analysing code found in code (payloads, eval'd strings, inline scripts of commands);
     * false beyond a fixed bound, which keeps mutual recursion of JavaScript and command analysis finite.
     */
    boolean enter() {
        if (nesting >= options.limits().maxDecodeDepth() + 4) {
            return false;
        }
        nesting++;
        return true;
    }

    void exit() {
        nesting--;
    }

    /** Takes {@code chars} from the decoded-payload budget; false when it is spent. */
    boolean spendDecoded(int chars) {
        if (decodedBudget < chars) {
            if (decodedBudget >= 0) {
                budgetLine = currentLine;
            }
            decodedBudget = -1;
            return false;
        }
        decodedBudget -= chars;
        return true;
    }

    /** Whether decoding may go on: false once the budget is spent, so that a file of many payloads stays cheap. */
    boolean mayDecode(int line) {
        currentLine = line;
        return decodedBudget >= 0;
    }

    /** The facts in order of line, then of appearance, with an UNPARSABLE fact for facts dropped at the limit. */
    List<Fact> facts() {
        List<Fact> out = new ArrayList<>(facts);
        if (budgetLine >= 0) {
            out.add(new Fact(FactKind.UNPARSABLE, budgetLine, "decode-budget", "decoded payloads beyond "
                    + options.limits().maxDecodedBytes() + " characters not analysed", 0));
        }
        if (dropped > 0) {
            out.add(new Fact(FactKind.UNPARSABLE, overflowLine, "too-many-facts",
                    dropped + " more facts dropped at the limit of " + options.limits().maxFactsPerFile(), 0));
        }
        out.sort(Comparator.comparingInt(Fact::line));
        return out;
    }

    /** One line of at most {@code max} characters: newlines and control characters escaped, long text cut with …. */
    static String bound(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        int i = 0;
        for (; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
                            || c >= 0x200B && c <= 0x200D || c == 0xFEFF) {
                        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, text.charAt(i + 1));
                        if (cp >= 0xE0000 && cp <= 0xE007F) {
                            out.append("\\u{").append(Integer.toHexString(cp)).append('}');
                        } else {
                            out.append(c).append(text.charAt(i + 1));
                        }
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        boolean cut = i < text.length() || out.length() > max;
        if (cut) {
            out.setLength(max - 1);
            if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1);
            }
            out.append('…');
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
