package dev.portcullis.tarball;

import java.util.Objects;

/**
 * Something suspicious or broken in a tarball: reported, never thrown.
 *
 * @param kind    what is wrong
 * @param entry   the entry name exactly as written in the tar, or empty for problems of the stream as a whole
 * @param message one sentence for a person
 */
public record TarballProblem(Kind kind, String entry, String message) {
    public enum Kind {
        /** {@code ..} segments, absolute paths, Windows drive letters or backslashes; the entry is not kept. */
        PATH_TRAVERSAL,
        /** A symbolic link; not kept, never followed. */
        SYMLINK,
        /** A hard link; not kept, never followed. */
        HARDLINK,
        /** A character or block device or a FIFO; not kept. */
        DEVICE_OR_FIFO,
        /** A tar entry type that is neither a file, a directory, a link nor a device (sparse files, vendor types). */
        UNSUPPORTED_ENTRY,
        /** The same normalised path twice with the same content; the last one is kept, as npm's tar extraction does. */
        DUPLICATE_ENTRY,
        /** The same normalised path twice with different content: what is installed is not what a reviewer sees. */
        SHADOWED_ENTRY,
        /** Not under the top-level directory the rest of the package uses. */
        OUTSIDE_PACKAGE_ROOT,
        /** The gzip or tar stream ends early. */
        TRUNCATED,
        /** Not gzip, or a bad gzip or tar header, a checksum or CRC error. */
        CORRUPT,
        /** A {@link TarballLimits} limit was crossed; reading stopped there. */
        LIMIT_EXCEEDED,
        /** The entry name is not valid UTF-8; kept with the malformed bytes replaced by U+FFFD. */
        NON_UTF8_PATH
    }

    public TarballProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a message");
        }
    }
}
