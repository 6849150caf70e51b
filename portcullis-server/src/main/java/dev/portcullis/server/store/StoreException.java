package dev.portcullis.server.store;

/** The store could not do its job (the database file is locked, damaged, or the disk is full). */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
