package dev.portcullis.registry;

/** The registry could not be reached or answered with an error; front ends turn it into exit code 3. */
public final class RegistryException extends Exception {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegistryException(String message) {
        super(message);
    }
}
