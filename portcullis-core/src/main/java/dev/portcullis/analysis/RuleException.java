package dev.portcullis.analysis;

/** A content rule file could not be loaded: the message names the file and what is wrong in it. */
public final class RuleException extends Exception {
    public RuleException(String message) {
        super(message);
    }

    public RuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
