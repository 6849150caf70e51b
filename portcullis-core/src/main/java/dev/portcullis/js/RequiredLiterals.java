package dev.portcullis.js;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Literal strings one of which occurs in every match of a regular expression: {@code (minexmr|nanopool)\.(com|org)}
 * needs {@code "minexmr."} or {@code "nanopool."} (or their {@code com}/{@code org} continuations). A string that
 * contains none of them cannot match, so the expression need not run on it.
 *
 * <p>Hand-written: {@link java.util.regex.Pattern} keeps its parse tree private, and the regex libraries that expose
 * one (RE2/J, dk.brics) parse a different dialect. The walk covers the subset the rule files use — sequences,
 * alternation, groups, quantifiers, character classes, escapes, anchors, lookaround — and gives up (returns
 * {@code null}) on anything else: flags, {@code \Q…\E}, {@code \p{…}}, non-ASCII literals. Giving up is always safe,
 * since the pattern then keeps running on every string.
 */
final class RequiredLiterals {
    /** Needles shorter than this screen out too little to be worth a pass. */
    static final int MIN_LENGTH = 3;
    /** Cross products of alternatives beyond this many strings are cut short. */
    private static final int MAX_SET = 64;
    /** A match length without bound. */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String re;
    private int pos;
    private int depth;
    /** The needle candidates of the top-level sequence's pieces: every one is required when there is no top-level |. */
    private final List<Set<String>> pieces = new ArrayList<>();
    /** Where the top-level {@code |} are. */
    private final List<Integer> bars = new ArrayList<>();

    private RequiredLiterals(String re) {
        this.re = re;
    }

    /**
     * The needles of {@code pattern} (every match contains one of them, each at least {@link #MIN_LENGTH} ASCII
     * characters), or {@code null} when none can be derived. For a {@link Pattern#CASE_INSENSITIVE} pattern they are
     * in lower case and must be looked for regardless of case.
     */
    static Set<String> of(Pattern pattern) {
        List<Set<String>> all = allOf(pattern);
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * Needle sets that must all be present: every match contains one needle of each ({@code \.aws[/\\](?:credentials|config)}
     * needs {@code ".aws"} and one of {@code "credentials"}, {@code "config"}). The best set comes first; empty when
     * none can be derived. Several sets come only from the pieces of a pattern without top-level alternation.
     */
    static List<Set<String>> allOf(Pattern pattern) {
        if ((pattern.flags() & ~(Pattern.MULTILINE | Pattern.DOTALL | Pattern.CASE_INSENSITIVE)) != 0) {
            return List.of();
        }
        try {
            RequiredLiterals walk = new RequiredLiterals(pattern.pattern());
            Node node = walk.alternation();
            if (walk.pos != walk.re.length()) {
                return List.of();
            }
            List<Set<String>> out = new ArrayList<>();
            usable(node.required(), pattern, out);
            if (walk.bars.isEmpty()) {
                for (Set<String> candidate : walk.pieces) {
                    usable(candidate, pattern, out);
                }
            }
            return out;
        } catch (Unsupported e) {
            return List.of();
        }
    }

    /** Adds {@code needles} to {@code out} when they are long enough and ASCII, in lower case for a case-blind pattern. */
    private static void usable(Set<String> needles, Pattern pattern, List<Set<String>> out) {
        if (needles == null || minLength(needles) < MIN_LENGTH) {
            return;
        }
        for (String needle : needles) {
            for (int i = 0; i < needle.length(); i++) {
                if (needle.charAt(i) >= 128) {
                    return;
                }
            }
        }
        Set<String> set = needles;
        if ((pattern.flags() & Pattern.CASE_INSENSITIVE) != 0) {
            set = new LinkedHashSet<>();
            for (String n : needles) {
                set.add(n.toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!out.contains(set)) {
            out.add(set);
        }
    }

    /**
     * The lengths a string can have if {@code pattern} finds a match in it: {@code {min, max}}, max
     * {@link #UNBOUNDED} unless the pattern is anchored at both ends ({@code ^…$}, not multiline), as the wallet
     * address patterns are — most strings then fail on their length alone. {@code null} when the walk gives up.
     */
    static int[] lengths(Pattern pattern) {
        if ((pattern.flags() & (Pattern.LITERAL | Pattern.COMMENTS)) != 0) {
            return null;
        }
        try {
            RequiredLiterals walk = new RequiredLiterals(pattern.pattern());
            Node node = walk.alternation();
            if (walk.pos != walk.re.length()) {
                return null;
            }
            String re = walk.re;
            int slashes = 0;
            for (int i = re.length() - 2; i >= 0 && re.charAt(i) == '\\'; i--) {
                slashes++;
            }
            boolean anchored = (pattern.flags() & Pattern.MULTILINE) == 0 && walk.bars.isEmpty()
                    && re.startsWith("^") && re.endsWith("$") && slashes % 2 == 0 && re.length() > 1;
            // $ also matches before a final line terminator, which may be two chars (\r\n)
            return new int[] {node.min, anchored && node.max != UNBOUNDED ? add(node.max, 2) : UNBOUNDED};
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * The top-level alternatives of {@code pattern}'s source ({@code a|(b|c)} gives {@code a} and {@code (b|c)}), to be
     * compiled with its flags; {@code null} when the walk does not understand the source.
     */
    static List<String> alternatives(Pattern pattern) {
        if ((pattern.flags() & (Pattern.LITERAL | Pattern.COMMENTS)) != 0) {
            return null;
        }
        try {
            RequiredLiterals walk = new RequiredLiterals(pattern.pattern());
            walk.alternation();
            if (walk.pos != walk.re.length()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            int from = 0;
            for (int bar : walk.bars) {
                out.add(walk.re.substring(from, bar));
                from = bar + 1;
            }
            out.add(walk.re.substring(from));
            return out;
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * What is known about a piece of the expression: {@code exact}, the complete set of strings it matches (null when
     * not a small finite set); {@code required}, strings one of which occurs in any of its matches (null: unknown).
     */
    private record Node(Set<String> exact, Set<String> required, int min, int max) {
        /** One character of a class: one code point, so one or two chars. */
        static final Node ANY = new Node(null, null, 1, 2);
        static final Node EMPTY = new Node(Set.of(""), null, 0, 0);

        static Node exact(Set<String> strings) {
            return new Node(strings, strings, 1, 1);
        }
    }

    private static int add(int a, int b) {
        return (int) Math.min(UNBOUNDED, (long) a + b);
    }

    private static int times(int a, int b) {
        return a == 0 || b == 0 ? 0 : (int) Math.min(UNBOUNDED, (long) a * b);
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private Node alternation() {
        Node first = sequence();
        if (pos >= re.length() || re.charAt(pos) != '|') {
            return first;
        }
        Set<String> exact = first.exact == null ? null : new LinkedHashSet<>(first.exact);
        Set<String> required = first.required == null ? null : new LinkedHashSet<>(first.required);
        int min = first.min;
        int max = first.max;
        while (pos < re.length() && re.charAt(pos) == '|') {
            if (depth == 0) {
                bars.add(pos);
            }
            pos++;
            Node next = sequence();
            exact = exact == null || next.exact == null ? null : union(exact, next.exact);
            required = required == null || next.required == null ? null : union(required, next.required);
            min = Math.min(min, next.min);
            max = Math.max(max, next.max);
        }
        return new Node(exact, required, min, max);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        a.addAll(b);
        return a;
    }

    /** Adjacent exact pieces concatenate into longer literals; the best run or piece is what the sequence needs. */
    private Node sequence() {
        Set<String> run = Set.of("");
        boolean allExact = true;
        Set<String> best = null;
        int min = 0;
        int max = 0;
        while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            Node piece = quantified();
            min = add(min, piece.min);
            max = add(max, piece.max);
            if (piece.exact != null) {
                Set<String> joined = cross(run, piece.exact);
                if (joined != null) {
                    run = joined;
                    continue;
                }
                allExact = false;
                best = better(best, run);
                piece(run);
                run = piece.exact;
            } else {
                allExact = false;
                best = better(best, run);
                piece(run);
                run = Set.of("");
                best = better(best, piece.required);
                piece(piece.required);
            }
        }
        best = better(best, run);
        piece(run);
        return new Node(allExact ? run : null, best, min, max);
    }

    private void piece(Set<String> candidate) {
        if (depth == 0 && candidate != null) {
            pieces.add(candidate);
        }
    }

    private static Set<String> cross(Set<String> left, Set<String> right) {
        if ((long) left.size() * right.size() > MAX_SET) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String a : left) {
            for (String b : right) {
                out.add(a + b);
            }
        }
        return out;
    }

    /** The candidate whose shortest needle is longest: it screens out the most strings. */
    private static Set<String> better(Set<String> current, Set<String> candidate) {
        if (candidate == null || minLength(candidate) == 0) {
            return current;
        }
        return current == null || minLength(candidate) > minLength(current) ? candidate : current;
    }

    private static int minLength(Set<String> strings) {
        int min = Integer.MAX_VALUE;
        for (String s : strings) {
            min = Math.min(min, s.length());
        }
        return min;
    }

    private Node quantified() {
        Node atom = atom();
        if (pos >= re.length()) {
            return atom;
        }
        char c = re.charAt(pos);
        int min;
        int max = UNBOUNDED;
        if (c == '?' || c == '*') {
            pos++;
            min = 0;
            max = c == '?' ? 1 : UNBOUNDED;
        } else if (c == '+') {
            pos++;
            min = 1;
        } else if (c == '{') {
            int close = re.indexOf('}', pos);
            if (close < 0) {
                throw new Unsupported();
            }
            String[] bounds = re.substring(pos + 1, close).split(",", -1);
            if (bounds.length > 2 || !bounds[0].matches("\\d{1,6}") || bounds.length == 2 && !bounds[1].matches("\\d{0,6}")) {
                throw new Unsupported();
            }
            pos = close + 1;
            min = Integer.parseInt(bounds[0]);
            max = bounds.length == 1 ? min : bounds[1].isEmpty() ? UNBOUNDED : Integer.parseInt(bounds[1]);
            if (min == 1 && (bounds.length == 1 || bounds[1].equals("1"))) {
                skipMode();
                return atom;
            }
        } else {
            return atom;
        }
        skipMode();
        int most = max == UNBOUNDED && atom.max > 0 ? UNBOUNDED : times(atom.max, max);
        return new Node(null, min == 0 ? null : atom.required, times(atom.min, min), most);
    }

    /** Lazy ({@code ?}) and possessive ({@code +}) quantifiers match the same strings. */
    private void skipMode() {
        if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
            pos++;
        }
    }

    private Node atom() {
        char c = re.charAt(pos++);
        switch (c) {
            case '(':
                return group();
            case '[':
                characterClass();
                return Node.ANY;
            case '.':
                return Node.ANY;
            case '^', '$':
                return Node.EMPTY;
            case '\\':
                return escape();
            case '*', '+', '?', '{':
                throw new Unsupported();
            default:
                return Node.exact(Set.of(String.valueOf(c)));
        }
    }

    private Node group() {
        boolean lookaround = false;
        if (re.startsWith("?", pos)) {
            if (re.startsWith("?:", pos) || re.startsWith("?>", pos)) {
                pos += 2;
            } else if (re.startsWith("?=", pos) || re.startsWith("?!", pos)) {
                pos += 2;
                lookaround = true;
            } else if (re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
                pos += 3;
                lookaround = true;
            } else if (re.startsWith("?<", pos)) {
                int close = re.indexOf('>', pos);
                if (close < 0) {
                    throw new Unsupported();
                }
                pos = close + 1;
            } else {
                throw new Unsupported(); // inline flags change what the literals mean
            }
        }
        depth++;
        Node inner = alternation();
        depth--;
        if (pos >= re.length() || re.charAt(pos) != ')') {
            throw new Unsupported();
        }
        pos++;
        // lookaround consumes nothing: as a piece of a sequence it is the empty string
        return lookaround ? Node.EMPTY : inner;
    }

    private void characterClass() {
        int nesting = 1;
        if (re.startsWith("^", pos)) {
            pos++;
        }
        if (re.startsWith("]", pos)) {
            pos++;
        }
        while (nesting > 0) {
            if (pos >= re.length()) {
                throw new Unsupported();
            }
            char c = re.charAt(pos++);
            if (c == '\\') {
                if (pos >= re.length() || Character.isLetterOrDigit(re.charAt(pos)) && "dDsSwWtnrf".indexOf(re.charAt(pos)) < 0) {
                    throw new Unsupported();
                }
                pos++;
            } else if (c == '[') {
                nesting++;
            } else if (c == ']') {
                nesting--;
            }
        }
    }

    private Node escape() {
        if (pos >= re.length()) {
            throw new Unsupported();
        }
        char c = re.charAt(pos++);
        if ("dDsSwW".indexOf(c) >= 0) {
            return Node.ANY;
        }
        if ("bBAzZG".indexOf(c) >= 0) {
            return Node.EMPTY;
        }
        if (c == 't') {
            return Node.exact(Set.of("\t"));
        }
        if (c == 'n') {
            return Node.exact(Set.of("\n"));
        }
        if (Character.isLetterOrDigit(c) || c >= 128) {
            throw new Unsupported(); // \Q, \p{…}, \x…, back references …
        }
        return Node.exact(Set.of(String.valueOf(c)));
    }
}
