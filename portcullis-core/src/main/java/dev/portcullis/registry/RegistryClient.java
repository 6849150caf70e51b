package dev.portcullis.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.concurrent.Parallel;
import dev.portcullis.json.Json;
import dev.portcullis.model.Problems;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;

/**
 * Reads packuments and downloads tarballs from the registries of an npm configuration, as npm would: scoped
 * registries, the token configured for a registry sent to that registry only, the abbreviated document where the
 * registry serves it. Every tarball is verified against its published integrity before anyone sees it; documents
 * are revalidated with ETag / Last-Modified; bodies are bounded by {@link RegistryLimits}; 5xx, 429 and broken
 * connections are retried with exponential backoff. Offline, only the {@link RegistryCache} answers.
 */
public final class RegistryClient {
    static final String ABBREVIATED_TYPE = "application/vnd.npm.install-v1+json";
    private static final String ACCEPT_ABBREVIATED = ABBREVIATED_TYPE + "; q=1.0, application/json; q=0.8";
    private static final String ACCEPT_FULL = "application/json";
    private static final String ACCEPT_TARBALL = "application/octet-stream";

    /** Made on the first request: a warm scan often asks the registry nothing, and an HTTPS client costs ~0.3 s. */
    private final HttpSource http;
    private final NpmConfig config;
    private final RegistryCache cache;
    private final boolean offline;
    private final RegistryLimits limits;
    private final AddressGuard guard;
    private final Deadlines deadlines;
    private final ObjectMapper mapper = Json.mapper();
    /**
     * A document this large (full packuments of packages with thousands of versions: next, typescript, @types/node)
     * becomes a tree several times its size: such documents are parsed one at a time, so that concurrent reads
     * ({@link #packuments}) never hold several of those trees at once.
     */
    static final int LARGE_DOCUMENT = 16 << 20;
    private final Semaphore largeDocuments = new Semaphore(1);

    /**
     * A tarball whose bytes matched {@code verifiedWith}: a file of the cache, or (without a cache) the bytes
     * downloaded. A final class rather than a record so that a tarball is never copied in and out: {@link #open()}
     * streams it, so a run over many packages holds no compressed tarball in memory once it is cached, and only
     * {@link #bytes()} reads it whole.
     */
    public static final class Tarball {
        private final URI url;
        private final Path file;
        private final byte[] bytes;
        private final long size;
        private final Integrity verifiedWith;

        /** Exactly one of {@code file} and {@code bytes}, verified against {@code verifiedWith}, held by no one else. */
        private Tarball(URI url, Path file, byte[] bytes, long size, Integrity verifiedWith) {
            this.url = Objects.requireNonNull(url, "url");
            if ((file == null) == (bytes == null)) {
                throw new IllegalArgumentException("a tarball is a cached file or downloaded bytes");
            }
            this.file = file;
            this.bytes = bytes;
            this.size = size;
            this.verifiedWith = Objects.requireNonNull(verifiedWith, "verifiedWith");
        }

        public URI url() {
            return url;
        }

        public Integrity verifiedWith() {
            return verifiedWith;
        }

        /** The gzipped bytes, read whole (a copy). */
        public byte[] bytes() throws IOException {
            return file != null ? Files.readAllBytes(file) : bytes.clone();
        }

        /** The gzipped bytes as a stream, without reading them whole. */
        public InputStream open() throws IOException {
            return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(bytes);
        }

        /** Compressed size in bytes. */
        public long size() {
            return size;
        }

        /** Verified by SHA-1 alone, because the registry published nothing stronger: worth reporting. */
        public boolean weakIntegrity() {
            return verifiedWith.algorithm().weak();
        }

        @Override
        public String toString() {
            return "Tarball[" + url + ", " + size + " bytes, " + verifiedWith + "]";
        }
    }

    /** A tarball to download and the SRI string (or hex SHA-1 shasum) it must match. */
    public record TarballRequest(URI url, String integrity) {
        public TarballRequest {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(integrity, "integrity");
        }
    }

    /**
     * @param http the client from {@link HttpClients}; may be null when offline
     * @param cache where documents and tarballs are kept between runs, or null for none
     * @param offline answer from the cache alone, never touching the network
     */
    public RegistryClient(HttpClient http, NpmConfig config, RegistryCache cache, boolean offline,
                          RegistryLimits limits) {
        this(http, config, cache, offline, limits, AddressGuard.of(config, List.of()));
    }

    /** @param guard which hosts a tarball download may connect to */
    public RegistryClient(HttpClient http, NpmConfig config, RegistryCache cache, boolean offline,
                          RegistryLimits limits, AddressGuard guard) {
        this(config, offline && http == null ? null : sourceOf(Objects.requireNonNull(http, "http")), cache, offline,
                limits, guard);
    }

    /** Where the HTTP client comes from when the first request needs it (the run's one client). */
    @FunctionalInterface
    public interface HttpSource {
        /** @throws IOException when the client cannot be set up (an unusable cafile) */
        HttpClient get() throws IOException;
    }

    private static HttpSource sourceOf(HttpClient http) {
        return () -> http;
    }

    /**
     * @param http the run's HTTP client, asked for on the first request; may be null when offline
     * @param cache where documents and tarballs are kept between runs, or null for none
     * @param offline answer from the cache alone, never touching the network
     * @param guard which hosts a tarball download may connect to
     */
    public RegistryClient(NpmConfig config, HttpSource http, RegistryCache cache, boolean offline,
                          RegistryLimits limits, AddressGuard guard) {
        this.http = offline ? http : Objects.requireNonNull(http, "http");
        this.config = Objects.requireNonNull(config, "config");
        this.cache = cache;
        this.offline = offline;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.deadlines = new Deadlines(limits);
    }

    private HttpClient http() throws RegistryException {
        try {
            return http.get();
        } catch (IOException e) {
            throw new RegistryException("cannot set up the HTTP client: " + e.getMessage(), e);
        }
    }

    /**
     * What an answer other than the ones a request handles means: a server error or 429 is returned, to be tried
     * again; an auth failure or any other status is thrown, naming the token to check for an auth failure.
     */
    private RegistryException retryable(URI url, int status, String registry) throws RegistryException {
        if (status == 401 || status == 403) {
            throw new RegistryException(url + " answered " + status + ": check the auth token for " + registry
                    + " in .npmrc (" + authKey(registry) + ")");
        }
        RegistryException answered = new RegistryException(url + " answered " + status);
        if (status < 500 && status != 429) {
            throw answered;
        }
        return answered;
    }

    public RegistryLimits limits() {
        return limits;
    }

    /** The npm configuration that says which registry serves which scope. */
    public NpmConfig config() {
        return config;
    }

    /**
     * The document of {@code name}, empty when the registry does not know the package.
     *
     * @param abbreviated ask for the abbreviated form (much smaller, no {@code scripts}); a registry that ignores
     *     the request answers the full document, which {@link Packument#abbreviated()} then says
     */
    public Optional<Packument> packument(String name, boolean abbreviated) throws RegistryException {
        URI url = packumentUrl(name);
        Optional<RegistryCache.Document> cached = cache == null ? Optional.empty() : cache.document(url, abbreviated);
        if (offline) {
            RegistryCache.Document document = cached.orElseThrow(() -> new RegistryException(
                    "offline: the registry document of " + name + " (" + url + ") is not in the cache"
                            + (cache == null ? "" : " " + cache.root())));
            return Optional.of(parse(name, url, document));
        }
        Map<String, String> conditions = new java.util.LinkedHashMap<>();
        cached.flatMap(RegistryCache.Document::etag).ifPresent(v -> conditions.put("If-None-Match", v));
        cached.flatMap(RegistryCache.Document::lastModified).ifPresent(v -> conditions.put("If-Modified-Since", v));
        Response response = send(url, abbreviated ? ACCEPT_ABBREVIATED : ACCEPT_FULL, conditions,
                limits.maxPackumentBytes(), config.registryFor(name));
        switch (response.status()) {
            case 404 -> {
                return Optional.empty();
            }
            case 304 -> {
                RegistryCache.Document document = cached.orElseThrow(() -> new RegistryException(
                        url + " answered 304 Not Modified to a request that had nothing to revalidate"));
                return Optional.of(parse(name, url, document));
            }
            default -> {
                RegistryCache.Document document = new RegistryCache.Document(response.body(),
                        response.header("ETag"), response.header("Last-Modified"),
                        response.header("Content-Type").filter(t -> t.startsWith(ABBREVIATED_TYPE)).isPresent());
                Packument packument = parse(name, url, document);
                if (cache != null) {
                    try {
                        cache.putDocument(url, abbreviated, document);
                    } catch (IOException e) {
                        throw new RegistryException("cannot write the registry cache " + cache.root() + ": "
                                + Problems.describe(e), e);
                    }
                }
                return Optional.of(packument);
            }
        }
    }

    /** The tarball of a published version, verified against the integrity its packument publishes. */
    public Tarball tarball(String name, String version) throws RegistryException {
        Packument packument = packument(name, true).orElseThrow(() -> new RegistryException(
                name + " is not in the registry " + config.registryFor(name)));
        Packument.VersionDoc doc = packument.version(version).orElseThrow(() -> new RegistryException(
                "the registry " + config.registryFor(name) + " does not list " + name + "@" + version));
        Integrity integrity = doc.dist().strongest().orElseThrow(() -> new RegistryException(
                name + "@" + version + " publishes no integrity or shasum: refusing an unverifiable download"));
        URI url = doc.dist().tarball().orElseThrow(() -> new RegistryException(
                name + "@" + version + " publishes no tarball URL"));
        return fetchTarball(url, integrity);
    }

    /**
     * The tarball at {@code url}, verified against {@code integrity}: an SRI string (strongest entry used) or a
     * hex SHA-1 shasum. Bytes that do not match are discarded and reported, never returned.
     */
    public Tarball tarball(URI url, String integrity) throws RegistryException {
        Integrity expected = Integrity.parse(integrity)
                .or(() -> Integrity.of(Optional.empty(), Optional.of(integrity)))
                .orElseThrow(() -> new RegistryException("no usable integrity for " + url + " ('" + integrity
                        + "'): refusing an unverifiable download"));
        return fetchTarball(url, expected);
    }

    /**
     * Any other JSON document of a registry ({@code /-/npm/v1/keys}, an attestations document), through the
     * document cache like {@link #packument}, so that {@code --offline} answers from what an online run stored;
     * empty on 404. Its body is bounded by {@link RegistryLimits#maxPackumentBytes()} and sent with the token of
     * {@code registry}, the registry it belongs to.
     */
    public Optional<byte[]> document(URI url, String registry) throws RegistryException {
        Optional<RegistryCache.Document> cached = cache == null ? Optional.empty() : cache.document(url, false);
        if (offline) {
            return Optional.of(cached.orElseThrow(() -> new RegistryException("offline: " + url
                    + " is not in the cache" + (cache == null ? "" : " " + cache.root()))).body());
        }
        Map<String, String> conditions = new java.util.LinkedHashMap<>();
        cached.flatMap(RegistryCache.Document::etag).ifPresent(v -> conditions.put("If-None-Match", v));
        Response response = send(url, "application/json", conditions, limits.maxPackumentBytes(), registry);
        switch (response.status()) {
            case 404 -> {
                return Optional.empty();
            }
            case 304 -> {
                return Optional.of(cached.orElseThrow(() -> new RegistryException(
                        url + " answered 304 Not Modified to a request that had nothing to revalidate")).body());
            }
            default -> {
                if (cache != null) {
                    try {
                        cache.putDocument(url, false, new RegistryCache.Document(response.body(),
                                response.header("ETag"), response.header("Last-Modified"), false));
                    } catch (IOException e) {
                        throw new RegistryException("cannot write the registry cache " + cache.root() + ": "
                                + Problems.describe(e), e);
                    }
                }
                return Optional.of(response.body());
            }
        }
    }

    /** The outcome of one document of {@link #packuments}. */
    public sealed interface Lookup {
        String name();

        record Found(String name, Packument packument) implements Lookup {
        }

        /** The registry answered 404: it does not know the package (never published, or removed). */
        record Missing(String name) implements Lookup {
        }

        /** The document could not be had (offline and not cached, network, malformed). */
        record Failed(String name, String reason) implements Lookup {
        }
    }

    /**
     * Reads the documents of many packages, at most {@link RegistryLimits#parallelism()} at once on virtual
     * threads, through the cache like {@link #packument}. Each outcome is handed to {@code handler} on the thread
     * that fetched it, so a caller that reduces a document to what it needs never holds every document at once;
     * the handler's results come back in the order asked. One failure does not stop the others.
     */
    public <T> List<T> packuments(List<String> names, boolean abbreviated,
                                  java.util.function.Function<Lookup, T> handler) throws RegistryException {
        try {
            return Parallel.io(limits.parallelism()).map(names, name -> {
                Lookup lookup;
                try {
                    lookup = packument(name, abbreviated).<Lookup>map(p -> new Lookup.Found(name, p))
                            .orElseGet(() -> new Lookup.Missing(name));
                } catch (RegistryException e) {
                    lookup = new Lookup.Failed(name, e.getMessage());
                }
                return handler.apply(lookup);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while reading registry documents", e);
        }
    }

    /** The registry {@code name} is read from (configured, scoped, or the default), ending in '/'. */
    public String registryFor(String name) {
        return config.registryFor(name);
    }

    /** Whether this client answers from the cache alone. */
    public boolean offline() {
        return offline;
    }

    /** Reads a document's body as it arrives; {@code abbreviated}: the registry chose the abbreviated form. */
    interface DocumentReader<T> {
        T read(InputStream body, boolean abbreviated) throws IOException;
    }

    /**
     * The full document of {@code name} straight from the registry, bypassing the document cache (the
     * {@link MetadataStore} keeps its summary instead), handed to {@code reader} as it arrives (gzip-compressed where
     * the registry compresses, never more than {@link RegistryLimits#maxPackumentBytes()} decompressed) so that no
     * caller holds a document of tens of megabytes whole; empty on 404. 5xx, 429 and broken connections, also in
     * the middle of the body, are retried like {@link #packument}'s requests.
     */
    <T> Optional<T> fullDocument(String name, DocumentReader<T> reader) throws RegistryException {
        if (offline) {
            throw new RegistryException("offline: not fetching the registry document of " + name);
        }
        URI url = packumentUrl(name);
        String registry = config.registryFor(name);
        RegistryException last = null;
        for (int attempt = 1; attempt <= limits.attempts(); attempt++) {
            if (attempt > 1) {
                sleep(limits.backoff().toMillis() << (attempt - 2));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(deadlines.firstByte(url))
                    .header("Accept", ACCEPT_FULL).header("Accept-Encoding", "gzip").header("User-Agent", "portcullis");
            config.authorization(url.toString()).ifPresent(value -> request.header("Authorization", value));
            Deadlines.Watch watch = null;
            try {
                HttpResponse<InputStream> response = http().send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                watch = deadlines.body(url);
                try (InputStream raw = response.body()) {
                    if (status == 200) {
                        boolean gzip = response.headers().firstValue("Content-Encoding")
                                .filter(e -> e.equalsIgnoreCase("gzip")).isPresent();
                        InputStream body = new Bounded(gzip ? new java.util.zip.GZIPInputStream(raw, 1 << 16) : raw,
                                limits.maxPackumentBytes(), url);
                        boolean abbreviated = response.headers().firstValue("Content-Type")
                                .filter(t -> t.startsWith(ABBREVIATED_TYPE)).isPresent();
                        return Optional.of(reader.read(body, abbreviated));
                    }
                    if (status == 404) {
                        return Optional.empty();
                    }
                    last = retryable(url, status, registry);
                } finally {
                    watch.close();
                }
            } catch (Bounded.TooLarge e) {
                throw tooLarge(url, limits.maxPackumentBytes());
            } catch (IOException e) {
                last = new RegistryException("cannot read " + url + ": " + deadlines.explain(e, watch), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted fetching " + url, e);
            }
        }
        throw last;
    }

    /** A stream that fails once more than {@code max} bytes came through it. */
    private static final class Bounded extends java.io.FilterInputStream {
        static final class TooLarge extends IOException {
            TooLarge(URI url) {
                super(url + " is too large");
            }
        }

        private final long max;
        private final URI url;
        private long count;

        Bounded(InputStream in, long max, URI url) {
            super(in);
            this.max = max;
            this.url = url;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw new TooLarge(url);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (count += n) > max) {
                throw new TooLarge(url);
            }
            return n;
        }
    }

    /** The status and body of a POST; the caller decides what a 404 or 405 means for its endpoint. */
    public record Answer(int status, byte[] body) {
        public Answer {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /**
     * POSTs a JSON document, gzip-compressed as npm sends it, to {@code path} under {@code registry} (npm's bulk
     * advisory endpoint takes it so), with the registry's token. 5xx, 429 and broken connections are retried like
     * GETs; 401/403 are exceptions; any other status is returned with its (bounded) body.
     */
    public Answer postJson(String registry, String path, byte[] json) throws RegistryException {
        if (offline) {
            throw new RegistryException("offline: not posting to " + registry + path);
        }
        URI url = URI.create((registry.endsWith("/") ? registry : registry + "/") + path.replaceFirst("^/", ""));
        byte[] gzipped;
        try (var bytes = new java.io.ByteArrayOutputStream();
             var gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write(json);
            gzip.finish();
            gzipped = bytes.toByteArray();
        } catch (IOException e) {
            throw new RegistryException("cannot compress the request to " + url, e);
        }
        RegistryException last = null;
        for (int attempt = 1; attempt <= limits.attempts(); attempt++) {
            if (attempt > 1) {
                sleep(limits.backoff().toMillis() << (attempt - 2));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(deadlines.firstByte(url))
                    .header("Accept", ACCEPT_FULL).header("Content-Type", "application/json")
                    .header("Content-Encoding", "gzip").header("User-Agent", "portcullis")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped));
            config.authorization(url.toString()).ifPresent(value -> request.header("Authorization", value));
            Deadlines.Watch watch = null;
            try {
                HttpResponse<InputStream> response = http().send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                watch = deadlines.body(url);
                try (InputStream body = response.body()) {
                    if (status == 401 || status == 403 || status >= 500 || status == 429) {
                        last = retryable(url, status, registry);
                        continue;
                    }
                    return new Answer(status, readBounded(url, response, body, limits.maxPackumentBytes()));
                } finally {
                    watch.close();
                }
            } catch (IOException e) {
                last = new RegistryException("cannot post to " + url + ": " + deadlines.explain(e, watch), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted posting to " + url, e);
            }
        }
        throw last;
    }

    private Tarball fetchTarball(URI url, Integrity integrity) throws RegistryException {
        Optional<Path> cached = cache == null ? Optional.empty() : cache.content(integrity);
        if (cached.isPresent()) {
            return cachedTarball(url, cached.get(), integrity);
        }
        if (offline) {
            throw new RegistryException("offline: the tarball " + url + " (" + integrity + ") is not in the cache"
                    + (cache == null ? "" : " " + cache.root()));
        }
        Optional<String> refused = guard.refusal(url);
        if (refused.isPresent()) {
            throw new RegistryException("not downloading " + url + ": " + refused.get());
        }
        Response response = send(url, ACCEPT_TARBALL, Map.of(), limits.maxTarballBytes(),
                url.resolve("/").toString());
        if (response.status() != 200) {
            throw new RegistryException(url + " answered " + response.status());
        }
        byte[] bytes = response.body();
        if (!integrity.matches(bytes)) {
            throw RegistryException.integrityMismatch("integrity mismatch for " + url + ": expected " + integrity
                    + "; the download was discarded");
        }
        if (cache == null) {
            return new Tarball(url, null, bytes, bytes.length, integrity);
        }
        try {
            // the cached file, not the bytes: they are dropped as soon as they are written
            return cachedTarball(url, cache.putContent(integrity, bytes), integrity);
        } catch (IOException e) {
            throw new RegistryException("cannot write the registry cache " + cache.root() + ": "
                    + Problems.describe(e), e);
        }
    }

    private Tarball cachedTarball(URI url, Path file, Integrity integrity) throws RegistryException {
        try {
            return new Tarball(url, file, null, Files.size(file), integrity);
        } catch (IOException e) {
            throw new RegistryException("cannot read the registry cache " + file + ": " + Problems.describe(e), e);
        }
    }

    private Packument parse(String name, URI url, RegistryCache.Document document) throws RegistryException {
        if (document.body().length <= LARGE_DOCUMENT) {
            return parseNow(name, url, document);
        }
        largeDocuments.acquireUninterruptibly();
        try {
            return parseNow(name, url, document);
        } finally {
            largeDocuments.release();
        }
    }

    private Packument parseNow(String name, URI url, RegistryCache.Document document) throws RegistryException {
        try (JsonParser p = Json.utf8Parser(mapper, new ByteArrayInputStream(document.body()))) {
            JsonNode tree = mapper.readTree(p);
            if (tree == null || !tree.isObject()) {
                throw new RegistryException(url + " answered something other than a JSON object");
            }
            return Packument.from(name, tree, document.abbreviated());
        } catch (IOException e) {
            throw new RegistryException(url + " answered malformed JSON: " + Problems.describe(e), e);
        }
    }

    private record Response(int status, byte[] body, HttpResponse<?> raw) {
        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    /**
     * One GET with retries. Returns 200, 304 and 404 answers; 401/403 and other client errors are exceptions at
     * once, 5xx, 429 and I/O failures are retried, an oversized body is refused without retrying.
     *
     * @param registry the registry the URL belongs to, named in the hint about credentials
     */
    private Response send(URI url, String accept, Map<String, String> headers, long maxBytes, String registry)
            throws RegistryException {
        RegistryException last = null;
        for (int attempt = 1; attempt <= limits.attempts(); attempt++) {
            if (attempt > 1) {
                sleep(limits.backoff().toMillis() << (attempt - 2));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(deadlines.firstByte(url))
                    .header("Accept", accept).header("User-Agent", "portcullis");
            headers.forEach(request::header);
            config.authorization(url.toString()).ifPresent(value -> request.header("Authorization", value));
            Deadlines.Watch watch = null;
            try {
                HttpResponse<InputStream> response = http().send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                watch = deadlines.body(url);
                try (InputStream body = response.body()) {
                    if (status == 200) {
                        return new Response(status, readBounded(url, response, body, maxBytes), response);
                    }
                    if (status == 304 || status == 404) {
                        return new Response(status, new byte[0], response);
                    }
                    last = retryable(url, status, registry);
                } finally {
                    watch.close();
                }
            } catch (IOException e) {
                last = new RegistryException("cannot fetch " + url + ": " + deadlines.explain(e, watch), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted fetching " + url, e);
            }
        }
        throw last;
    }

    private static byte[] readBounded(URI url, HttpResponse<?> response, InputStream body, long maxBytes)
            throws IOException, RegistryException {
        OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            throw tooLarge(url, maxBytes);
        }
        byte[] bytes = body.readNBytes((int) maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw tooLarge(url, maxBytes);
        }
        return bytes;
    }

    private static RegistryException tooLarge(URI url, long maxBytes) {
        return new RegistryException(url + " answered more than " + maxBytes + " bytes, the limit: refused");
    }

    /** The .npmrc key holding the token npm sends to {@code registry}, e.g. {@code //registry.npmjs.org/:_authToken}. */
    static String authKey(String registry) {
        String bare = registry.replaceFirst("^[a-zA-Z+]+:", "");
        return (bare.endsWith("/") ? bare : bare + "/") + ":_authToken";
    }

    private URI packumentUrl(String name) {
        return URI.create(config.registryFor(name) + escape(name));
    }

    /** The path segment of a package name: {@code @scope/name} as {@code @scope%2Fname}, as npm sends it. */
    static String escape(String name) {
        return name.startsWith("@") ? "@" + URLEncoder.encode(name.substring(1), StandardCharsets.UTF_8)
                : URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) throws RegistryException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted", e);
        }
    }
}
