package dev.portcullis.tarball;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One regular file of a package, held in memory.
 *
 * @param path    relative to the package root, segments joined by {@code /}, no {@code .} or {@code ..}
 * @param content the bytes; copied in and out, so a file cannot change once read
 * @param mode    the permission bits as written (for example {@code 0755} for an executable)
 */
public record TarballFile(String path, byte[] content, int mode) {
    public TarballFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.isEmpty() || path.startsWith("/")) {
            throw new IllegalArgumentException("path must be relative and non-empty, got '" + path + "'");
        }
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("mode must be permission bits only, got " + Integer.toOctalString(mode));
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
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
