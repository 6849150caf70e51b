package dev.portcullis.registry;

/** The registry could not be reached or answered with an error; front ends turn it into exit code 3. */
public final class RegistryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean integrityMismatch;

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.integrityMismatch = false;
    }

    public RegistryException(String message) {
        this(message, false);
    }

    private RegistryException(String message, boolean integrityMismatch) {
        super(message);
        this.integrityMismatch = integrityMismatch;
    }

    /** The registry served bytes that do not match the integrity they were asked for: tampering, not an outage. */
    static RegistryException integrityMismatch(String message) {
        return new RegistryException(message, true);
    }

    /** True when the download did not match its integrity (see {@link #integrityMismatch(String)}). */
    public boolean integrityMismatch() {
        return integrityMismatch;
    }
}
