package dev.portcullis.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule of the catalogue. The id is a contract: users name it in policies and ignores.
 *
 * @param id stable id, {@code group/name} in lower case with dashes
 * @param defaultSeverity severity unless the policy overrides it
 * @param title one line
 * @param why why this matters, for the report and the catalogue
 * @param howToFix what to do about a finding
 */
public record RuleDescriptor(String id, Severity defaultSeverity, String title, String why, String howToFix) {
    private static final Pattern ID = Pattern.compile("[a-z]+/[a-z0-9]+(-[a-z0-9]+)*");

    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(howToFix, "howToFix");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must look like group/name-in-kebab-case: " + id);
        }
    }

    /** The part before the slash: lockfile, manifest, scripts, ci … */
    public String group() {
        return id.substring(0, id.indexOf('/'));
    }
}
