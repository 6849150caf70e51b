package dev.portcullis.advisory;

import java.util.List;

/**
 * What one import did.
 *
 * @param files JSON documents read
 * @param added npm advisories new to the database
 * @param updated npm advisories replaced by a newer {@code modified}
 * @param unchanged npm advisories already present at the same or a newer {@code modified}
 * @param otherEcosystem valid records naming no npm package, not stored
 * @param malformed records skipped because they break the OSV schema
 * @param firstProblems the first few reasons, each naming its file
 */
public record ImportCounts(int files, int added, int updated, int unchanged, int otherEcosystem, int malformed,
                           List<String> firstProblems) {
    public ImportCounts {
        firstProblems = List.copyOf(firstProblems);
    }
}
