package dev.portcullis.model;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import javax.net.ssl.SSLException;

/**
 * The one way an exception becomes words for a person. Many JDK exceptions carry no message (the HTTP client's
 * {@code ConnectException} when a registry is down, a closed channel): naming them by what happened, never printing
 * {@code null}, and masking secrets ({@link Redaction}) are done here, not at each call site.
 */
public final class Problems {
    /** How far down a chain of causes a description looks for a message. */
    private static final int MAX_CAUSES = 8;

    private Problems() {
    }

    /** One phrase saying what went wrong, such as {@code connection refused} or {@code no such file: /x}. */
    public static String describe(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++) {
            String phrase = phrase(t);
            if (phrase != null) {
                return Redaction.redact(phrase);
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return e == null ? "an unknown failure" : words(e.getClass().getSimpleName());
    }

    /** What one exception says, or null when it says nothing worth showing. */
    private static String phrase(Throwable t) {
        String message = t.getMessage() == null || t.getMessage().isBlank() || t.getMessage().equals("null")
                // new IOException(cause) takes the cause's toString() as its message: the cause says it better
                || t.getCause() != null && t.getMessage().equals(t.getCause().toString())
                ? null : t.getMessage().strip();
        return switch (t) {
            case HttpConnectTimeoutException x -> "the connection timed out";
            case HttpTimeoutException x -> "the request timed out";
            case SocketTimeoutException x -> "the connection timed out";
            case ConnectException x -> "connection refused" + (message == null || message.equalsIgnoreCase(
                    "connection refused") ? "" : " (" + message + ")");
            case NoRouteToHostException x -> "no route to the host";
            case UnknownHostException x -> "unknown host" + (message == null ? "" : " " + message);
            case NoSuchFileException x -> "no such file: " + x.getFile();
            case AccessDeniedException x -> "permission denied: " + x.getFile();
            case FileSystemException x -> message;
            case ClosedChannelException x -> "the connection was closed";
            case EOFException x -> message == null ? "the input ended early" : message;
            case SSLException x -> message == null ? null : "TLS: " + message;
            // its helpful message names a variable that "is null": an internal defect, said so
            case NullPointerException x -> "an internal defect (a value was missing)";
            default -> message;
        };
    }

    /** {@code StackOverflowError} → {@code stack overflow error}. */
    private static String words(String simpleName) {
        return simpleName.replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
