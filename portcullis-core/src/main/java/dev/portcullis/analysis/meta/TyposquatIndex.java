package dev.portcullis.analysis.meta;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the popular package a name imitates, fast: names are compared in a canonical form (lower case, look-alike
 * characters folded: Cyrillic and Greek letters, {@code 0}→o, {@code 1}→l, {@code rn}→m, {@code vv}→w), by
 * skeleton (the canonical form without {@code - _ .}), by scope shape ({@code types-x} vs {@code @types/x},
 * {@code @s/x} vs {@code s-x}), and by Damerau-Levenshtein (optimal string alignment) distance — 1, or 2 for
 * names of 10 characters or more. The distance search uses a symmetric-delete index: every popular name's
 * deletion neighbourhood is stored as 44-bit hashes in one sorted {@code long[]}, so a query hashes its own
 * deletions and does a few binary searches instead of comparing with every popular name.
 */
public final class TyposquatIndex {
    /** Names shorter than this are too dense to judge by distance: most 3-letter strings are a package. */
    static final int MIN_LENGTH = 5;
    /** From this length on two edits are still a look-alike. */
    static final int LONG_NAME = 10;
    /** Below this length a single replaced letter is not reported (see {@link #shortSubstitution}). */
    static final int SHORT_SUBSTITUTION = 9;
    private static final int ID_BITS = 20;
    private static final long ID_MASK = (1L << ID_BITS) - 1;

    private static final class Holder {
        static final TyposquatIndex BUNDLED = new TyposquatIndex(PopularPackages.bundled());
    }

    /** How a name imitates a popular one. */
    public enum Kind {
        SEPARATORS("differs only in separators (-, _, . or none) from"),
        HOMOGLYPH("imitates with look-alike characters"),
        SCOPE("turns a scope into a name part (or back) of"),
        TYPO("is a likely typo of");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The popular package {@code name} imitates. */
    public record Match(String name, String target, long downloads, Kind kind, int distance) {
    }

    private final PopularPackages popular;
    private final String[] names;
    private final String[] canonical;
    private final long[] downloads;
    private final Map<String, Integer> bySkeleton = new HashMap<>();
    private final java.util.Set<String> scopes = new java.util.HashSet<>();
    private final long[] deletions;

    public TyposquatIndex(PopularPackages popular) {
        this.popular = popular;
        int n = popular.downloads().size();
        if (n > ID_MASK) {
            throw new IllegalArgumentException("at most " + ID_MASK + " popular names");
        }
        names = new String[n];
        canonical = new String[n];
        downloads = new long[n];
        long[] packed = new long[n * 16];
        int size = 0;
        int id = 0;
        for (Map.Entry<String, Long> e : popular.downloads().entrySet()) {
            names[id] = e.getKey();
            if (e.getKey().startsWith("@") && e.getKey().indexOf('/') > 1) {
                scopes.add(e.getKey().substring(1, e.getKey().indexOf('/')));
            }
            canonical[id] = canonical(e.getKey());
            downloads[id] = e.getValue();
            String skeleton = skeleton(canonical[id]);
            Integer known = bySkeleton.get(skeleton);
            if (known == null || downloads[known] < downloads[id]) {
                bySkeleton.put(skeleton, id);
            }
            String c = canonical[id];
            if (c.length() >= MIN_LENGTH) {
                int depth = depth(c);
                int needed = 1 + c.length() + (depth == 2 ? c.length() * (c.length() - 1) / 2 : 0);
                if (size + needed > packed.length) {
                    packed = Arrays.copyOf(packed, Math.max(packed.length * 2, size + needed));
                }
                size = addDeletions(c, depth, id, packed, size);
            }
            id++;
        }
        deletions = Arrays.copyOf(packed, size);
        Arrays.parallelSort(deletions);
    }

    /**
     * How many deletions of a name are indexed or looked up: two only for long names with a word of 8 or more
     * letters, the only place {@link #slip} accepts two edits.
     */
    private static int depth(String name) {
        if (name.length() < LONG_NAME) {
            return 1;
        }
        int word = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            word = c == '-' || c == '_' || c == '.' || c == '/' ? 0 : word + 1;
            if (word >= 8) {
                return 2;
            }
        }
        return 1;
    }

    /** The index of the bundled popularity list, built once. */
    public static TyposquatIndex bundled() {
        return Holder.BUNDLED;
    }

    public PopularPackages popular() {
        return popular;
    }

    /** The popular package {@code name} most likely imitates, or empty; popular names themselves never match. */
    public Optional<Match> match(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (popular.contains(lower)) {
            return Optional.empty();
        }
        String c = canonical(lower);
        Integer same = bySkeleton.get(skeleton(c));
        if (same != null && !names[same].equals(lower)) {
            Kind kind = stripSeparators(lower).equals(stripSeparators(names[same])) ? Kind.SEPARATORS : Kind.HOMOGLYPH;
            return Optional.of(new Match(name, names[same], downloads[same], kind, 0));
        }
        Optional<Match> scope = scopeConfusion(name, lower);
        if (scope.isPresent()) {
            return scope;
        }
        return typo(name, lower, c);
    }

    private Optional<Match> scopeConfusion(String name, String lower) {
        Match best = null;
        if (lower.startsWith("@")) {
            int slash = lower.indexOf('/');
            if (slash > 1 && !ownScope(lower.substring(1, slash))) {
                String scope = lower.substring(1, slash);
                String bare = lower.substring(slash + 1);
                for (String form : new String[] {scope + "-" + bare, bare + "-" + scope}) {
                    best = better(best, name, form);
                }
            }
        } else {
            for (int i = 1; i < lower.length() - 1; i++) {
                char ch = lower.charAt(i);
                if (isSeparator(ch)) {
                    String a = lower.substring(0, i);
                    String b = lower.substring(i + 1);
                    best = better(best, name, "@" + a + "/" + b);
                    best = better(best, name, "@" + b + "/" + a);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether {@code @scope} is a popular project's own scope: {@code scope} is itself a popular package's name
     * ({@code @turbo/linux-64} of {@code turbo} beside the older {@code turbo-linux-64}), or the list already holds a
     * package in that scope. Such a scope is where the project publishes; a look-alike must then be in another scope
     * or unscoped, and the other checks judge those.
     */
    private boolean ownScope(String scope) {
        return popular.contains(scope) || scopes.contains(scope);
    }

    private Match better(Match best, String name, String form) {
        Long d = popular.downloads().get(form);
        if (d != null && (best == null || d > best.downloads())) {
            return new Match(name, form, d, Kind.SCOPE, 0);
        }
        return best;
    }

    private Optional<Match> typo(String name, String lower, String c) {
        if (c.length() < MIN_LENGTH) {
            return Optional.empty();
        }
        int depth = depth(c);
        long[] hashes = new long[1 + c.length() + (depth == 2 ? c.length() * (c.length() - 1) / 2 : 0)];
        int count = addDeletions(c, depth, 0, hashes, 0);
        int bestId = -1;
        int bestDistance = 0;
        java.util.BitSet seen = new java.util.BitSet(names.length);
        for (int h = 0; h < count; h++) {
            long key = hashes[h] & ~ID_MASK;
            for (int i = lowerBound(key); i < deletions.length && (deletions[i] & ~ID_MASK) == key; i++) {
                int id = (int) (deletions[i] & ID_MASK);
                if (seen.get(id) || bestId >= 0 && downloads[id] <= downloads[bestId]) {
                    continue;
                }
                seen.set(id);
                int distance = osa(c, canonical[id], 2);
                if (distance < 1 || distance > 2) {
                    continue;
                }
                int allowed = allowed(lower, names[id]);
                if (distance <= allowed && !(distance == 1 && shortSubstitution(c, canonical[id]))
                        && slip(c, canonical[id], distance)) {
                    bestId = id;
                    bestDistance = distance;
                }
            }
        }
        return bestId < 0 ? Optional.empty() : Optional.of(new Match(name, names[bestId], downloads[bestId],
                Kind.TYPO, bestDistance));
    }

    /**
     * The edits allowed between a name and a popular one. Within one scope only the bare names count (so that
     * {@code @types/pg} and {@code @types/ps} are not look-alikes); between scopes with the same bare name, one edit
     * of a scope of 4 or more characters ({@code @typs/lodash}); names in different scopes with different names are
     * unrelated. Names differing only in digits are versions of an idea ({@code vue2}), and a separated word added
     * is a family ({@code foo-x}), not typos.
     */
    private static int allowed(String name, String target) {
        String a = name;
        String b = target;
        int sa = a.startsWith("@") ? a.indexOf('/') : -1;
        int sb = b.startsWith("@") ? b.indexOf('/') : -1;
        if (sa > 0 && sb > 0) {
            String scopeA = a.substring(1, sa);
            String scopeB = b.substring(1, sb);
            if (scopeA.equals(scopeB)) {
                a = a.substring(sa + 1);
                b = b.substring(sb + 1);
            } else {
                return a.substring(sa).equals(b.substring(sb)) && Math.min(scopeA.length(), scopeB.length()) >= 4
                        ? 1 : 0;
            }
        } else if (sa > 0 || sb > 0) {
            return 0; // scoped against unscoped: the scope-confusion check's business
        }
        if (a.length() < MIN_LENGTH || b.length() < MIN_LENGTH) {
            return 0;
        }
        if (withoutDigits(a).equals(withoutDigits(b)) || extends_(a, b) || extends_(b, a)) {
            return 0;
        }
        return Math.min(a.length(), b.length()) >= LONG_NAME ? 2 : 1;
    }

    /**
     * Whether {@code distance} edits between these (bare) names look like a slip rather than another word: the names
     * are compared word by word (split at {@code - _ .}). Two edits must fall in one word of 8 or more letters
     * ({@code tsconfig}), one edit not in a word of fewer than 3 ({@code hash-it} / {@code hash-int} are two words).
     */
    private static boolean slip(String name, String target, int distance) {
        String a = bare(name);
        String b = bare(target);
        String[] wa = a.split("[-_.]", -1);
        String[] wb = b.split("[-_.]", -1);
        if (wa.length != wb.length) {
            return distance == 1;
        }
        int differing = 0;
        int shortest = Integer.MAX_VALUE;
        for (int i = 0; i < wa.length; i++) {
            if (!wa[i].equals(wb[i])) {
                differing++;
                shortest = Math.min(shortest, Math.min(wa[i].length(), wb[i].length()));
            }
        }
        if (differing != 1) {
            return distance == 1;
        }
        return distance == 1 ? shortest >= 3 : shortest >= 8;
    }

    private static String bare(String name) {
        return name.startsWith("@") && name.indexOf('/') > 0 ? name.substring(name.indexOf('/') + 1) : name;
    }

    /**
     * One letter replaced in a name of fewer than {@value #SHORT_SUBSTITUTION} characters: most such pairs are two
     * words ({@code plain}/{@code plaid}, {@code mocha}/{@code mocka}), not a slip of the finger; transpositions,
     * missing and doubled letters still count.
     */
    private static boolean shortSubstitution(String a, String b) {
        if (a.length() != b.length() || a.length() >= SHORT_SUBSTITUTION) {
            return false;
        }
        int differing = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                differing++;
            }
        }
        return differing == 1;
    }

    private static String withoutDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code a} is {@code b} with a separated word added ({@code foo-x}, {@code x.foo}): a family, not a typo. */
    private static boolean extends_(String a, String b) {
        if (a.length() <= b.length() + 1) {
            return false;
        }
        if (a.startsWith(b) && isSeparator(a.charAt(b.length()))) {
            return true;
        }
        return a.endsWith(b) && isSeparator(a.charAt(a.length() - b.length() - 1));
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.';
    }

    private int lowerBound(long key) {
        int lo = 0;
        int hi = deletions.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (deletions[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Adds the packed hashes of {@code s} and its deletions up to {@code depth} (1 or 2) to {@code out}. A
     * polynomial hash over prefix sums gives each deletion's hash in constant time, so a name of length L costs
     * O(L²), not O(L³).
     */
    private static int addDeletions(String s, int depth, int id, long[] out, int size) {
        int n = s.length();
        long[] prefix = new long[n + 1];
        long[] power = new long[n + 1];
        power[0] = 1;
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] * PRIME + s.charAt(i) + 1;
            power[i + 1] = power[i] * PRIME;
        }
        // two deletions only inside one word of 8 or more letters: the only place slip() accepts two edits
        int[] word = new int[n];
        int[] wordLength = new int[n];
        if (depth == 2) {
            for (int start = 0; start < n; ) {
                int end = start;
                while (end < n && !isWordBreak(s.charAt(end))) {
                    end++;
                }
                for (int k = start; k < end; k++) {
                    word[k] = start;
                    wordLength[k] = end - start;
                }
                if (end < n) {
                    word[end] = -1;
                }
                start = end + 1;
            }
        }
        out[size++] = pack(mix(prefix[n], n), id);
        for (int i = 0; i < n; i++) {
            long head = prefix[i];
            out[size++] = pack(mix(head * power[n - i - 1] + segment(prefix, power, i + 1, n), n - 1), id);
            if (depth == 2 && word[i] >= 0 && wordLength[i] >= 8) {
                for (int j = i + 1; j < n && word[j] == word[i]; j++) {
                    long h = (head * power[j - i - 1] + segment(prefix, power, i + 1, j)) * power[n - j - 1]
                            + segment(prefix, power, j + 1, n);
                    out[size++] = pack(mix(h, n - 2), id);
                }
            }
        }
        return size;
    }

    private static final long PRIME = 0x100000001b3L;

    private static boolean isWordBreak(char c) {
        return c == '-' || c == '_' || c == '.' || c == '/';
    }

    /** The polynomial hash of characters {@code [from, to)}. */
    private static long segment(long[] prefix, long[] power, int from, int to) {
        return prefix[to] - prefix[from] * power[to - from];
    }

    private static long pack(long hash, int id) {
        return (hash & ~ID_MASK) | id;
    }

    /** Spreads a polynomial hash (and the length it covers) over the 44 bits kept. */
    private static long mix(long h, int length) {
        h += length * 0x9e3779b97f4a7c15L;
        h ^= h >>> 31;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 29;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 32);
    }

    /** Optimal string alignment distance, or {@code max + 1} as soon as it must exceed {@code max}. */
    static int osa(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev2 = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Lower case with look-alike characters folded to the ASCII letter they imitate. */
    static String canonical(String name) {
        StringBuilder s = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            s.append(fold(Character.toLowerCase(name.charAt(i))));
        }
        String out = s.toString();
        return out.replace("rn", "m").replace("vv", "w");
    }

    private static char fold(char c) {
        return switch (c) {
            case '0', 'о', 'ο', 'օ' -> 'o';
            case '1', 'ӏ', 'ι', 'і', '|' -> c == 'і' || c == 'ι' ? 'i' : 'l';
            case 'а', 'α' -> 'a';
            case 'е', 'ε' -> 'e';
            case 'р', 'ρ' -> 'p';
            case 'с', 'ϲ' -> 'c';
            case 'х', 'χ' -> 'x';
            case 'у', 'γ' -> 'y';
            case 'ѕ' -> 's';
            case 'ј' -> 'j';
            case 'ԁ' -> 'd';
            case 'ν' -> 'v';
            case 'к', 'κ' -> 'k';
            case 'т', 'τ' -> 't';
            case 'н' -> 'h';
            case 'м' -> 'm';
            case 'в' -> 'b';
            default -> c;
        };
    }

    static String skeleton(String canonical) {
        return stripSeparators(canonical);
    }

    private static String stripSeparators(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '-' && c != '_' && c != '.') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
