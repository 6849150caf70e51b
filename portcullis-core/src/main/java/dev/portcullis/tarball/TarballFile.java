package dev.portcullis.tarball;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One regular file of a package, held in memory; a value (equal by path, content and mode) that cannot change once
 * read. A final class rather than a record because the reader hands over the one array it filled: a record would
 * have to copy every file of every package once more (a deep scan reads gigabytes). Outside this package the
 * content is copied in, and {@link #content()} copies it out; {@link #buffer()}, {@link #open()}, {@link #size()}
 * and {@link #text()} read it without a copy.
 */
public final class TarballFile {
    private final String path;
    private final byte[] content;
    private final int mode;

    /**
     * @param path    relative to the package root, segments joined by {@code /}, no {@code .} or {@code ..}
     * @param content the bytes; copied, so the caller may reuse its array
     * @param mode    the permission bits as written (for example {@code 0755} for an executable)
     */
    public TarballFile(String path, byte[] content, int mode) {
        this(path, Objects.requireNonNull(content, "content").clone(), mode, true);
    }

    /** Takes {@code content} without copying it: for readers that filled the array and drop it. */
    private TarballFile(String path, byte[] content, int mode, boolean owned) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.isEmpty() || path.startsWith("/")) {
            throw new IllegalArgumentException("path must be relative and non-empty, got '" + path + "'");
        }
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("mode must be permission bits only, got " + Integer.toOctalString(mode));
        }
        this.path = path;
        this.content = content;
        this.mode = mode;
    }

    /** A file of {@code content}, which no one else holds: the reader's own buffer, handed over. */
    static TarballFile owning(String path, byte[] content, int mode) {
        return new TarballFile(path, content, mode, true);
    }

    public String path() {
        return path;
    }

    public int mode() {
        return mode;
    }

    /** The bytes, copied: prefer {@link #buffer()} or {@link #open()} where a view will do. */
    public byte[] content() {
        return content.clone();
    }

    /** The bytes as a read-only view, without a copy. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(content).asReadOnlyBuffer();
    }

    /** The bytes as a stream, without a copy. */
    public InputStream open() {
        return new ByteArrayInputStream(content);
    }

    /** The size in bytes, without copying the content. */
    public int size() {
        return content.length;
    }

    /** The content decoded as UTF-8, malformed bytes replaced. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TarballFile that
                && path.equals(that.path) && mode == that.mode && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, mode, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        String shown = content.length <= 64 ? '"' + text() + '"' : content.length + " bytes";
        return "TarballFile[" + path + ", " + shown + ", mode=0" + Integer.toOctalString(mode) + "]";
    }
}
