package dev.portcullis.model;

import java.util.Locale;

/** What to do with one package: install it, have a person look first, or refuse it. Declared from mildest. */
public enum Verdict {
    ALLOW, REVIEW, BLOCK;

    /** The JSON and text spelling: {@code allow}, {@code review}, {@code block}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stricter of the two. */
    public Verdict max(Verdict other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
