package dev.portcullis.analysis;

import dev.portcullis.json.Json;
import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballFile;
import dev.portcullis.tarball.TarballProblem;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One package as the analysis sees it: its files (from a tarball or a directory) and what went wrong reading them.
 *
 * @param name     the package's name from its package.json, or empty when that is missing or broken
 * @param version  its version from the same place, or empty
 * @param files    the regular files, paths relative to the package root
 * @param problems what the reader met (traversal, links, limits …); each becomes a finding
 */
public record PackageInput(String name, String version, List<TarballFile> files, List<TarballProblem> problems) {
    public PackageInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** A tarball's contents, named by the package.json inside (empty name and version when it has none or a broken one). */
    public static PackageInput of(TarballContents contents) {
        String name = "";
        String version = "";
        var manifest = contents.file("package.json");
        if (manifest.isPresent() && manifest.get().size() <= ManifestFacts.MAX_MANIFEST_BYTES) {
            try {
                var json = Json.mapper().readTree(manifest.get().text());
                if (json != null && json.isObject()) {
                    name = json.path("name").isTextual() ? json.path("name").asText() : "";
                    version = json.path("version").isTextual() ? json.path("version").asText() : "";
                }
            } catch (IOException e) {
                // A broken manifest leaves name and version empty; the analysis reports it as a finding.
            }
        }
        return new PackageInput(name, version, contents.files(), contents.problems());
    }
}
