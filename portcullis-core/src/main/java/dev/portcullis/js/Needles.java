package dev.portcullis.js;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * A small Aho–Corasick automaton over ASCII: one pass over a string tells whether it contains any of a fixed set of
 * needles. Every string literal of every file is screened this way before the precise regular expressions run;
 * trying a dozen alternations at every position of every literal cost a third of the analysis time. Hand-written
 * because it is thirty lines and the libraries that offer it bring far more than this needs.
 */
final class Needles {
    private static final int ALPHABET = 128;
    /** The transition table, flattened: state * 128 + character. */
    private final int[] next;
    private final long[] output;
    /** Whether ASCII letters match regardless of case (the needles are given in lower case then). */
    private final boolean foldCase;

    /** At most this many groups: {@link #find} answers in the bits of a long. */
    static final int MAX_GROUPS = 64;

    /**
     * {@code groups.get(g)} are the needles whose presence sets bit {@code g} of {@link #find}; with
     * {@code foldCase} the needles must be lower case and match a string's letters in either case.
     */
    Needles(List<List<String>> groups, boolean foldCase) {
        this.foldCase = foldCase;
        if (groups.size() > MAX_GROUPS) {
            throw new IllegalArgumentException(groups.size() + " needle groups, at most " + MAX_GROUPS);
        }
        int capacity = 1;
        for (List<String> group : groups) {
            for (String needle : group) {
                capacity += needle.length();
            }
        }
        int[][] trie = new int[capacity][ALPHABET];
        long[] out = new long[capacity];
        int states = 1;
        for (int g = 0; g < groups.size(); g++) {
            for (String needle : groups.get(g)) {
                int s = 0;
                for (int i = 0; i < needle.length(); i++) {
                    int c = needle.charAt(i);
                    if (trie[s][c] == 0) {
                        trie[s][c] = states++;
                    }
                    s = trie[s][c];
                }
                out[s] |= 1L << g;
            }
        }
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            if (trie[0][c] != 0) {
                queue.add(trie[0][c]);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out[s] |= out[fail[s]];
            for (int c = 0; c < ALPHABET; c++) {
                int t = trie[s][c];
                if (t != 0) {
                    fail[t] = trie[fail[s]][c];
                    queue.add(t);
                } else {
                    trie[s][c] = trie[fail[s]][c];
                }
            }
        }
        this.next = new int[states * ALPHABET];
        for (int k = 0; k < states; k++) {
            System.arraycopy(trie[k], 0, next, k * ALPHABET, ALPHABET);
        }
        this.output = Arrays.copyOf(out, states);
    }

    /** The bits of the groups with a needle in {@code s}; 0 when none. */
    long find(String s) {
        int state = 0;
        long found = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (foldCase && c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            state = c < ALPHABET ? next[state * ALPHABET + c] : 0;
            found |= output[state];
        }
        return found;
    }
}
