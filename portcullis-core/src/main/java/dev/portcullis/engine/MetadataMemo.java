package dev.portcullis.engine;

import dev.portcullis.registry.MetadataStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A judgement over registry metadata remembered in the {@link MetadataStore} for the next run over the same inputs.
 * A warm scan of a project in which nothing changed otherwise reads and judges every package's summary again (about
 * half of its time for 5,000 packages) to reach the same findings; this keeps the outcome under a digest of
 * everything it was computed from — this build of Portcullis, the rules and their settings, and every judged
 * version with where it installs from, where it is reported and the registry asked — and trusts it only while
 * <ul>
 *   <li>every summary file it read is still the very same file in the store ({@link MetadataStore#unchanged}: a
 *       refetch by this or another process replaces it),</li>
 *   <li>online, those summaries' mutable facts are within the store's TTL (so the store would not refetch them) and
 *       {@code --refresh} is not asked for,</li>
 *   <li>and no rule's outcome or wording would change with the clock alone before now
 *       ({@link dev.portcullis.analysis.meta.MetadataRule#changesAt}).</li>
 * </ul>
 * Anything else, and anything unreadable, is a miss: the stage runs as if nothing were remembered. Nothing is
 * remembered from a run that could not read some metadata.
 *
 * <p>The format is this class's own (a digest-named file of length-prefixed fields, written whole through the
 * store's atomic rename): a memo is read back only by the build that wrote it, so it needs no schema evolution.
 */
final class MetadataMemo {
    private static final int MAGIC = 0x50434d31; // "PCM1"
    /** This build: the memo of another build (other rules, other code) is never read. */
    private static final String BUILD = build();

    private final MetadataStore store;
    private final String key;

    private MetadataMemo(MetadataStore store, String key) {
        this.store = store;
        this.key = key;
    }

    /** What a memo holds: the caller's payload, and which summaries it came from. */
    record Kept(byte[] payload, Map<String, MetadataStore.Stamp> read, Instant validUntil) {
        Kept {
            Objects.requireNonNull(payload, "payload");
            read = Map.copyOf(read);
            Objects.requireNonNull(validUntil, "validUntil");
        }
    }

    /**
     * The memo of one computation, named by the digest of {@code inputs} (every input that can change its outcome,
     * in a stable order; the build is added here).
     */
    static MetadataMemo of(MetadataStore store, String kind, Iterable<String> inputs) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        update(digest, kind);
        update(digest, BUILD);
        for (String input : inputs) {
            update(digest, input);
        }
        return new MetadataMemo(store, kind + "-" + HexFormat.of().formatHex(digest.digest()));
    }

    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                (byte) (bytes.length >>> 8), (byte) bytes.length});
        digest.update(bytes);
    }

    /** The remembered payload, when it holds at {@code now} (see the class comment); empty on any doubt. */
    Optional<byte[]> recall(Instant now) {
        if (store.refresh()) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = store.recall(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.get()))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(key)) {
                return Optional.empty();
            }
            Instant made = Instant.ofEpochMilli(in.readLong());
            Instant validUntil = Instant.ofEpochMilli(in.readLong());
            if (now.isBefore(made) || !now.isBefore(validUntil)) {
                return Optional.empty(); // past a rule's change, or a clock that went back
            }
            int files = in.readInt();
            for (int i = 0; i < files; i++) {
                String name = in.readUTF();
                String file = in.readUTF();
                Instant fetched = Instant.ofEpochMilli(in.readLong());
                if (!store.offline() && (fetched.plus(store.ttl()).isBefore(now)
                        || fetched.isAfter(now.plus(store.ttl())))) {
                    return Optional.empty(); // the store would fetch it again: judge what it brings
                }
                if (!store.unchanged(name, file)) {
                    return Optional.empty();
                }
            }
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            return Optional.of(payload);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // torn, foreign or of another format: judged afresh
        }
    }

    /**
     * Remembers {@code payload}, computed at {@code now} from the summaries of {@code names} as this run's store
     * read them; nothing when one of them has no {@link MetadataStore#stamp stamp} (not read whole, failed).
     *
     * @param validUntil when a rule's outcome or wording changes with the clock alone ({@link Instant#MAX}: never)
     */
    void keep(Instant now, Iterable<String> names, Instant validUntil, byte[] payload) {
        Map<String, MetadataStore.Stamp> read = new LinkedHashMap<>();
        for (String name : names) {
            Optional<MetadataStore.Stamp> stamp = store.stamp(name);
            if (stamp.isEmpty()) {
                return;
            }
            read.put(name, stamp.get());
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + payload.length + read.size() * 64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeUTF(key);
            out.writeLong(now.toEpochMilli());
            out.writeLong(validUntil.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE)) ? Long.MAX_VALUE
                    : validUntil.toEpochMilli());
            out.writeInt(read.size());
            for (Map.Entry<String, MetadataStore.Stamp> e : read.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue().file());
                out.writeLong(e.getValue().fetched().toEpochMilli());
            }
            out.writeInt(payload.length);
            out.write(payload);
            out.flush();
            store.remember(key, bytes.toByteArray());
        } catch (IOException e) {
            // a byte array does not fail; nothing remembered if it did
        }
    }

    /** Writes strings that may be null or longer than {@link DataOutputStream#writeUTF} takes. */
    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > in.available()) {
            throw new IOException("truncated memo");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Lists whose order is part of an input, joined so that no two different lists give the same text. */
    static String joined(List<String> parts) {
        List<String> escaped = new ArrayList<>(parts.size());
        for (String p : parts) {
            escaped.add(p.replace("\\", "\\\\").replace(",", "\\,"));
        }
        return String.join(",", escaped);
    }

    /**
     * The running build: the jar's path, size and modification time (the launcher rebuilds it when a source changes);
     * run from class directories (tests, an IDE) a token of this JVM, so memos never outlive the code that made them.
     */
    private static String build() {
        try {
            Path code = Path.of(MetadataMemo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return Versions.tool() + "|" + code.toAbsolutePath() + "|" + Files.size(code) + "|"
                        + Files.getLastModifiedTime(code).toMillis();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // an unusual class loader: fall through to a token of this JVM
        }
        return Versions.tool() + "|jvm-" + UUID.randomUUID();
    }
}
