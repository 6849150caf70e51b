package dev.portcullis.model;

import java.util.Objects;

/**
 * The input cannot be read: malformed JSON/YAML, an unknown lockfile version, a policy with an unknown key.
 * The message says where (file:line) and what was expected, secrets masked ({@link Redaction}); front ends turn it
 * into exit code 2.
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Location location;
    private final String problem;

    public InputException(Location location, String problem) {
        this(location, problem, null);
    }

    public InputException(Location location, String problem, Throwable cause) {
        super(Objects.requireNonNull(location, "location") + ": "
                + Redaction.redact(Objects.requireNonNull(problem, "problem")), cause);
        this.location = location;
        this.problem = Redaction.redact(problem);
    }

    public Location location() {
        return location;
    }

    /** The message without the location. */
    public String problem() {
        return problem;
    }
}
