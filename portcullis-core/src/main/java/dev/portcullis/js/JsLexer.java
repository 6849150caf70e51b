package dev.portcullis.js;

/**
 * A single-pass, error-tolerant JavaScript tokenizer that produces tokens on demand into a sliding window.
 *
 * <p>Hand-written on purpose: no maintained JVM library lexes modern JavaScript (ES2024 syntax, template nesting,
 * regex literals) both fast and tolerantly, and a full parser (GraalJS, closure-compiler) runs at 15–30 MB/s per
 * core and rejects broken input outright, while facts extraction has to keep up with unpacking (~300 MB/s) and
 * must read hostile, truncated and minified code. The lexer knows what the facts need: identifiers, punctuators,
 * strings with escapes, template literals with nested substitutions, regex literals told from division by the
 * previous token, comments, numbers. It never fails: an unterminated string, regex or comment ends where the
 * language says it must (the line or the file) and is recorded as a problem.
 *
 * <p>Memory is bounded by {@link #WINDOW} tokens whatever the size of the file: the pattern layer looks at most
 * {@link #MAX_LOOKAHEAD} tokens ahead and {@link #MAX_LOOKBEHIND} behind its cursor. Template nesting uses a stack
 * of brace depths that grows only with real nesting in the input.
 */
final class JsLexer {
    static final byte NONE = 0;
    static final byte IDENT = 1;
    static final byte PUNCT = 2;
    static final byte STRING = 3;
    /** A whole template literal without substitutions: a constant like a string. */
    static final byte TEMPLATE = 4;
    /** A piece of a template literal with substitutions (head, middle or tail). */
    static final byte TEMPLATE_PART = 5;
    static final byte NUMBER = 6;
    static final byte REGEX = 7;

    static final int WINDOW = 1 << 14;
    static final int MAX_LOOKAHEAD = 4096;
    static final int MAX_LOOKBEHIND = 1024;
    /** Bracket depth beyond which the file is reported as deeply nested (real code stays far below). */
    static final int DEEP_NESTING = 1000;

    private final int window;
    private final int mask;
    private final String src;
    private final int length;
    private final byte[] types;
    private final int[] starts;
    private final int[] ends;
    private final int[] lines;
    /** Open braces (code blocks and template substitutions) before each token: depth 0 is the module's top level. */
    private final int[] depths;
    /** For identifiers of plain ASCII letters: the polynomial hash {@link Names} uses; else 0 (computed there). */
    private final int[] identHashes;
    private int produced;
    private int pos;
    private int line = 1;
    private boolean regexAllowed = true;
    /** For each open brace: 1 when it opened a template substitution {@code ${}, else 0. */
    private byte[] braceKinds = new byte[64];
    private int braceDepth;
    private int parenDepth;
    private int bracketDepth;

    /** First line of each problem, or 0. */
    int unterminatedString;
    int unterminatedTemplate;
    int unterminatedRegex;
    int unterminatedComment;
    int deepNesting;
    int unbalanced;
    /** First line of an identifier holding an invisible character, and that character, or 0. */
    int invisibleIdentifierLine;
    int invisibleIdentifierChar;
    /** First line of an invisible character between tokens (a byte-order mark mid-file), and that character, or 0. */
    int invisibleCodeLine;
    int invisibleCodeChar;

    JsLexer(String src) {
        this.src = src;
        this.length = src.length();
        // a short source (a decoded payload, an inline script) has fewer tokens than characters: a small window holds all
        this.window = Math.min(WINDOW, Integer.highestOneBit(Math.max(16, length + 2)) << 1);
        this.mask = window - 1;
        this.types = new byte[window];
        this.starts = new int[window];
        this.ends = new int[window];
        this.lines = new int[window];
        this.depths = new int[window];
        this.identHashes = new int[window];
        if (src.startsWith("#!")) {
            while (pos < length && src.charAt(pos) != '\n') {
                pos++;
            }
        }
    }

    String source() {
        return src;
    }

    /** Type of token {@code i}, lexing as far as needed; {@link #NONE} past the end or outside the window. */
    byte type(int i) {
        if (i < produced) {
            return i >= 0 && i >= produced - window ? types[i & mask] : NONE;
        }
        while (i >= produced) {
            if (!lexOne()) {
                return NONE;
            }
        }
        return types[i & mask];
    }

    /** Start of token {@code i}, which the caller has seen with a type other than NONE just before. */
    int startOf(int i) {
        return starts[i & mask];
    }

    /** End of token {@code i}, which the caller has seen with a type other than NONE just before. */
    int endOf(int i) {
        return ends[i & mask];
    }

    int start(int i) {
        return type(i) == NONE ? length : starts[i & mask];
    }

    int end(int i) {
        return type(i) == NONE ? length : ends[i & mask];
    }

    int line(int i) {
        return type(i) == NONE ? line : lines[i & mask];
    }

    /** The number of braces open before token {@code i}; 0 at the top level of the module (and past the end). */
    int braceDepth(int i) {
        return type(i) == NONE ? 0 : depths[i & mask];
    }

    /** The hash of identifier {@code i} as {@link Names#hash} computes it. */
    int identHash(int i) {
        int slot = i & mask;
        return Names.mix(identHashes[slot], ends[slot] - starts[slot]);
    }

    String text(int i) {
        return type(i) == NONE ? "" : src.substring(starts[i & mask], ends[i & mask]);
    }

    /** Whether token {@code i} is an identifier spelled {@code name}. */
    boolean isIdent(int i, String name) {
        return type(i) == IDENT && is(i, name);
    }

    /** Whether token {@code i} is the punctuator {@code p}. */
    boolean isPunct(int i, String p) {
        return type(i) == PUNCT && is(i, p);
    }

    /** Whether token {@code i} is the one-character punctuator {@code c}. */
    boolean isPunct(int i, char c) {
        return type(i) == PUNCT && ends[i & mask] - starts[i & mask] == 1 && src.charAt(starts[i & mask]) == c;
    }

    private boolean is(int i, String text) {
        int s = starts[i & mask];
        return ends[i & mask] - s == text.length() && src.startsWith(text, s);
    }

    /** Whether the whole input has been tokenized and token {@code i} is past its end. */
    boolean atEnd(int i) {
        return type(i) == NONE && i >= produced;
    }

    /** Lexes everything left, so that the problem fields are final. */
    void finish() {
        while (lexOne()) {
            // only the problem fields matter now
        }
    }

    private void emit(byte type, int start, int end, int atLine) {
        assert start <= end && end <= length : "token " + start + ".." + end + " outside " + length;
        int slot = produced & mask;
        types[slot] = type;
        starts[slot] = start;
        ends[slot] = end;
        lines[slot] = atLine;
        depths[slot] = braceDepth;
        produced++;
    }

    /** Lexes the next token; false at the end of the input. */
    private boolean lexOne() {
        while (pos < length) {
            char c = src.charAt(pos);
            switch (c) {
                case '\n' -> {
                    line++;
                    pos++;
                }
                case '\r' -> {
                    if (pos + 1 >= length || src.charAt(pos + 1) != '\n') {
                        line++;
                    }
                    pos++;
                }
                case ' ', '\t', '\f', 0x0B -> pos++;
                case '/' -> {
                    char n = pos + 1 < length ? src.charAt(pos + 1) : 0;
                    if (n == '/') {
                        skipLineComment();
                    } else if (n == '*') {
                        skipBlockComment();
                    } else if (regexAllowed) {
                        return regex();
                    } else {
                        return punct();
                    }
                }
                case '\'', '"' -> {
                    return string(c);
                }
                case '`' -> {
                    return template(pos, true);
                }
                default -> {
                    if (c < 128) {
                        if (isIdentStart(c) || c == '\\') {
                            return identifier();
                        }
                        if (c >= '0' && c <= '9' || c == '.' && pos + 1 < length && isDigit(src.charAt(pos + 1))) {
                            return number();
                        }
                        if (c == '#' && pos + 1 < length && isIdentStart(src.charAt(pos + 1))) {
                            pos++;
                            return identifier();
                        }
                        return punct();
                    }
                    if (c == 0x2028 || c == 0x2029) {
                        line++;
                        pos++;
                    } else if (Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c)
                            || isInvisibleIdentifierChar(c) || Character.isSurrogate(c)) {
                        return identifier();
                    } else {
                        // other non-ASCII (NBSP, BOM, bidi controls): whitespace to the lexer; the Unicode scan reports
                        // bidi controls anywhere, a byte-order mark only here, in code (inside a string it is a BOM check)
                        if (c == 0xFEFF && pos > 0 && invisibleCodeLine == 0) {
                            invisibleCodeLine = line;
                            invisibleCodeChar = c;
                        }
                        pos++;
                    }
                }
            }
        }
        if (braceDepth + parenDepth + bracketDepth != 0 && unbalanced == 0) {
            unbalanced = line;
        }
        return false;
    }

    private void skipLineComment() {
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
                return;
            }
            pos++;
        }
    }

    private void skipBlockComment() {
        int startLine = line;
        int close = src.indexOf("*/", pos + 2);
        int end = close < 0 ? length : close + 2;
        for (int i = pos; i < end; i++) {
            char c = src.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= length || src.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        if (close < 0 && unterminatedComment == 0) {
            unterminatedComment = startLine;
        }
        pos = end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static final boolean[] IDENT_PART = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            IDENT_PART[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
        }
    }

    private static boolean isIdentPartAscii(char c) {
        return c < 128 && IDENT_PART[c];
    }

    /** Zero-width joiners and Hangul fillers: valid in identifiers, invisible on screen. */
    static boolean isInvisibleIdentifierChar(char c) {
        return c == 0x200C || c == 0x200D || c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0;
    }

    private boolean identifier() {
        int start = pos;
        int h = 0;
        while (pos < length) {
            char c = src.charAt(pos);
            if (c < 128) {
                if (IDENT_PART[c]) {
                    h = 31 * h + c;
                    pos++;
                } else if (c == '\\' && pos + 1 < length && src.charAt(pos + 1) == 'u') {
                    h = 31 * (31 * h + c) + 'u';
                    pos += 2;
                } else {
                    break;
                }
            } else if (isInvisibleIdentifierChar(c)) {
                if (invisibleIdentifierLine == 0) {
                    invisibleIdentifierLine = line;
                    invisibleIdentifierChar = c;
                }
                h = 31 * h + c;
                pos++;
            } else if (Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c) || Character.isSurrogate(c)) {
                h = 31 * h + c;
                pos++;
            } else {
                break;
            }
        }
        if (pos == start) {
            pos++;
        }
        emit(IDENT, start, pos, line);
        identHashes[(produced - 1) & mask] = h;
        regexAllowed = keywordBeforeExpression(start, pos);
        return true;
    }

    /** Keywords after which a {@code /} starts a regex rather than a division. */
    private boolean keywordBeforeExpression(int start, int end) {
        int len = end - start;
        if (len < 2 || len > 10) {
            return false;
        }
        char c = src.charAt(start);
        return switch (c) {
            case 'i' -> len == 2 && src.charAt(start + 1) == 'n' || len == 10 && src.startsWith("instanceof", start);
            case 'd' -> len == 2 && src.charAt(start + 1) == 'o' || len == 6 && src.startsWith("delete", start);
            case 'o' -> len == 2 && src.charAt(start + 1) == 'f';
            case 'n' -> len == 3 && src.startsWith("new", start);
            case 'c' -> len == 4 && src.startsWith("case", start);
            case 'v' -> len == 4 && src.startsWith("void", start);
            case 'e' -> len == 4 && src.startsWith("else", start);
            case 't' -> len == 5 && src.startsWith("throw", start) || len == 6 && src.startsWith("typeof", start);
            case 'y' -> len == 5 && src.startsWith("yield", start);
            case 'a' -> len == 5 && src.startsWith("await", start);
            case 'r' -> len == 6 && src.startsWith("return", start);
            default -> false;
        };
    }

    private boolean number() {
        int start = pos;
        boolean hex = src.charAt(pos) == '0' && pos + 1 < length && (src.charAt(pos + 1) | 0x20) == 'x';
        pos++;
        while (pos < length) {
            char c = src.charAt(pos);
            if (isIdentPartAscii(c) || c == '.') {
                pos++;
            } else if ((c == '+' || c == '-') && !hex && (src.charAt(pos - 1) | 0x20) == 'e') {
                pos++;
            } else {
                break;
            }
        }
        emit(NUMBER, start, pos, line);
        regexAllowed = false;
        return true;
    }

    private boolean string(char quote) {
        int start = pos;
        int atLine = line;
        pos++;
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                emit(STRING, start, pos, atLine);
                regexAllowed = false;
                return true;
            }
            if (c == '\\') {
                pos++;
                if (pos < length) {
                    char e = src.charAt(pos);
                    if (e == '\n' || e == '\r' && (pos + 1 >= length || src.charAt(pos + 1) != '\n')) {
                        line++;
                    }
                    pos++;
                }
            } else if (c == '\n' || c == '\r') {
                break;
            } else {
                pos++;
            }
        }
        if (unterminatedString == 0) {
            unterminatedString = atLine;
        }
        emit(STRING, start, pos, atLine);
        regexAllowed = false;
        return true;
    }

    /**
     * A template piece from {@code start} (at a backtick, or at the {@code }} ending a substitution) to the closing
     * backtick or the next {@code ${}.
     */
    private boolean template(int start, boolean head) {
        int atLine = line;
        pos = start + 1;
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == '`') {
                pos++;
                emit(head ? TEMPLATE : TEMPLATE_PART, start, pos, atLine);
                regexAllowed = false;
                return true;
            }
            if (c == '$' && pos + 1 < length && src.charAt(pos + 1) == '{') {
                pos += 2;
                emit(TEMPLATE_PART, start, pos, atLine);
                pushBrace((byte) 1);
                regexAllowed = true;
                return true;
            }
            if (c == '\\') {
                if (pos + 1 >= length) {
                    // a backslash as the last character of the file: the template is cut off here
                    pos = length;
                    break;
                }
                pos++;
                if (src.charAt(pos) == '\n') {
                    line++;
                }
            } else if (c == '\n') {
                line++;
            }
            pos++;
        }
        if (unterminatedTemplate == 0) {
            unterminatedTemplate = atLine;
        }
        emit(head ? TEMPLATE : TEMPLATE_PART, start, pos, atLine);
        regexAllowed = false;
        return true;
    }

    private void pushBrace(byte kind) {
        if (braceDepth == braceKinds.length) {
            braceKinds = java.util.Arrays.copyOf(braceKinds, braceDepth * 2);
        }
        braceKinds[braceDepth++] = kind;
        nesting();
    }

    private void nesting() {
        if (deepNesting == 0 && braceDepth + parenDepth + bracketDepth > DEEP_NESTING) {
            deepNesting = line;
        }
    }

    private boolean regex() {
        int start = pos;
        int atLine = line;
        pos++;
        boolean inClass = false;
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                pos++;
                while (pos < length && isIdentPartAscii(src.charAt(pos))) {
                    pos++;
                }
                emit(REGEX, start, pos, atLine);
                regexAllowed = false;
                return true;
            }
            pos++;
        }
        // Not a regex after all (or a broken one): read the slash as division and go on from the next character.
        if (unterminatedRegex == 0) {
            unterminatedRegex = atLine;
        }
        pos = start;
        return punct();
    }

    private boolean punct() {
        int start = pos;
        char c = src.charAt(pos);
        int len = punctLength(c);
        pos = Math.min(length, pos + len);
        emit(PUNCT, start, pos, line);
        regexAllowed = true;
        switch (c) {
            case '(' -> {
                parenDepth++;
                nesting();
            }
            case '[' -> {
                bracketDepth++;
                nesting();
            }
            case '{' -> pushBrace((byte) 0);
            case ')' -> {
                parenDepth = Math.max(0, parenDepth - 1);
                regexAllowed = false;
            }
            case ']' -> {
                bracketDepth = Math.max(0, bracketDepth - 1);
                regexAllowed = false;
            }
            case '}' -> {
                if (braceDepth == 0) {
                    if (unbalanced == 0) {
                        // a closing brace without an opening one is tolerated but recorded once
                        unbalanced = line;
                    }
                } else if (braceKinds[--braceDepth] == 1) {
                    // the end of a template substitution: the template goes on; replace this token by the piece
                    produced--;
                    return template(start, false);
                }
            }
            default -> {
                // operators: an expression follows
            }
        }
        return true;
    }

    private int punctLength(char c) {
        char n = pos + 1 < length ? src.charAt(pos + 1) : 0;
        char m = pos + 2 < length ? src.charAt(pos + 2) : 0;
        switch (c) {
            case '.' -> {
                return n == '.' && m == '.' ? 3 : 1;
            }
            case '=', '!' -> {
                if (n == '=') {
                    return m == '=' ? 3 : 2;
                }
                return c == '=' && n == '>' ? 2 : 1;
            }
            case '<', '>' -> {
                if (n == '=') {
                    return 2;
                }
                if (n == c) {
                    if (c == '>' && m == '>') {
                        return pos + 3 < length && src.charAt(pos + 3) == '=' ? 4 : 3;
                    }
                    return m == '=' ? 3 : 2;
                }
                return 1;
            }
            case '&', '|', '?', '*' -> {
                if (n == c) {
                    return m == '=' ? 3 : 2;
                }
                if (c == '?' && n == '.' && !(m >= '0' && m <= '9')) {
                    return 2;
                }
                return n == '=' ? 2 : 1;
            }
            case '+', '-' -> {
                return n == c || n == '=' ? 2 : 1;
            }
            case '/', '%', '^' -> {
                return n == '=' ? 2 : 1;
            }
            default -> {
                return 1;
            }
        }
    }
}
