package dev.portcullis.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The on-disk registry cache, shared by concurrent runs: tarballs by content ({@code content/<algorithm>/<hex>}),
 * packuments by URL with the validators for conditional requests ({@code packuments/<sha256 of URL and form>}).
 * Every write goes through a temporary file and an atomic rename, so a reader sees a whole entry or none; a
 * damaged entry reads as missing and is fetched again. The root is {@code Environment.cacheDir()}
 * ({@code PORTCULLIS_CACHE}).
 */
public final class RegistryCache {
    private final Path root;
    private final ObjectMapper mapper = Json.mapper();

    /** A packument as last fetched, with what the registry said to revalidate it. */
    public record Document(byte[] body, Optional<String> etag, Optional<String> lastModified, boolean abbreviated) {
        public Document {
            body = body.clone();
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(lastModified, "lastModified");
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    public RegistryCache(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    public Path root() {
        return root;
    }

    /**
     * The file stored under {@code integrity}, if present and still matching it. The file is checked by streaming it
     * through the digest, never held in memory; it stays valid, since an entry is only ever replaced (by an atomic
     * rename) with content verified against the same digest.
     */
    public Optional<Path> content(Integrity integrity) {
        Path file = contentFile(integrity);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        MessageDigest digest = integrity.algorithm().digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(digest.digest(), HexFormat.of().parseHex(integrity.hex())) ? Optional.of(file)
                : Optional.empty();
    }

    /**
     * Stores verified bytes under their digest; concurrent writers of the same content all succeed.
     *
     * @return the stored file, as {@link #content} would give it
     */
    public Path putContent(Integrity integrity, byte[] bytes) throws IOException {
        if (!integrity.matches(bytes)) {
            throw new IllegalArgumentException("content does not match " + integrity);
        }
        Path file = contentFile(integrity);
        write(file, bytes);
        return file;
    }

    public Optional<Document> document(URI url, boolean abbreviated) {
        Path file = documentFile(url, abbreviated);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            byte[] stored = Files.readAllBytes(file);
            int newline = indexOf(stored, (byte) '\n');
            if (newline < 0) {
                return Optional.empty();
            }
            JsonNode header = mapper.readTree(Arrays.copyOf(stored, newline));
            if (!url.toString().equals(header.path("url").asText())) {
                return Optional.empty();
            }
            return Optional.of(new Document(Arrays.copyOfRange(stored, newline + 1, stored.length),
                    text(header, "etag"), text(header, "lastModified"), header.path("abbreviated").asBoolean()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stores a document as one file: a one-line JSON header (URL, validators), then the body as received. */
    public void putDocument(URI url, boolean requestedAbbreviated, Document document) throws IOException {
        ObjectNode header = mapper.createObjectNode().put("url", url.toString())
                .put("abbreviated", document.abbreviated());
        document.etag().ifPresent(v -> header.put("etag", v));
        document.lastModified().ifPresent(v -> header.put("lastModified", v));
        byte[] head = (mapper.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = document.body();
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        write(documentFile(url, requestedAbbreviated), all);
    }

    private Path contentFile(Integrity integrity) {
        return root.resolve("content").resolve(integrity.algorithm().sriName()).resolve(integrity.hex());
    }

    private Path documentFile(URI url, boolean abbreviated) {
        return root.resolve("packuments").resolve(sha256(url + (abbreviated ? " abbreviated" : " full")) + ".doc");
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Optional<String> text(JsonNode header, String field) {
        return header.hasNonNull(field) ? Optional.of(header.get(field).asText()) : Optional.empty();
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
