package dev.portcullis.cli;

import dev.portcullis.model.InputException;
import dev.portcullis.registry.RegistryException;
import java.io.IOException;

/** The exit codes every command keeps, and the one function that maps outcomes onto them. */
public final class ExitCodes {
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }

    /** Bad input is the user's to fix (2); a registry or disk failure is ours or the network's (3). */
    public static int of(Exception e) {
        return switch (e) {
            case InputException ie -> USAGE;
            case RegistryException re -> INTERNAL;
            case IOException io -> INTERNAL;
            default -> INTERNAL;
        };
    }
}
