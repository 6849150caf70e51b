package dev.portcullis.semver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The few JavaScript string operations node-semver relies on, with JavaScript's (not Java's) semantics. */
final class Js {
    private Js() {
    }

    static boolean isWhitespace(char c) {
        return SemverPatterns.JS_WHITESPACE.indexOf(c) >= 0;
    }

    /** {@code String.prototype.trim}: Unicode white space, where Java's trim removes control characters. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code s.split(separator)} with a literal separator: keeps every empty piece. */
    static List<String> split(String s, String separator) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int at = s.indexOf(separator); at >= 0; at = s.indexOf(separator, from)) {
            pieces.add(s.substring(from, at));
            from = at + separator.length();
        }
        pieces.add(s.substring(from));
        return pieces;
    }

    /** {@code s.split(/\s+/)}: a non-empty separator, so a leading and a trailing empty piece are kept. */
    static List<String> splitWhitespace(String s) {
        return List.of(SemverPatterns.WHITESPACE_RUN.split(s, -1));
    }

    /** {@code s.replace(/\s+/g, ' ')}. */
    static String collapseWhitespace(String s) {
        return SemverPatterns.WHITESPACE_RUN.matcher(s).replaceAll(" ");
    }

    /** node-semver's isX; a group that took no part in the match is null, as JavaScript's undefined. */
    static boolean isX(String id) {
        return id == null || id.isEmpty() || id.equalsIgnoreCase("x") || id.equals("*");
    }

    /**
     * {@code String(+digits + 1)}: exact below 2^53, rounded like a JavaScript number above, and from 1e21 in
     * JavaScript's exponent form ({@code 1e+21}, {@code 1.2345e+22}), which node-semver then pastes into comparators.
     */
    static String plusOne(String digits) {
        double value = Double.parseDouble(digits) + 1;
        // Java's Double.toString and JavaScript both print the shortest digits that round-trip
        String java = Double.toString(value);
        if (value < 1e21) {
            return new BigDecimal(java).toBigInteger().toString();
        }
        int e = java.indexOf('E');
        String mantissa = java.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e+" + java.substring(e + 1);
    }
}
