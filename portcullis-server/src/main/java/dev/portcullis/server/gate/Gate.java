package dev.portcullis.server.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.analysis.PackageAnalysis;
import dev.portcullis.analysis.meta.TarballManifest;
import dev.portcullis.advisory.AdvisoryException;
import dev.portcullis.engine.AdvisoryDb;
import dev.portcullis.engine.Decider;
import dev.portcullis.engine.PackageFetcher;
import dev.portcullis.engine.PackageJudge;
import dev.portcullis.engine.Portcullis;
import dev.portcullis.json.Json;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.Problems;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.PackageEntry;
import dev.portcullis.policy.Policy;
import dev.portcullis.registry.Integrity;
import dev.portcullis.registry.Packument;
import dev.portcullis.registry.RegistryException;
import dev.portcullis.semver.Version;
import dev.portcullis.server.blob.BlobStore;
import dev.portcullis.server.store.Decision;
import dev.portcullis.server.store.DecisionKind;
import dev.portcullis.server.store.Store;
import dev.portcullis.server.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides which versions of a package the firewall serves. Cheap checks first, for every version of a document:
 * the policy's {@code deny:} and {@code allow:} entries and the release-age cooldown ({@code minReleaseAge}). A
 * version that passes them is listed, and its content is judged when its tarball is first asked for — fetched from
 * the upstream, verified against the document's integrity, stored as a blob, analysed and judged by the same
 * {@link PackageJudge} as {@code scan --deep} and {@code inspect} (advisories, metadata rules, content rules). The
 * decision is stored with its evidence and the policy revision that made it; a new policy revision judges again,
 * lazily. Fail closed: while a version is being judged, or when its judgement failed, it is not served.
 */
public final class Gate implements AutoCloseable {
    private final Portcullis portcullis;
    private final Store store;
    private final BlobStore blobs;
    private final Settings settings;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();
    private final GateStats stats = new GateStats();
    private final Map<String, Upstream> documents = new ConcurrentHashMap<>();
    private final Map<String, Cached> listings = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> fetchLocks = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Decision>> running = new ConcurrentHashMap<>();
    private final Set<String> refusalsRecorded = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    /** Content analysis is CPU work: a few at once, whatever the number of requests waiting. */
    private final Semaphore analysing;

    /**
     * @param revision names the policy (and rule set) the decisions are made under
     * @param privateScopes scopes that are never looked up on the default upstream
     * @param scopedUpstreams scopes with an upstream of their own
     */
    public record Settings(String revision, Duration packumentTtl, Duration analysisWait, long maxTarballBytes,
                           Set<String> privateScopes, Set<String> scopedUpstreams, int parallelAnalyses) {
        public Settings {
            privateScopes = Set.copyOf(privateScopes);
            scopedUpstreams = Set.copyOf(scopedUpstreams);
        }
    }

    private record Upstream(ObjectNode document, Instant fetchedAt, boolean stale, long identity) {
    }

    private record Cached(Listing listing, long generation, long identity) {
    }

    private static final AtomicLong FETCHES = new AtomicLong();

    public Gate(Portcullis portcullis, Store store, BlobStore blobs, Settings settings) {
        this.portcullis = portcullis;
        this.store = store;
        this.blobs = blobs;
        this.settings = settings;
        this.clock = portcullis.clock();
        this.analysing = new Semaphore(Math.max(1, settings.parallelAnalyses()));
    }

    public GateStats stats() {
        return stats;
    }

    public String revision() {
        return settings.revision();
    }

    /** The listing of {@code name}: the versions a client may see. */
    public Answer document(String name) {
        Optional<String> refused = privateScope(name);
        if (refused.isPresent()) {
            return new Answer.Missing(refused.get());
        }
        try {
            Instant now = clock.instant();
            Upstream upstream = upstream(name, now);
            if (upstream == null) {
                return new Answer.Missing(name + " is not in the upstream registry " + portcullis.npmConfig()
                        .registryFor(name));
            }
            long generation = generation(name).get();
            Cached cached = listings.get(name);
            if (cached != null && cached.generation() == generation && cached.identity() == upstream.identity()
                    && now.isBefore(cached.listing().validUntil())) {
                stats.listingHits.increment();
                return new Answer.Document(cached.listing());
            }
            stats.listingMisses.increment();
            Listing listing = list(name, upstream, now);
            // the cheap decisions list() stored moved the generation on: the listing is of the generation after them
            listings.put(name, new Cached(listing, generation(name).get(), upstream.identity()));
            return new Answer.Document(listing);
        } catch (Unreachable e) {
            return new Answer.Unavailable(e.getMessage(), 30);
        } catch (StoreException e) {
            return new Answer.Unavailable(e.getMessage(), 30);
        }
    }

    /** The tarball {@code file} of {@code name} ({@code name-1.2.3.tgz}), when its version is allowed. */
    public Answer tarball(String name, String file) {
        Optional<String> version = versionOf(name, file);
        if (version.isEmpty()) {
            return new Answer.Missing(file + " is not a tarball name of " + name);
        }
        Answer document = document(name);
        if (!(document instanceof Answer.Document found)) {
            return document;
        }
        Listing listing = found.listing();
        String v = version.get();
        JsonNode doc = listing.versions().get(v);
        if (doc == null || !doc.isObject()) {
            return new Answer.Missing(name + "@" + v + " is not in the upstream registry");
        }
        Decision held = listing.hidden().get(v);
        if (held != null) {
            refusedEvent(held);
            return new Answer.Refused(held);
        }
        try {
            Optional<Decision> decided = store.decision(name, v, settings.revision())
                    .filter(d -> d.current(clock.instant()));
            if (decided.isPresent() && decided.get().kind() != DecisionKind.ALLOW) {
                refusedEvent(decided.get());
                return new Answer.Refused(decided.get());
            }
            if (decided.isPresent() && decided.get().sha512() != null) {
                switch (blobs.verified(decided.get().sha512())) {
                    case BlobStore.Intact intact -> {
                        stats.blobHits.increment();
                        return new Answer.Tarball(intact.blob(), decided.get());
                    }
                    case BlobStore.Corrupted corrupted -> corrupted(name, v, corrupted.message());
                    case BlobStore.Absent absent -> {
                    }
                }
            }
            stats.blobMisses.increment();
            if (listing.stale()) {
                return new Answer.Unavailable("the upstream registry cannot be reached and " + name + "@" + v
                        + " is not stored: not served until it can be fetched and judged", 30);
            }
            Decision decision = judged(name, v, doc, decided.orElse(null));
            if (decision.kind() != DecisionKind.ALLOW) {
                return new Answer.Refused(decision);
            }
            if (blobs.verified(decision.sha512()) instanceof BlobStore.Intact intact) {
                return new Answer.Tarball(intact.blob(), decision);
            }
            return new Answer.Unavailable("the tarball of " + name + "@" + v + " was not stored; try again", 5);
        } catch (Pending e) {
            return new Answer.Unavailable(e.getMessage(), 10);
        } catch (Unreachable e) {
            return new Answer.Unavailable(e.getMessage(), 30);
        } catch (StoreException | IOException e) {
            return new Answer.Unavailable("the firewall's store failed: " + Problems.describe(e), 30);
        }
    }

    /**
     * The advisories of the local database affecting the versions asked about (npm's bulk advisory endpoint).
     *
     * @throws AdvisoryException when there is no local database or it cannot be read
     */
    public Map<String, List<AdvisoryDb.Affecting>> advisories(Map<String, List<String>> asked)
            throws AdvisoryException {
        return new AdvisoryDb(portcullis.environment()).affecting(asked);
    }

    /** A blob that failed its check was discarded: count and record it; the request fetches it again. */
    private void corrupted(String name, String version, String message) {
        stats.corruptedBlobs.increment();
        try {
            store.event(clock.instant(), name, version, "blob:corrupted", message);
        } catch (StoreException e) {
            // the blob is gone already; the event is a record, not a condition of serving
        }
    }

    /**
     * Records the first refusal of each decision since start: every further request for it is in the access log,
     * and a client retrying a refused tarball in a loop must not grow the database with each try.
     */
    private void refusedEvent(Decision decision) {
        if (!refusalsRecorded.add(decision.id() + "\u0000" + decision.decidedAt())) {
            return;
        }
        try {
            store.event(clock.instant(), decision.name(), decision.version(), "refused:" + decision.kind().id(),
                    String.join("; ", decision.reasons()));
        } catch (StoreException e) {
            // the refusal stands either way
        }
    }

    /** Whether {@code name} lies in a private scope that has no upstream of its own. */
    private Optional<String> privateScope(String name) {
        if (!name.startsWith("@")) {
            return Optional.empty();
        }
        String scope = name.substring(0, name.indexOf('/'));
        if (settings.privateScopes().contains(scope) && !settings.scopedUpstreams().contains(scope)) {
            return Optional.of(name + " is in the private scope " + scope + ", which has no upstream configured:"
                    + " it is never looked up on a public registry");
        }
        return Optional.empty();
    }

    private AtomicLong generation(String name) {
        return generations.computeIfAbsent(name, k -> new AtomicLong());
    }

    /** The upstream document, fetched at most once per TTL; the stored copy while the upstream is down. */
    private Upstream upstream(String name, Instant now) throws Unreachable, StoreException {
        Upstream known = documents.get(name);
        if (known != null && !known.stale() && now.isBefore(known.fetchedAt().plus(settings.packumentTtl()))) {
            return known;
        }
        ReentrantLock lock = fetchLocks.computeIfAbsent(name, k -> new ReentrantLock());
        lock.lock();
        try {
            known = documents.get(name);
            if (known != null && !known.stale() && now.isBefore(known.fetchedAt().plus(settings.packumentTtl()))) {
                return known;
            }
            long started = System.nanoTime();
            stats.upstreamRequests.increment();
            try {
                Optional<Packument> fetched = portcullis.registry().packument(name, false);
                stats.upstreamNanos.add(System.nanoTime() - started);
                stats.upstreamLastOk.set(System.currentTimeMillis());
                if (fetched.isEmpty()) {
                    documents.remove(name);
                    return null;
                }
                ObjectNode document = document(name, fetched.get());
                store.putPackument(name, mapper.writeValueAsBytes(document), now);
                Upstream upstream = new Upstream(document, now, false, FETCHES.incrementAndGet());
                documents.put(name, upstream);
                return upstream;
            } catch (IOException | RegistryException e) {
                stats.upstreamNanos.add(System.nanoTime() - started);
                stats.upstreamFailures.increment();
                stats.upstreamLastFailure.set(System.currentTimeMillis());
                if (known != null) {
                    Upstream stale = new Upstream(known.document(), known.fetchedAt(), true, known.identity());
                    documents.put(name, stale);
                    return stale;
                }
                Optional<byte[]> stored = store.packument(name);
                if (stored.isEmpty()) {
                    throw new Unreachable("the upstream registry cannot be reached (" + Problems.describe(e)
                            + ") and nothing of " + name + " is stored: not served");
                }
                try {
                    Upstream stale = new Upstream((ObjectNode) mapper.readTree(stored.get()), now, true,
                            FETCHES.incrementAndGet());
                    documents.put(name, stale);
                    return stale;
                } catch (IOException | ClassCastException parse) {
                    throw new Unreachable("the upstream registry cannot be reached and the stored document of "
                            + name + " is unreadable: not served");
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The document the firewall serves from: name, dist-tags, versions (as published) and time. */
    private ObjectNode document(String name, Packument packument) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("_id", name);
        doc.put("name", name);
        ObjectNode tags = doc.putObject("dist-tags");
        new java.util.TreeMap<>(packument.distTags()).forEach(tags::put);
        ObjectNode versions = doc.putObject("versions");
        List<String> ordered = new ArrayList<>(packument.versions().keySet());
        ordered.sort(Comparator.comparing((String v) -> Version.parse(v, true).orElse(null),
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Comparator.naturalOrder()));
        for (String v : ordered) {
            versions.set(v, packument.versions().get(v).raw());
        }
        ObjectNode time = doc.putObject("time");
        packument.time().created().ifPresent(t -> time.put("created", t.toString()));
        packument.time().modified().ifPresent(t -> time.put("modified", t.toString()));
        for (String v : ordered) {
            Instant published = packument.time().published().get(v);
            if (published != null) {
                time.put(v, published.toString());
            }
        }
        return doc;
    }

    private Listing list(String name, Upstream upstream, Instant now) throws StoreException {
        Map<String, Decision> stored = store.decisions(name, settings.revision());
        Set<String> listed = new HashSet<>();
        Map<String, Decision> hidden = new HashMap<>();
        Instant validUntil = upstream.stale() ? now.plus(Duration.ofSeconds(30))
                : upstream.fetchedAt().plus(settings.packumentTtl());
        JsonNode time = upstream.document().path("time");
        var fields = upstream.document().path("versions").fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            String v = entry.getKey();
            Decision d = stored.get(v);
            if (d == null || !d.current(now)) {
                d = cheap(name, v, published(time, v), now).orElse(null);
            }
            if (d == null) {
                // not judged yet: listed (its tarball request judges it) unless the upstream is down (fail closed)
                // or its judgement is running
                if (!upstream.stale() && !running.containsKey(name + "@" + v)) {
                    listed.add(v);
                }
            } else if (d.kind() == DecisionKind.ALLOW) {
                listed.add(v);
            } else {
                hidden.put(v, d);
                if (d.kind() == DecisionKind.QUARANTINE && d.until() != null && d.until().isBefore(validUntil)) {
                    validUntil = d.until();
                }
            }
        }
        if (!upstream.stale()) {
            Set<String> pending = new HashSet<>(listed);
            pending.removeIf(v -> stored.containsKey(v) && stored.get(v).kind() == DecisionKind.ALLOW);
            prefetch(name, upstream.document(), stored, pending);
        }
        String stamp = settings.revision() + "." + upstream.identity() + "." + generation(name).get();
        return new Listing(name, upstream.document(), listed, hidden, stamp, validUntil, upstream.stale());
    }

    private static Instant published(JsonNode time, String version) {
        JsonNode t = time.get(version);
        if (t == null || !t.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(t.asText());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The decision the policy makes without the tarball — a deny or allow entry, the release-age cooldown — stored;
     * empty when the content must be judged.
     */
    private Optional<Decision> cheap(String name, String version, Instant published, Instant now)
            throws StoreException {
        Policy policy = portcullis.policy();
        Optional<PackageEntry> denied = policy.denied(name, version);
        if (denied.isPresent()) {
            return Optional.of(record(new Decision(name, version, settings.revision(), DecisionKind.BLOCK, null,
                    List.of("denied by the policy (" + denied.get().spec() + ", " + denied.get().location() + "): "
                            + denied.get().reason()), "[]", null, now)));
        }
        if (policy.allowed(name, version).isPresent()) {
            return Optional.empty(); // allowed whatever its findings, once its tarball is fetched and verified
        }
        Duration minAge = policy.metadata().minReleaseAge();
        if (published != null && !minAge.isZero() && now.isBefore(published.plus(minAge))) {
            Instant until = published.plus(minAge);
            return Optional.of(record(new Decision(name, version, settings.revision(), DecisionKind.QUARANTINE, until,
                    List.of("published " + published + ", younger than the policy's minReleaseAge ("
                            + dev.portcullis.model.Durations.format(minAge) + "): held back until " + until),
                    "[]", null, now)));
        }
        return Optional.empty();
    }

    private Decision record(Decision decision) throws StoreException {
        store.put(decision);
        stats.decided(decision.kind());
        generation(decision.name()).incrementAndGet();
        return decision;
    }

    /** The decision on a version that needs its tarball: judged once, however many requests wait for it. */
    private Decision judged(String name, String version, JsonNode doc, Decision allowedEarlier)
            throws Pending, Unreachable, StoreException {
        String id = name + "@" + version;
        CompletableFuture<Decision> job = start(name, version, doc, allowedEarlier);
        try {
            return job.get(settings.analysisWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Pending(id + " is being analysed by the firewall: not served until it is judged; try again"
                    + " in a few seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Pending("interrupted while " + id + " was being analysed");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException s) {
                throw s;
            }
            if (cause instanceof Unreachable u) {
                throw u;
            }
            throw new Unreachable("the analysis of " + id + " failed: " + Problems.describe(cause)
                    + "; not served");
        }
    }

    /** The running judgement of a version, started when none runs; listings omit the version meanwhile. */
    private CompletableFuture<Decision> start(String name, String version, JsonNode doc, Decision allowedEarlier) {
        String id = name + "@" + version;
        CompletableFuture<Decision> created = new CompletableFuture<>();
        CompletableFuture<Decision> existing = running.putIfAbsent(id, created);
        if (existing != null) {
            return existing;
        }
        generation(name).incrementAndGet();
        workers.submit(() -> {
            try {
                created.complete(judge(name, version, doc, allowedEarlier));
            } catch (Throwable e) {
                created.completeExceptionally(e);
            } finally {
                running.remove(id);
                generation(name).incrementAndGet();
            }
        });
        return created;
    }

    /**
     * Judges in the background the not-yet-judged versions of a package already in use (one of its versions has a
     * stored decision) that are newer than every version judged so far — at most {@link #PREFETCH} of them, newest
     * first — so that the first install that wants one need not wait for its analysis.
     */
    private void prefetch(String name, ObjectNode document, Map<String, Decision> stored, Set<String> pending) {
        if (stored.isEmpty() || pending.isEmpty()) {
            return;
        }
        Version newestJudged = null;
        for (String v : stored.keySet()) {
            Version parsed = Version.parse(v, true).orElse(null);
            if (parsed != null && (newestJudged == null || parsed.compareTo(newestJudged) > 0)) {
                newestJudged = parsed;
            }
        }
        if (newestJudged == null) {
            return;
        }
        Version floor = newestJudged;
        List<String> newer = pending.stream().filter(v -> Version.parse(v, true).map(p -> p.compareTo(floor) > 0)
                .orElse(false)).sorted(Comparator.comparing((String v) -> Version.parse(v, true).orElseThrow())
                .reversed()).limit(PREFETCH).toList();
        for (String v : newer) {
            start(name, v, document.path("versions").path(v), null);
        }
    }

    /** How many new versions of one package are judged ahead of their first request. */
    private static final int PREFETCH = 2;

    private Decision judge(String name, String version, JsonNode doc, Decision allowedEarlier)
            throws Unreachable, StoreException, IOException, InterruptedException {
        String id = name + "@" + version;
        JsonNode dist = doc.path("dist");
        Optional<Integrity> integrity = Integrity.of(text(dist, "integrity"), text(dist, "shasum"));
        Instant now = clock.instant();
        if (integrity.isEmpty()) {
            return record(new Decision(name, version, settings.revision(), DecisionKind.BLOCK, null, List.of(id
                    + " publishes no integrity or shasum: an unverifiable tarball is never served"), "[]", null, now));
        }
        URI url = tarballUrl(name, version, dist);
        PackageFetcher fetcher = new PackageFetcher(portcullis.registry(), portcullis.tarballLimits());
        PackageFetcher.Download download = fetcher.download(name, version, url, integrity.get().toString());
        if (download instanceof PackageFetcher.Failed failed) {
            stats.upstreamFailures.increment();
            store.event(now, name, version, "fetch:" + failed.kind().name().toLowerCase(java.util.Locale.ROOT),
                    failed.message());
            throw new Unreachable("cannot fetch " + id + " from the upstream: " + failed.message()
                    + "; not served");
        }
        PackageFetcher.Verified verified = (PackageFetcher.Verified) download;
        BlobStore.Blob blob;
        try (InputStream in = verified.tarball().open()) {
            blob = blobs.put(in, integrity.get(), settings.maxTarballBytes());
        }
        if (allowedEarlier != null && allowedEarlier.kind() == DecisionKind.ALLOW && allowedEarlier.sha512() != null
                && allowedEarlier.sha512().equals(blob.sha512())) {
            return allowedEarlier; // the same bytes as judged before, fetched again after their blob was lost
        }
        Optional<PackageEntry> allowEntry = portcullis.policy().allowed(name, version);
        if (allowEntry.isPresent()) {
            return record(new Decision(name, version, settings.revision(), DecisionKind.ALLOW, null, List.of(
                    "allowed by the policy (" + allowEntry.get().spec() + ", " + allowEntry.get().location() + "): "
                            + allowEntry.get().reason()), "[]", blob.sha512(), now));
        }
        analysing.acquire();
        try {
            portcullis.forgetMetadata(); // the metadata rules must see the document as it is now
            return record(content(name, version, url, fetcher.read(download), blob, now));
        } finally {
            analysing.release();
        }
    }

    /** The content, metadata and advisory judgement of a fetched version, as scan --deep and inspect make it. */
    private Decision content(String name, String version, URI url, PackageFetcher.Result read, BlobStore.Blob blob,
                             Instant now) throws IOException {
        if (read instanceof PackageFetcher.Failed failed) {
            return new Decision(name, version, settings.revision(), DecisionKind.BLOCK, null, List.of(
                    "its tarball is not a readable package: " + failed.message()), "[]", blob.sha512(), now);
        }
        PackageFetcher.Fetched fetched = (PackageFetcher.Fetched) read;
        PackageAnalysis analysis = portcullis.analyzer().analyze(fetched.input());
        PackageJudge.Subject subject = new PackageJudge.Subject(name, version, Location.of(name + "@" + version), url,
                analysis.findings(), TarballManifest.of(fetched.input().files()).orElse(null), true);
        PackageJudge.Judged judged = new PackageJudge(portcullis, Decider.of(portcullis, null))
                .judge(List.of(subject), null);
        PackageJudge.Judgement judgement = judged.judgements().get(0);
        DecisionKind kind = switch (judgement.verdict()) {
            case ALLOW -> DecisionKind.ALLOW;
            case REVIEW -> DecisionKind.REVIEW;
            case BLOCK -> DecisionKind.BLOCK;
        };
        List<String> reasons = new ArrayList<>();
        List<Finding> decided = new ArrayList<>(judgement.decided().findings());
        decided.sort(Comparator.comparing((Finding f) -> f.severity()).reversed().thenComparing(Finding.ORDER));
        for (Finding f : decided) {
            if (reasons.size() == 10) {
                reasons.add("and " + (decided.size() - 10) + " more findings");
                break;
            }
            reasons.add(f.severity().id() + " " + f.rule().id() + ": " + f.message()
                    + (f.location().line() > 0 || !f.location().file().equals(subject.id())
                    ? " (" + f.location() + ")" : ""));
        }
        if (reasons.isEmpty()) {
            reasons.add("analysed " + analysis.files() + " files: nothing that holds it back ("
                    + (judgement.verdict() == Verdict.ALLOW ? "allowed" : judgement.verdict().name()) + ")");
        }
        judged.unchecked().forEach(u -> reasons.add("not checked: " + u));
        return new Decision(name, version, settings.revision(), kind, null, reasons, evidence(decided, judged),
                blob.sha512(), now);
    }

    private String evidence(List<Finding> findings, PackageJudge.Judged judged) throws IOException {
        ArrayNode array = mapper.createArrayNode();
        for (Finding f : findings) {
            ObjectNode node = array.addObject();
            node.put("rule", f.rule().id());
            node.put("severity", f.severity().id());
            node.put("message", f.message());
            node.put("location", f.location().toString());
            if (f.evidence() != null) {
                node.put("evidence", f.evidence());
            }
        }
        for (String note : judged.notes()) {
            array.addObject().put("note", note);
        }
        return new String(mapper.writeValueAsBytes(array), StandardCharsets.UTF_8);
    }

    /**
     * Where the tarball is fetched from: the document's URL when it lies on the upstream that serves the package,
     * else that upstream's own tarball route — a document never sends the firewall to another host.
     */
    private URI tarballUrl(String name, String version, JsonNode dist) throws Unreachable {
        String registry = portcullis.npmConfig().registryFor(name);
        URI own = URI.create(registry + name + "/-/" + unscoped(name) + "-" + version + ".tgz");
        Optional<String> published = text(dist, "tarball");
        if (published.isEmpty()) {
            return own;
        }
        try {
            URI url = new URI(published.get());
            URI base = URI.create(registry);
            boolean sameHost = url.getHost() != null && url.getHost().equalsIgnoreCase(base.getHost())
                    && url.getPort() == base.getPort() && base.getScheme().equals(url.getScheme());
            return sameHost ? url : own;
        } catch (java.net.URISyntaxException e) {
            return own;
        }
    }

    /** The version a tarball file name names: {@code is-number-7.0.0.tgz} → 7.0.0. */
    public static Optional<String> versionOf(String name, String file) {
        String prefix = unscoped(name) + "-";
        if (!file.startsWith(prefix) || !file.endsWith(".tgz") || file.length() <= prefix.length() + 4) {
            return Optional.empty();
        }
        return Optional.of(file.substring(prefix.length(), file.length() - 4));
    }

    public static String unscoped(String name) {
        return name.startsWith("@") ? name.substring(name.indexOf('/') + 1) : name;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText())
                : Optional.empty();
    }

    /** Waits for running judgements to finish (a clean stop leaves nothing half-decided). */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The upstream cannot be reached, or a fetch failed: fail closed. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    /** A judgement is running. */
    static final class Pending extends Exception {
        Pending(String message) {
            super(message);
        }
    }
}
