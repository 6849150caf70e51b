package dev.portcullis.js;

import java.util.List;
import java.util.Objects;

/**
 * The facts of one file of a package.
 *
 * @param path     relative to the package root
 * @param language how the file was read
 * @param facts    in order of line, then of appearance
 * @param bytes    the file's size
 * @param minified true when the file looks machine-generated (long lines throughout), which some signals discount
 */
public record FileFacts(String path, Language language, List<Fact> facts, long bytes, boolean minified) {
    /** How a file is analysed, by name and content. */
    public enum Language {
        JAVASCRIPT, SHELL, BATCH, POWERSHELL, BINARY, OTHER
    }

    public FileFacts {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(language, "language");
        facts = List.copyOf(facts);
    }
}
