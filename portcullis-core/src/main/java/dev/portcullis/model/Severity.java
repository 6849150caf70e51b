package dev.portcullis.model;

import java.util.Locale;

/** How bad a finding is. Declared from most to least severe; the JSON and policy spelling is {@link #id()}. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is as bad as {@code threshold} or worse. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /**
     * Parses the policy/JSON spelling ({@code high}), in any case ({@code HIGH}); throws IllegalArgumentException
     * naming the allowed values.
     */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected critical, high, medium, low or info)");
    }
}
