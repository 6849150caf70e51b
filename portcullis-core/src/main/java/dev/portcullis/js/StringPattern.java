package dev.portcullis.js;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pattern the rule set looks for in decoded string literals (miner pools, wallet addresses, webhook hosts …).
 * A literal that matches yields a {@link FactKind#STRING_MATCH} fact whose detail is {@code name}.
 */
public record StringPattern(String name, Pattern pattern) {
    /** Leading inline flags, {@code (?i)}, {@code (?s)}, {@code (?is)}. */
    private static final Pattern LEADING_FLAGS = Pattern.compile("^\\(\\?([is]{1,2})\\)");

    public StringPattern {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * {@code regex} compiled with its leading inline flags ({@code (?i)…}) turned into compile flags, so the
     * prefilter ({@link PatternScreen}), which gives up on inline flags, still derives the pattern's needles.
     */
    public static Pattern compile(String regex) {
        java.util.regex.Matcher flags = LEADING_FLAGS.matcher(regex);
        if (!flags.find()) {
            return Pattern.compile(regex);
        }
        int bits = 0;
        for (char c : flags.group(1).toCharArray()) {
            bits |= c == 'i' ? Pattern.CASE_INSENSITIVE : Pattern.DOTALL;
        }
        return Pattern.compile(regex.substring(flags.end()), bits);
    }
}
