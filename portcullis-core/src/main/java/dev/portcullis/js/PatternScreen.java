package dev.portcullis.js;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Regular expressions behind a literal prefilter. Every constant string and command word is checked against the rule
 * set's string patterns and the sensitive-location patterns, and running dozens of regular expressions on each of a
 * bundle's hundred thousand strings dominated the analysis time. Each expression is split into its top-level
 * alternatives ({@code a|b} finds a match exactly when {@code a} or {@code b} does), each alternative's
 * {@link RequiredLiterals needles} go into one {@link Needles} automaton, and one pass over a string tells which
 * alternatives can match at all; only those run. Alternatives without needles run on every string
 * ({@link #unscreened()}).
 */
final class PatternScreen {
    private static final int PER_AUTOMATON = Needles.MAX_GROUPS;

    /**
     * One top-level alternative of expression {@code owner}; {@code slots}: its needle groups, each of which must be
     * seen (none: it always runs);
     * a string outside {@code [minLength, maxLength]} cannot match it.
     */
    private record Alternative(int owner, Pattern pattern, int[] slots, int minLength, int maxLength) {
    }

    private final int size;
    private final List<Alternative> alternatives;
    /** Needle group g is bit g % 64 of automaton g / 64; one automaton in practice. */
    private final Needles[] automata;

    /**
     * @param patterns the expressions, in the order {@link #matches} reports them
     * @param needles  for each expression, hand-listed needles to use when none can be derived, or {@code null}
     */
    PatternScreen(List<Pattern> patterns, List<Set<String>> needles) {
        this.size = patterns.size();
        List<Pattern> alts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<List<Set<String>>> found = new ArrayList<>();
        for (int k = 0; k < patterns.size(); k++) {
            Pattern whole = patterns.get(k);
            List<String> parts = RequiredLiterals.alternatives(whole);
            List<Pattern> compiled = parts == null || parts.size() == 1 ? List.of(whole)
                    : parts.stream().map(p -> Pattern.compile(p, whole.flags())).toList();
            for (Pattern alt : compiled) {
                List<Set<String>> derived = RequiredLiterals.allOf(alt);
                alts.add(alt);
                owners.add(k);
                found.add(derived.isEmpty() && compiled.size() == 1 && needles.get(k) != null
                        ? List.of(needles.get(k)) : derived);
            }
        }
        // One automaton for all: when some alternative ignores case, all needles are matched regardless of case,
        // which only lets a few more strings through to the precise expressions.
        boolean fold = alts.stream().anyMatch(p -> (p.flags() & Pattern.CASE_INSENSITIVE) != 0);
        List<List<String>> groups = new ArrayList<>();
        List<Alternative> out = new ArrayList<>();
        for (int a = 0; a < alts.size(); a++) {
            int[] all = new int[found.get(a).size()];
            for (int n = 0; n < all.length; n++) {
                all[n] = groups.size();
                groups.add(found.get(a).get(n).stream().map(x -> fold ? x.toLowerCase(java.util.Locale.ROOT) : x).toList());
            }
            int[] lengths = RequiredLiterals.lengths(alts.get(a));
            out.add(lengths == null ? new Alternative(owners.get(a), alts.get(a), all, 0, Integer.MAX_VALUE)
                    : new Alternative(owners.get(a), alts.get(a), all, lengths[0], lengths[1]));
        }
        List<Needles> built = new ArrayList<>();
        for (int from = 0; from < groups.size(); from += PER_AUTOMATON) {
            built.add(new Needles(groups.subList(from, Math.min(groups.size(), from + PER_AUTOMATON)), fold));
        }
        this.alternatives = List.copyOf(out);
        this.automata = built.toArray(Needles[]::new);
    }

    /** Expressions with derived needles only. */
    static PatternScreen of(List<Pattern> patterns) {
        return new PatternScreen(patterns, java.util.Collections.nCopies(patterns.size(), null));
    }

    /** An empty answer, shared: callers only read it. */
    private static final BitSet NONE = new BitSet();

    /** Bit k set when expression k finds a match in {@code s}: what {@code find()} on each would say. */
    BitSet matches(String s) {
        if (size == 0) {
            return NONE;
        }
        // one automaton in practice, rarely two: no array for them
        long first = automata.length > 0 ? automata[0].find(s) : 0;
        long second = automata.length > 1 ? automata[1].find(s) : 0;
        long[] more = null;
        if (automata.length > 2) {
            more = new long[automata.length];
            for (int a = 2; a < more.length; a++) {
                more[a] = automata[a].find(s);
            }
        }
        BitSet out = NONE;
        for (Alternative alt : alternatives) {
            if (out.get(alt.owner) || s.length() < alt.minLength || s.length() > alt.maxLength) {
                continue;
            }
            if (!seen(alt.slots, first, second, more)) {
                continue;
            }
            if (alt.pattern.matcher(s).find()) {
                if (out == NONE) {
                    out = new BitSet(size);
                }
                out.set(alt.owner);
            }
        }
        return out;
    }

    private static boolean seen(int[] slots, long first, long second, long[] more) {
        for (int g : slots) {
            int n = g / PER_AUTOMATON;
            long found = n == 0 ? first : n == 1 ? second : more[n];
            if ((found & 1L << (g % PER_AUTOMATON)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The expressions with an alternative that runs on every string, because no needle could be derived for it. */
    BitSet unscreened() {
        BitSet out = new BitSet(size);
        for (Alternative alt : alternatives) {
            if (alt.slots.length == 0) {
                out.set(alt.owner);
            }
        }
        return out;
    }
}
