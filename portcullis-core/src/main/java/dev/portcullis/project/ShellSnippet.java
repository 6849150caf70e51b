package dev.portcullis.project;

import java.util.Objects;

/**
 * Shell text found in a project file, and where.
 *
 * @param text the shell text; may span several lines
 * @param line the 1-based line of the file its first line is on
 * @param lineExact whether the text's lines are the file's lines from {@code line} on; false when the source
 *                  folded them (a YAML plain or folded scalar, a package.json string), and every command is then
 *                  reported at {@code line}
 */
record ShellSnippet(String text, int line, boolean lineExact) {
    ShellSnippet {
        Objects.requireNonNull(text, "text");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
    }
}
