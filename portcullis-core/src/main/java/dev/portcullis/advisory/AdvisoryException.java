package dev.portcullis.advisory;

/** The advisory database or an advisory source could not do its job; the message says what and how to repair. */
public final class AdvisoryException extends Exception {
    private static final long serialVersionUID = 1L;

    public AdvisoryException(String message, Throwable cause) {
        super(message, cause);
    }

    public AdvisoryException(String message) {
        super(message);
    }
}
