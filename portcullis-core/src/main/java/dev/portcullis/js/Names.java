package dev.portcullis.js;

/**
 * A set of identifier names looked up by a region of the source, without making a String of every identifier.
 * Most identifiers of a file mean nothing to the pattern layer; materialising each one (and, for sources with
 * non-Latin-1 characters, re-compressing it) was the largest single cost of the analysis.
 */
final class Names {
    private String[] table = new String[256];
    private int[] hashes = new int[256];
    private int size;

    Names(Iterable<String> names) {
        for (String name : names) {
            add(name);
        }
    }

    void add(String name) {
        if (find(name, 0, name.length()) != null) {
            return;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        insert(name, hash(name, 0, name.length()));
        size++;
    }

    private void insert(String name, int h) {
        int mask = table.length - 1;
        int slot = h & mask;
        while (table[slot] != null) {
            slot = (slot + 1) & mask;
        }
        table[slot] = name;
        hashes[slot] = h;
    }

    private void grow() {
        String[] old = table;
        int[] oldHashes = hashes;
        table = new String[old.length * 2];
        hashes = new int[old.length * 2];
        for (int k = 0; k < old.length; k++) {
            if (old[k] != null) {
                insert(old[k], oldHashes[k]);
            }
        }
    }

    /** The name spelled by {@code src[start, end)}, or null when it is not in the set. */
    String find(String src, int start, int end) {
        return find(src, start, end, hash(src, start, end));
    }

    /** As {@link #find(String, int, int)} with the hash already known. */
    String find(String src, int start, int end, int h) {
        int mask = table.length - 1;
        int len = end - start;
        for (int slot = h & mask; table[slot] != null; slot = (slot + 1) & mask) {
            String name = table[slot];
            if (hashes[slot] == h && name.length() == len && src.regionMatches(start, name, 0, len)) {
                return name;
            }
        }
        return null;
    }

    static int hash(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h, end - start);
    }

    /** Spreads a polynomial hash over the table; the lexer computes the polynomial while it scans. */
    static int mix(int h, int length) {
        int x = h + length * 0x9E3779B9;
        return x ^ x >>> 16;
    }
}
