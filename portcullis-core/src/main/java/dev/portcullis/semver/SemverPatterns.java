package dev.portcullis.semver;

import java.util.regex.Pattern;

/**
 * node-semver 7's regular expressions ({@code internal/re.js}), in its "safe" form: every {@code \s*},
 * {@code \d+} and identifier repetition is bounded, which node-semver relies on (with whitespace collapsed first) to
 * avoid catastrophic backtracking, and so do we. Sources are kept as in re.js and translated once: JavaScript's
 * {@code \s} (Unicode white space) becomes an explicit class and {@code $} becomes {@code \z}, because Java's
 * {@code \s} is ASCII-only and its {@code $} also matches before a final line terminator.
 */
final class SemverPatterns {
    private SemverPatterns() {
    }

    /** The characters JavaScript's {@code \s} and {@code String.prototype.trim} treat as white space. */
    static final String JS_WHITESPACE = "\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
            + "\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";
    private static final String WS_CLASS_BODY = "\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}"
            + "\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";

    private static final int MAX_LENGTH = Version.MAX_LENGTH;
    /** MAX_LENGTH minus the six characters of the shortest version with a build, {@code 0.0.0+}. */
    private static final int MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    private static final String LETTERDASHNUMBER = "[a-zA-Z0-9-]";

    private static final String NUMERICIDENTIFIER = "0|[1-9]\\d*";
    private static final String NUMERICIDENTIFIERLOOSE = "\\d+";
    private static final String NONNUMERICIDENTIFIER = "\\d*[a-zA-Z-]" + LETTERDASHNUMBER + "*";
    private static final String MAINVERSION = "(" + NUMERICIDENTIFIER + ")\\.(" + NUMERICIDENTIFIER + ")\\.("
            + NUMERICIDENTIFIER + ")";
    private static final String MAINVERSIONLOOSE = "(" + NUMERICIDENTIFIERLOOSE + ")\\.(" + NUMERICIDENTIFIERLOOSE
            + ")\\.(" + NUMERICIDENTIFIERLOOSE + ")";
    private static final String PRERELEASEIDENTIFIER = "(?:" + NONNUMERICIDENTIFIER + "|" + NUMERICIDENTIFIER + ")";
    private static final String PRERELEASEIDENTIFIERLOOSE = "(?:" + NONNUMERICIDENTIFIER + "|"
            + NUMERICIDENTIFIERLOOSE + ")";
    // The repeated dot-identifier groups are possessive (*+): java.util.regex recurses once per repetition of a
    // group with alternation, so "1.2.3-a.a.a…" overflowed the stack. Nothing after them can start with '.', so
    // giving back repetitions never changes whether the whole pattern matches.
    private static final String PRERELEASE = "(?:-(" + PRERELEASEIDENTIFIER + "(?:\\." + PRERELEASEIDENTIFIER + ")*+))";
    private static final String PRERELEASELOOSE = "(?:-?(" + PRERELEASEIDENTIFIERLOOSE + "(?:\\."
            + PRERELEASEIDENTIFIERLOOSE + ")*+))";
    private static final String BUILDIDENTIFIER = LETTERDASHNUMBER + "+";
    private static final String BUILD_SRC = "(?:\\+(" + BUILDIDENTIFIER + "(?:\\." + BUILDIDENTIFIER + ")*+))";
    private static final String FULLPLAIN = "v?" + MAINVERSION + PRERELEASE + "?" + BUILD_SRC + "?";
    private static final String LOOSEPLAIN = "[v=\\s]*" + MAINVERSIONLOOSE + PRERELEASELOOSE + "?" + BUILD_SRC + "?";
    private static final String GTLT = "((?:<|>)?=?)";
    private static final String XRANGEIDENTIFIERLOOSE = NUMERICIDENTIFIERLOOSE + "|x|X|\\*";
    private static final String XRANGEIDENTIFIER = NUMERICIDENTIFIER + "|x|X|\\*";
    private static final String XRANGEPLAIN = "[v=\\s]*(" + XRANGEIDENTIFIER + ")(?:\\.(" + XRANGEIDENTIFIER
            + ")(?:\\.(" + XRANGEIDENTIFIER + ")(?:" + PRERELEASE + ")?" + BUILD_SRC + "?)?)?";
    private static final String XRANGEPLAINLOOSE = "[v=\\s]*(" + XRANGEIDENTIFIERLOOSE + ")(?:\\.("
            + XRANGEIDENTIFIERLOOSE + ")(?:\\.(" + XRANGEIDENTIFIERLOOSE + ")(?:" + PRERELEASELOOSE + ")?"
            + BUILD_SRC + "?)?)?";
    private static final String LONETILDE = "(?:~>?)";
    private static final String LONECARET = "(?:\\^)";

    static final Pattern FULL = safe("^" + FULLPLAIN + "$");
    static final Pattern LOOSE = safe("^" + LOOSEPLAIN + "$");
    static final Pattern XRANGE = safe("^" + GTLT + "\\s*" + XRANGEPLAIN + "$");
    static final Pattern XRANGELOOSE = safe("^" + GTLT + "\\s*" + XRANGEPLAINLOOSE + "$");
    static final Pattern TILDETRIM = safe("(\\s*)" + LONETILDE + "\\s+");
    static final Pattern TILDE = safe("^" + LONETILDE + XRANGEPLAIN + "$");
    static final Pattern TILDELOOSE = safe("^" + LONETILDE + XRANGEPLAINLOOSE + "$");
    static final Pattern CARETTRIM = safe("(\\s*)" + LONECARET + "\\s+");
    static final Pattern CARET = safe("^" + LONECARET + XRANGEPLAIN + "$");
    static final Pattern CARETLOOSE = safe("^" + LONECARET + XRANGEPLAINLOOSE + "$");
    static final Pattern COMPARATORLOOSE = safe("^" + GTLT + "\\s*(" + LOOSEPLAIN + ")$|^$");
    static final Pattern COMPARATOR = safe("^" + GTLT + "\\s*(" + FULLPLAIN + ")$|^$");
    static final Pattern HYPHENRANGE = safe("^\\s*(" + XRANGEPLAIN + ")\\s+-\\s+(" + XRANGEPLAIN + ")\\s*$");
    static final Pattern HYPHENRANGELOOSE = safe("^\\s*(" + XRANGEPLAINLOOSE + ")\\s+-\\s+(" + XRANGEPLAINLOOSE
            + ")\\s*$");
    static final Pattern STAR = safe("(<|>)?=?\\s*\\*");
    static final Pattern GTE0 = safe("^\\s*>=\\s*0\\.0\\.0\\s*$");
    static final Pattern GTE0PRE = safe("^\\s*>=\\s*0\\.0\\.0-0\\s*$");
    static final Pattern BUILD = safe(BUILD_SRC);
    /** Range parsing strips build metadata with the unbounded source, as node-semver's BUILDSTRIPRE does. */
    static final Pattern BUILDSTRIP = Pattern.compile(java(BUILD_SRC));
    static final Pattern WHITESPACE_RUN = Pattern.compile("[" + WS_CLASS_BODY + "]+");

    /** node-semver's makeSafeRegex: bounds the repetitions of white space, digits and identifier characters. */
    private static Pattern safe(String source) {
        String s = source;
        String[][] tokens = {{"\\s", "1"}, {"\\d", Integer.toString(MAX_LENGTH)},
                {LETTERDASHNUMBER, Integer.toString(MAX_SAFE_BUILD_LENGTH)}};
        for (String[] token : tokens) {
            s = s.replace(token[0] + "*", token[0] + "{0," + token[1] + "}")
                    .replace(token[0] + "+", token[0] + "{1," + token[1] + "}");
        }
        return Pattern.compile(java(s));
    }

    private static String java(String jsSource) {
        return jsSource.replace("[v=\\s]", "[v=" + WS_CLASS_BODY + "]")
                .replace("\\s", "[" + WS_CLASS_BODY + "]")
                .replace("$", "\\z");
    }
}
