package dev.portcullis.project;

import java.util.Objects;

/** A text file of the project that a check reads (a CI workflow, a Dockerfile, a Makefile, a shell script). */
public record ProjectFile(String path, String content) {
    public ProjectFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
