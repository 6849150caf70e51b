package dev.portcullis.model;

import java.util.Objects;

/**
 * A place in a project file. {@code file} is relative to the project root with forward slashes;
 * {@code line} is 1-based, or 0 when the finding concerns the file as a whole.
 */
public record Location(String file, int line) {
    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    public static Location of(String file) {
        return new Location(file, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
