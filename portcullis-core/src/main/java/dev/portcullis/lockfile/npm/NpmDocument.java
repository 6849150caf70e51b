package dev.portcullis.lockfile.npm;

import java.util.List;
import java.util.Objects;

/**
 * A package-lock as parsed: its version and its entries in file order.
 *
 * @param lockfileVersion 1, 2 or 3
 * @param rootName the top-level {@code name}, or null
 * @param tree true when {@code entries} come from v1's nested {@code dependencies} (no root entry,
 *             keys synthesized); false when they are v2/v3's {@code packages}
 * @param entries every entry, each key once (the last of duplicates, as JSON.parse keeps)
 */
record NpmDocument(int lockfileVersion, String rootName, boolean tree, List<NpmEntry> entries) {
    NpmDocument {
        Objects.requireNonNull(entries, "entries");
        entries = List.copyOf(entries);
    }
}
