package dev.portcullis.js;

/**
 * Decoding of string and template literal text as JavaScript reads it: {@code \xHH}, {@code \\uHHHH},
 * {@code \\u{H…}}, legacy octal escapes, the single-character escapes and line continuations. Obfuscated code hides
 * module names and payloads this way ({@code '\x63\x68\x69\x6c\x64\x5f\x70\x72\x6f\x63\x65\x73\x73'}).
 */
final class Literals {
    private Literals() {
    }

    /** A decoded literal: its value and how many escapes it used. */
    record Decoded(String value, int escapes) {
    }

    /**
     * The value of the literal whose source text (quotes, backticks or template delimiters included) runs from
     * {@code start} to {@code end} in {@code src}.
     */
    static Decoded decode(String src, int start, int end) {
        int from = start;
        int to = end;
        char open = src.charAt(from);
        if (open == '\'' || open == '"' || open == '`' || open == '}') {
            from++;
        }
        if (to > from) {
            char last = src.charAt(to - 1);
            if (last == open && open != '}' || last == '`') {
                to--;
            } else if (last == '{' && to - 2 >= from && src.charAt(to - 2) == '$') {
                to -= 2;
            }
        }
        int backslash = from;
        while (backslash < to && src.charAt(backslash) != '\\') {
            backslash++;
        }
        if (backslash >= to) {
            return new Decoded(src.substring(from, to), 0);
        }
        StringBuilder out = new StringBuilder(to - from);
        int escapes = 0;
        int i = from;
        while (i < to) {
            char c = src.charAt(i);
            if (c != '\\' || i + 1 >= to) {
                out.append(c);
                i++;
                continue;
            }
            escapes++;
            char e = src.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                case '\r' -> {
                    if (i < to && src.charAt(i) == '\n') {
                        i++;
                    }
                }
                case '\n', '\u2028', '\u2029' -> {
                    // line continuation: nothing
                }
                case 'x' -> {
                    int v = hex(src, i, Math.min(to, i + 2), 2);
                    if (v >= 0) {
                        out.append((char) v);
                        i += 2;
                    } else {
                        out.append('x');
                    }
                }
                case 'u' -> {
                    if (i < to && src.charAt(i) == '{') {
                        int close = i;
                        while (close < to && close - i <= 8 && src.charAt(close) != '}') {
                            close++;
                        }
                        int v = close > i && close < to && close - i <= 7 ? hex(src, i + 1, close, close - i - 1) : -1;
                        if (v >= 0 && v <= Character.MAX_CODE_POINT) {
                            out.appendCodePoint(v);
                            i = close + 1;
                        } else {
                            out.append('u');
                        }
                    } else {
                        int v = hex(src, i, Math.min(to, i + 4), 4);
                        if (v >= 0) {
                            out.append((char) v);
                            i += 4;
                        } else {
                            out.append('u');
                        }
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int max = e <= '3' ? 2 : 1;
                        for (int k = 0; k < max && i < to && src.charAt(i) >= '0' && src.charAt(i) <= '7'; k++) {
                            v = v * 8 + src.charAt(i++) - '0';
                        }
                        out.append((char) v);
                    } else {
                        out.append(e);
                    }
                }
            }
        }
        return new Decoded(out.toString(), escapes);
    }

    /** The value of exactly {@code digits} hex digits from {@code from}, or -1. */
    private static int hex(String s, int from, int to, int digits) {
        if (to - from != digits || digits == 0) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
