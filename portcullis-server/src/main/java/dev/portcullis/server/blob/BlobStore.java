package dev.portcullis.server.blob;

import dev.portcullis.registry.Integrity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tarballs in a content-addressed directory, one file per SHA-512 ({@code sha512/ab/abcdef…}). A blob is written to
 * a temporary file beside its place, synced, checked against the integrity it must have and only then moved into
 * place in one atomic rename: a process killed at any moment leaves either the whole blob or none (and temporary
 * files, removed on the next open). Every read is checked again: {@link #verified} hashes the file before anyone
 * streams it, and a blob whose bytes no longer hash to its name is discarded, so it is never served. Recently
 * served small blobs may be kept in memory as they were checked (a bounded total), so a hot tarball costs
 * neither a disk read nor a hash per request.
 */
public final class BlobStore {
    private static final Pattern SHA512_HEX = Pattern.compile("[0-9a-f]{128}");
    private static final String TEMPORARY = ".tmp-";
    /** A blob larger than this is never kept in memory: it is streamed from its file each time. */
    private static final long MAX_HOT_BLOB = 4L << 20;
    private final Path root;
    private final Hot hot;

    private BlobStore(Path root, long hotBytes) {
        this.root = root;
        this.hot = new Hot(hotBytes);
    }

    /**
     * The most recently served blobs, kept in memory up to a total size, as they were when their file was read and
     * hashed: serving a popular tarball then costs neither a disk read nor a hash per request. Every read of a file
     * is still checked.
     */
    private static final class Hot {
        private final long maxBytes;
        private final java.util.LinkedHashMap<String, byte[]> blobs = new java.util.LinkedHashMap<>(64, 0.75f, true);
        private long bytes;

        Hot(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized byte[] get(String sha512) {
            return blobs.get(sha512);
        }

        synchronized void put(String sha512, byte[] content) {
            if (content.length > maxBytes || blobs.containsKey(sha512)) {
                return;
            }
            blobs.put(sha512, content);
            bytes += content.length;
            var eldest = blobs.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                bytes -= eldest.next().getValue().length;
                eldest.remove();
            }
        }

        synchronized void remove(String sha512) {
            byte[] gone = blobs.remove(sha512);
            if (gone != null) {
                bytes -= gone.length;
            }
        }
    }

    /** Opens the store in {@code dir} with no blob kept in memory. */
    public static BlobStore open(Path dir) throws IOException {
        return open(dir, 0);
    }

    /**
     * Opens the store in {@code dir}, removing the temporary files a killed process left behind.
     *
     * @param hotBytes how many bytes of recently served, checked blobs to keep in memory (0: none)
     */
    public static BlobStore open(Path dir, long hotBytes) throws IOException {
        Path root = dir.toAbsolutePath().resolve("sha512");
        Files.createDirectories(root);
        try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(root)) {
            for (Path prefix : prefixes) {
                if (!Files.isDirectory(prefix)) {
                    continue;
                }
                try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(prefix, TEMPORARY + "*")) {
                    for (Path leftover : leftovers) {
                        Files.deleteIfExists(leftover);
                    }
                }
            }
        }
        return new BlobStore(root, hotBytes);
    }

    /** A stored blob. */
    public final class Blob {
        private final String sha512;
        private final Path file;
        private final long size;
        /** The checked bytes when the blob is kept in memory, else null. */
        private final byte[] content;

        private Blob(String sha512, Path file, long size) {
            this(sha512, file, size, null);
        }

        private Blob(String sha512, Path file, long size, byte[] content) {
            this.sha512 = sha512;
            this.file = file;
            this.size = size;
            this.content = content;
        }

        public String sha512() {
            return sha512;
        }

        public long size() {
            return size;
        }

        /** The bytes as a stream (of a blob {@link #verified} just checked). */
        public InputStream open() throws IOException {
            return content != null ? new java.io.ByteArrayInputStream(content) : Files.newInputStream(file);
        }
    }

    /** What a check of a stored blob found. */
    public sealed interface Checked permits Intact, Absent, Corrupted {
    }

    /** The blob, whose bytes hash to its name. */
    public record Intact(Blob blob) implements Checked {
    }

    /** No such blob. */
    public record Absent() implements Checked {
    }

    /** The blob's bytes no longer hash to its name: it was discarded. */
    public record Corrupted(String message) implements Checked {
    }

    /** The blob named {@code sha512}, checked: its whole file is hashed again before it is handed out. */
    public Checked verified(String sha512) throws IOException {
        byte[] kept = hot.get(sha512);
        if (kept != null) {
            return new Intact(new Blob(sha512, place(sha512), kept.length, kept));
        }
        Optional<Blob> found = find(sha512);
        if (found.isEmpty()) {
            return new Absent();
        }
        MessageDigest digest = digest("SHA-512");
        boolean keep = found.get().size() <= MAX_HOT_BLOB && hot.maxBytes > 0;
        java.io.ByteArrayOutputStream copy = keep ? new java.io.ByteArrayOutputStream((int) found.get().size()) : null;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(found.get().file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                if (copy != null) {
                    copy.write(buffer, 0, n);
                }
            }
        } catch (NoSuchFileException e) {
            return new Absent();
        }
        if (HexFormat.of().formatHex(digest.digest()).equals(sha512)) {
            if (copy == null) {
                return new Intact(found.get());
            }
            byte[] content = copy.toByteArray();
            hot.put(sha512, content);
            return new Intact(new Blob(sha512, found.get().file, content.length, content));
        }
        hot.remove(sha512);
        Files.deleteIfExists(found.get().file);
        return new Corrupted("the stored tarball sha512-" + sha512.substring(0, 16)
                + "… no longer matches its hash: discarded");
    }

    /** The blob named {@code sha512} (hex), if stored; unchecked: {@link #verified} before serving it. */
    public Optional<Blob> find(String sha512) throws IOException {
        if (sha512 == null || !SHA512_HEX.matcher(sha512).matches()) {
            return Optional.empty();
        }
        Path file = place(sha512);
        try {
            return Optional.of(new Blob(sha512, file, Files.size(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores the bytes of {@code in} when they match {@code expected} and returns the blob. Bytes that do not
     * match are never stored.
     *
     * @throws Mismatch when the bytes do not match {@code expected}
     */
    public Blob put(InputStream in, Integrity expected, long maxBytes) throws IOException {
        MessageDigest sha512 = digest("SHA-512");
        MessageDigest check = expected.algorithm() == Integrity.Algorithm.SHA512 ? null
                : digest(expected.algorithm().name().replace("SHA", "SHA-"));
        Path tmpDir = root.resolve("incoming");
        Files.createDirectories(tmpDir);
        Path tmp = Files.createTempFile(tmpDir, TEMPORARY, "");
        try {
            long size = 0;
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new IOException("the tarball is larger than " + maxBytes + " bytes, the limit");
                    }
                    sha512.update(buffer, 0, n);
                    if (check != null) {
                        check.update(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                }
            }
            String hex = HexFormat.of().formatHex(sha512.digest());
            String expectedHex = check == null ? hex : HexFormat.of().formatHex(check.digest());
            if (!expectedHex.equals(expected.hex())) {
                throw new Mismatch("the tarball does not match " + expected + ": not stored");
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Path target = place(hex);
            Files.createDirectories(target.getParent());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the blob directory " + root + " does not support atomic renames", e);
            }
            return new Blob(hex, target, size);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Bytes that do not match the integrity they must have. */
    public static final class Mismatch extends IOException {
        Mismatch(String message) {
            super(message);
        }
    }

    private Path place(String sha512) {
        return root.resolve(sha512.substring(0, 2)).resolve(sha512.substring(2));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
