package dev.portcullis.js;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rule set's string patterns behind a literal prefilter: every constant string and command word is checked
 * against every pattern, and running a dozen regular expressions on each of a bundle's hundred thousand strings
 * dominated the analysis time. Each pattern's {@link RequiredLiterals needles} go into one {@link Needles}
 * automaton; one pass over a string tells which patterns can match at all, and only those run. Patterns without
 * needles run on every string ({@link #unscreened()}).
 */
final class PatternScreen {
    /** {@link Needles} reports groups as bits of an int. */
    private static final int PER_AUTOMATON = 32;

    private final List<StringPattern> patterns;
    /** {@code slot[k]}: the needle group of pattern k over all automata, or -1 when it always runs. */
    private final int[] slot;
    private final List<Needles> automata;

    private PatternScreen(List<StringPattern> patterns) {
        this.patterns = patterns;
        this.slot = new int[patterns.size()];
        List<List<String>> groups = new ArrayList<>();
        for (int k = 0; k < patterns.size(); k++) {
            Set<String> needles = RequiredLiterals.of(patterns.get(k).pattern());
            if (needles == null) {
                slot[k] = -1;
            } else {
                slot[k] = groups.size();
                groups.add(List.copyOf(needles));
            }
        }
        List<Needles> built = new ArrayList<>();
        for (int from = 0; from < groups.size(); from += PER_AUTOMATON) {
            built.add(new Needles(groups.subList(from, Math.min(groups.size(), from + PER_AUTOMATON))));
        }
        this.automata = List.copyOf(built);
    }

    static PatternScreen of(List<StringPattern> patterns) {
        return new PatternScreen(List.copyOf(patterns));
    }

    /** The patterns that match {@code s}, in rule-set order: exactly those {@code find()} would report. */
    List<StringPattern> matching(String s) {
        if (patterns.isEmpty()) {
            return List.of();
        }
        int[] found = new int[automata.size()];
        for (int a = 0; a < found.length; a++) {
            found[a] = automata.get(a).find(s);
        }
        List<StringPattern> out = null;
        for (int k = 0; k < slot.length; k++) {
            int g = slot[k];
            if (g >= 0 && (found[g / PER_AUTOMATON] & 1 << (g % PER_AUTOMATON)) == 0) {
                continue;
            }
            StringPattern p = patterns.get(k);
            if (p.pattern().matcher(s).find()) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(p);
            }
        }
        return out == null ? List.of() : out;
    }

    /** The patterns that run on every string because no needle could be derived from them. */
    List<StringPattern> unscreened() {
        List<StringPattern> out = new ArrayList<>();
        for (int k = 0; k < slot.length; k++) {
            if (slot[k] < 0) {
                out.add(patterns.get(k));
            }
        }
        return out;
    }
}
