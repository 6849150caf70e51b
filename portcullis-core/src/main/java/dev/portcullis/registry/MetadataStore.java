package dev.portcullis.registry;

import dev.portcullis.concurrent.Parallel;
import dev.portcullis.model.Problems;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The registry metadata of every package a run asks about, as {@link PackageSummary}s kept on disk between runs:
 * one small file per package ({@code <dir>/summaries/<encoded name>.json}) and, beside it, the per-version
 * {@link PackageSummary.Manifest}s that only tarball checks read ({@code <dir>/manifests/…}), each written through a temporary file and an atomic
 * rename, so that concurrent runs (two CI jobs on one cache) each see a whole entry or none and the last writer
 * wins with an equally valid one. One file per package rather than one database: a run reads only the packages of
 * its lockfile, in parallel, and needs no lock to write (measured in docs/benchmarks.md: about 2,500 entries of a
 * 5,000-package lockfile read in well under a second).
 *
 * <p>A published version's facts never change, so a stored summary is used as it is unless the caller asks for a
 * version it lacks (published since), or its mutable facts (dist-tags, maintainers, deprecations, unpublished
 * versions) are older than the TTL, or {@code refresh} is set. Offline, the store alone answers. A package is
 * fetched at most once per run (per instance): one request, the full document, streamed into its summary.
 */
public final class MetadataStore {
    /** How long the mutable facts of a stored summary are trusted by default. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    /** How many remembered judgements ({@link #remember}) a store keeps: one per recent state of a project. */
    public static final int MEMO_FILES = 64;

    private final RegistryClient client;
    private final Path dir;
    private final Clock clock;
    private final Duration ttl;
    private final boolean refresh;
    /**
     * What this run fetched, or had to make do with (offline, the registry failing), so that a second stage asking
     * about a package does not ask the registry again. A summary read fresh from the store is not held: reading it
     * again costs a file read, and holding every summary of a 5,000-package lockfile would keep tens of megabytes
     * alive through the whole run (each young collection copying them).
     */
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    /** How many summary files this store read from disk (the memo's tests, and diagnostics). */
    private final java.util.concurrent.atomic.AtomicInteger summariesRead = new java.util.concurrent.atomic.AtomicInteger();
    /** The summary file behind each answer of this run, where it was read or written whole. */
    private final Map<String, Stamp> stamps = new ConcurrentHashMap<>();

    /**
     * Which stored summary file an answer came from ({@code file}: its identity, modification time and size; a
     * rewrite is a new file through a rename, so it changes) and when the registry sent it: a remembered judgement
     * made from the answer holds while the file is the same one and its mutable facts are within the TTL.
     */
    public record Stamp(String file, Instant fetched) {
        public Stamp {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(fetched, "fetched");
        }
    }

    /** @param manifests kept in memory only without a directory to keep them in */
    private record Held(SummaryCodec.Entry entry, boolean fetchedNow, Map<String, PackageSummary.Manifest> manifests) {
        Held(SummaryCodec.Entry entry) {
            this(entry, false, Map.of());
        }
    }

    /** The outcome for one package. */
    public sealed interface Lookup {
        String name();

        /**
         * @param unconfirmed versions asked for that the summary lacks and that could not be checked with the
         *     registry this run (offline, or the registry failed and the stored summary stood in): not known to be
         *     unpublished, only not known
         */
        record Found(String name, PackageSummary summary, Set<String> unconfirmed) implements Lookup {
            public Found {
                Objects.requireNonNull(summary, "summary");
                unconfirmed = Set.copyOf(unconfirmed);
            }
        }

        /** The registry answered 404: it does not know the package (never published, or removed). */
        record Missing(String name) implements Lookup {
        }

        /** Nothing could be had (offline and not stored, network, malformed). */
        record Failed(String name, String reason) implements Lookup {
        }
    }

    /**
     * @param dir the store's directory ({@code <cache>/metadata}), or null to keep nothing between runs
     * @param ttl how long the mutable facts of a stored summary are trusted
     * @param refresh fetch every package asked about once this run, whatever the store holds ({@code --refresh})
     */
    public MetadataStore(RegistryClient client, Path dir, Clock clock, Duration ttl, boolean refresh) {
        this.client = Objects.requireNonNull(client, "client");
        this.dir = dir;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("negative TTL: " + ttl);
        }
        this.refresh = refresh;
    }

    /** Whether the store answers alone, never asking the registry. */
    public boolean offline() {
        return client.offline();
    }

    /** Whether every package asked about is fetched once this run whatever the store holds ({@code --refresh}). */
    public boolean refresh() {
        return refresh;
    }

    /** How long the mutable facts of a stored summary are trusted. */
    public Duration ttl() {
        return ttl;
    }

    /**
     * The stored summary file behind this run's last answer about {@code name}, when it was read (or written) whole
     * and unchanged meanwhile; empty without a directory, after a failure, or when another process replaced the file
     * while it was read.
     */
    public Optional<Stamp> stamp(String name) {
        return Optional.ofNullable(stamps.get(name));
    }

    /** How many stored summary files this store has read so far. */
    public int summariesRead() {
        return summariesRead.get();
    }

    /** Whether the store still holds the very summary file {@code stamp} names for {@code name}. */
    public boolean unchanged(String name, String stamp) {
        return dir != null && stamp.equals(stampOf(file(dir.resolve("summaries"), name)));
    }

    /** Whether the store at {@code dir} remembers any judgement ({@link #remember}): a cheap guess that one holds. */
    public static boolean remembersJudgements(Path dir) {
        try (java.util.stream.Stream<Path> memos = Files.list(dir.resolve("memo"))) {
            return memos.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /** What this store remembers under {@code key} (a file name of letters and digits), if anything. */
    public Optional<byte[]> recall(String key) {
        return bytes(dir == null ? null : dir.resolve("memo"), key);
    }

    /**
     * Remembers {@code bytes} under {@code key}, replacing what was there; at most {@link #MEMO_FILES} are kept, the
     * least recently written going first. A store that cannot be written remembers nothing.
     */
    public void remember(String key, byte[] bytes) {
        if (dir == null) {
            return;
        }
        Path memo = dir.resolve("memo");
        try {
            write(memo, key, bytes);
            List<Path> files;
            try (java.util.stream.Stream<Path> listed = Files.list(memo)) {
                files = listed.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
            }
            if (files.size() > MEMO_FILES) {
                Map<Path, Long> written = new java.util.HashMap<>();
                for (Path f : files) {
                    try {
                        written.put(f, Files.getLastModifiedTime(f).toMillis());
                    } catch (IOException e) {
                        written.put(f, Long.MIN_VALUE); // gone already
                    }
                }
                List<Path> oldestFirst = new ArrayList<>(files);
                oldestFirst.sort(java.util.Comparator.comparing(written::get));
                for (Path f : oldestFirst.subList(0, files.size() - MEMO_FILES)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // only a saving lost: the next run judges afresh
        }
    }

    /** The registry {@code name} is read from, named in messages. */
    public String registryFor(String name) {
        return client.registryFor(name);
    }

    /** The summary of one package, which should list {@code versions}. */
    public Lookup summary(String name, Collection<String> versions) {
        Set<String> wanted = new TreeSet<>(versions);
        Held current = held.get(name);
        if (current == null || !current.fetchedNow() && needsFetch(current.entry(), wanted)) {
            Optional<SummaryCodec.Entry> stored = current != null ? Optional.of(current.entry()) : read(name);
            if (stored.isEmpty() || needsFetch(stored.get(), wanted)) {
                if (client.offline()) {
                    if (stored.isEmpty()) {
                        return new Lookup.Failed(name, "offline: no registry metadata of " + name + " in "
                                + (dir == null ? "the store (none configured)" : dir.toString()));
                    }
                    current = new Held(stored.get()); // offline, the store answers, and never differently
                } else {
                    try {
                        current = fetch(name);
                    } catch (RegistryException e) {
                        if (stored.isEmpty()) {
                            return new Lookup.Failed(name, e.getMessage());
                        }
                        current = new Held(stored.get()); // stale facts beat none; unknown versions say so
                    }
                    held.put(name, current);
                }
            } else {
                current = new Held(stored.get());
            }
        }
        Optional<PackageSummary> summary = current.entry().summary();
        if (summary.isEmpty()) {
            return new Lookup.Missing(name);
        }
        Set<String> unconfirmed = new TreeSet<>();
        if (!current.fetchedNow()) {
            wanted.stream().filter(v -> !summary.get().versions().containsKey(v)).forEach(unconfirmed::add);
        }
        return new Lookup.Found(name, summary.get(), unconfirmed);
    }

    /**
     * The summaries of many packages, at most {@link RegistryLimits#parallelism()} read or fetched at once, each
     * handed to {@code handler} on the thread that got it; the handler's results come back in the order of
     * {@code versionsByName}. One failure does not stop the others.
     */
    public <T> List<T> summaries(Map<String, ? extends Collection<String>> versionsByName,
                                 Function<Lookup, T> handler) throws RegistryException {
        List<String> names = new ArrayList<>(versionsByName.keySet());
        try {
            return Parallel.io(client.limits().parallelism()).map(names,
                    name -> handler.apply(summary(name, versionsByName.get(name))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while reading registry metadata", e);
        }
    }

    private boolean needsFetch(SummaryCodec.Entry entry, Set<String> wanted) {
        if (refresh) {
            return true;
        }
        Instant now = clock.instant();
        if (entry.fetched().plus(ttl).isBefore(now) || entry.fetched().isAfter(now.plus(ttl))) {
            return true; // stale mutable facts, or a clock that jumped back: either way, ask again
        }
        return entry.summary().isPresent() && !entry.summary().get().versions().keySet().containsAll(wanted);
    }

    /**
     * What a tarball of {@code name@version} is checked against (its URL, integrity, and the manifest fields
     * meta/manifest-confusion compares): from the store, else fetched with the package's document when this run has
     * not fetched it yet. Empty when the registry does not list the version or, offline, the store lacks it.
     */
    public Optional<PackageSummary.Manifest> manifest(String name, String version) {
        Held current = held.get(name);
        if (current != null && current.manifests().containsKey(version)) {
            return Optional.of(current.manifests().get(version));
        }
        Optional<PackageSummary.Manifest> stored = readManifest(name, version);
        if (stored.isPresent() || client.offline() || current != null && current.fetchedNow()) {
            return stored;
        }
        try {
            current = fetch(name);
        } catch (RegistryException e) {
            return Optional.empty();
        }
        held.put(name, current);
        return current.manifests().containsKey(version) ? Optional.of(current.manifests().get(version))
                : readManifest(name, version);
    }

    /**
     * When this store learnt {@code fact} about a registry (such as that it has no bulk advisory endpoint), if it
     * did so within the TTL; never with {@code refresh}, nor without a directory to keep facts in.
     */
    public Optional<Instant> learnt(String fact) {
        if (refresh || dir == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return bytes(dir.resolve("facts"), fact).flatMap(b -> {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(new String(b, StandardCharsets.US_ASCII))));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return Optional.empty(); // torn or foreign: learnt again
            }
        }).filter(at -> !at.plus(ttl).isBefore(now) && !at.isAfter(now.plus(ttl)));
    }

    /** Keeps {@code fact} (learnt now) for later runs, or forgets it; a store that cannot be written keeps nothing. */
    public void learn(String fact, boolean holds) {
        if (dir == null) {
            return;
        }
        try {
            if (holds) {
                write(dir.resolve("facts"), fact, Long.toString(clock.instant().toEpochMilli())
                        .getBytes(StandardCharsets.US_ASCII));
            } else {
                Files.deleteIfExists(file(dir.resolve("facts"), fact));
            }
        } catch (IOException e) {
            // only a saving lost: the next run asks again
        }
    }

    private Held fetch(String name) throws RegistryException {
        Instant now = clock.instant();
        Optional<PackageSummary.Read> read = client.fullDocument(name, (body, abbreviated) ->
                PackageSummary.read(name, body, abbreviated, now));
        SummaryCodec.Entry entry = new SummaryCodec.Entry(now, read.map(PackageSummary.Read::summary));
        if (dir == null) {
            return new Held(entry, true, read.map(PackageSummary.Read::manifests).orElse(Map.of()));
        }
        try {
            // the manifests first: a reader that finds the new summary finds its versions' manifests too
            if (read.isPresent()) {
                write(dir.resolve("manifests"), name, SummaryCodec.encodeManifests(client.registryFor(name), name,
                        read.get().manifests()));
            }
            stamps.put(name, new Stamp(write(dir.resolve("summaries"), name, SummaryCodec.encode(entry)), now));
        } catch (IOException e) {
            throw new RegistryException("cannot write the metadata store " + dir + ": " + Problems.describe(e), e);
        }
        return new Held(entry, true, Map.of());
    }

    private Optional<SummaryCodec.Entry> read(String name) {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = file(dir.resolve("summaries"), name);
        String before = stampOf(file);
        if (before != null) {
            summariesRead.incrementAndGet();
        }
        Optional<SummaryCodec.Entry> entry = before == null ? Optional.empty()
                : bytes(dir.resolve("summaries"), name).flatMap(SummaryCodec::decode);
        if (entry.isPresent() && before.equals(stampOf(file))) {
            stamps.put(name, new Stamp(before, entry.get().fetched()));
        } else {
            stamps.remove(name);
        }
        return entry;
    }

    /** A file's identity, modification time and size, or null when it cannot be read. */
    private static String stampOf(Path file) {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            return a.fileKey() + "|" + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) + "|"
                    + a.size();
        } catch (IOException e) {
            return null;
        }
    }

    private Optional<PackageSummary.Manifest> readManifest(String name, String version) {
        return bytes(dir == null ? null : dir.resolve("manifests"), name)
                .flatMap(b -> SummaryCodec.decodeManifest(b, version));
    }

    private static Optional<byte[]> bytes(Path in, String name) {
        if (in == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file(in, name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable: fetched again and rewritten
        }
    }

    /**
     * Writes through a temporary file and an atomic rename: concurrent readers see the old file or the new one.
     * Returns the written file's {@link #stampOf stamp}, taken before the rename (which keeps it) so that it is this
     * writer's file whatever another process writes next.
     */
    private static String write(Path in, String name, byte[] bytes) throws IOException {
        Files.createDirectories(in);
        Path tmp = Files.createTempFile(in, ".tmp-", "");
        try {
            Files.write(tmp, bytes);
            String stamp = stampOf(tmp);
            try {
                Files.move(tmp, file(in, name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(in, name), StandardCopyOption.REPLACE_EXISTING);
            }
            return stamp == null ? "unknown" : stamp;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path file(Path in, String name) {
        return in.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8) + ".json");
    }
}
