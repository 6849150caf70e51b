package dev.portcullis.advisory;

import dev.portcullis.semver.Version;
import java.util.Objects;

/**
 * One event of an OSV range: the version where the package became affected, was fixed, was last affected, or the
 * limit above which the range says nothing.
 *
 * @param version the parsed version, or null for {@code introduced: "0"} (before every version)
 */
public record OsvEvent(Kind kind, Version version) {
    /** The OSV event kinds. */
    public enum Kind {
        INTRODUCED("introduced"), FIXED("fixed"), LAST_AFFECTED("last_affected"), LIMIT("limit");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The OSV JSON key. */
        public String key() {
            return key;
        }
    }

    public OsvEvent {
        Objects.requireNonNull(kind, "kind");
        if (version == null && kind != Kind.INTRODUCED) {
            throw new IllegalArgumentException("only 'introduced' may be \"0\"");
        }
    }

    /** The JSON spelling of the version ("0" for the start of time). */
    public String text() {
        return version == null ? "0" : version.toString();
    }
}
