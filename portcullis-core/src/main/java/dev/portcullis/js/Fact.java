package dev.portcullis.js;

import java.util.Objects;

/**
 * One thing a file, command or manifest does or shows.
 *
 * @param kind     what
 * @param line     1-based line in the file it came from (for facts from a decoded payload: the line of the literal
 *                 that carried the payload), 0 when it concerns the file as a whole
 * @param detail   the normalised specific (a module name, an API, an env key, a category), never null, may be empty
 * @param evidence what a person should see: the source snippet or the decoded text, bounded in length, never null
 * @param depth    0 for the file's own code; n for code found inside n nested encoded payloads
 */
public record Fact(FactKind kind, int line, String detail, String evidence, int depth) {
    public Fact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(evidence, "evidence");
        if (line < 0 || depth < 0) {
            throw new IllegalArgumentException("line and depth must be >= 0, got " + line + ", " + depth);
        }
    }
}
