package dev.portcullis.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.js.FileFacts;
import dev.portcullis.model.Finding;
import dev.portcullis.tarball.TarballFile;
import java.util.List;
import java.util.Objects;

/**
 * One version of a package as a diff compares it: its files, the facts the analysis read from them, its package.json,
 * where and by whom it was published, and the findings it was judged with.
 *
 * @param name the package's name (empty when its package.json names none)
 * @param version its version (empty likewise)
 * @param files its regular files
 * @param facts the facts of each file, package.json's included
 * @param manifest its package.json, or null when it has none that reads
 * @param publication the registry's facts about its publication, or {@link Publication#LOCAL} for a directory or a
 *     local tarball
 * @param findings the findings it was judged with, after the policy
 */
public record PackageSide(String name, String version, List<TarballFile> files, List<FileFacts> facts,
                          JsonNode manifest, Publication publication, List<Finding> findings) {
    public PackageSide {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        files = List.copyOf(files);
        facts = List.copyOf(facts);
        Objects.requireNonNull(publication, "publication");
        findings = List.copyOf(findings);
    }

    /**
     * Who published a version and what the registry vouches for.
     *
     * @param publisher the account that published it ({@code _npmUser}), or null when the registry does not say
     * @param provenance whether it carries attestations (npm provenance, a trusted publisher's statement)
     * @param signed whether the registry signed it
     */
    public record Publication(String publisher, boolean provenance, boolean signed) {
        /** A package read from the disk: nothing published. */
        public static final Publication LOCAL = new Publication(null, false, false);
    }

    /** The files' total size. */
    public long bytes() {
        return files.stream().mapToLong(TarballFile::size).sum();
    }

    /** {@code name@version}, or what is known of it. */
    public String label() {
        return name.isEmpty() ? "(unnamed package)" : version.isEmpty() ? name : name + "@" + version;
    }
}
