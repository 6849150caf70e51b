package dev.portcullis.server;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.analysis.PackageAnalyzer;
import dev.portcullis.engine.Environment;
import dev.portcullis.engine.Portcullis;
import dev.portcullis.engine.RuleCatalog;
import dev.portcullis.engine.Run;
import dev.portcullis.engine.Versions;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyReader;
import dev.portcullis.registry.RegistryLimits;
import dev.portcullis.server.blob.BlobStore;
import dev.portcullis.server.gate.Gate;
import dev.portcullis.server.routes.AccessLog;
import dev.portcullis.server.routes.Routes;
import dev.portcullis.server.store.Store;
import dev.portcullis.server.store.StoreException;
import dev.portcullis.tarball.TarballLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code portcullis serve}: the composition of one firewall — the engine ({@link Portcullis}) set up for the
 * configured upstreams and policy, the store, the blob store, the gate and the routes on the JDK's HTTP server with
 * one virtual thread per request. {@link #close()} stops accepting, lets requests in flight finish, waits for
 * running judgements and closes the store, so a SIGTERM leaves nothing half-written.
 */
public final class Firewall implements AutoCloseable {
    /** How long a stop waits for requests in flight. */
    private static final int STOP_SECONDS = 10;
    private final HttpServer server;
    private final ExecutorService requests;
    private final Portcullis portcullis;
    private final Store store;
    private final Gate gate;
    private final AccessLog log;
    private final String url;
    private boolean closed;

    private Firewall(HttpServer server, ExecutorService requests, Portcullis portcullis, Store store, Gate gate,
                     AccessLog log, String url) {
        this.server = server;
        this.requests = requests;
        this.portcullis = portcullis;
        this.store = store;
        this.gate = gate;
        this.log = log;
        this.url = url;
    }

    /**
     * Starts a firewall. The engine reads only the {@code .npmrc} this writes for it under {@code <data>/upstream/}
     * (the upstreams and their tokens), never the user's npm configuration, and the policy read here.
     *
     * @throws InputException when the policy is wrong or the address cannot be bound
     */
    public static Firewall start(ServerConfig config, Environment environment)
            throws InputException, IOException, StoreException {
        Path data = config.dataDir().toAbsolutePath();
        Path upstreamDir = data.resolve("upstream");
        Files.createDirectories(upstreamDir.resolve("home"));
        writeNpmrc(config, upstreamDir.resolve(".npmrc"));
        // read here, so that a mistake — and a deny entry's location quoted to clients — names the user's file
        String policyText = "";
        Policy policy = Policy.defaults();
        if (config.policyText() != null) {
            policyText = config.policyText();
            policy = new PolicyReader(RuleCatalog.ids()).read(config.policySource(), policyText);
        } else if (config.policyFile() != null) {
            Path file = config.policyFile();
            if (!Files.isRegularFile(file)) {
                throw new InputException(Location.of(file.toString()), "policy file not found");
            }
            policyText = Files.readString(file, StandardCharsets.UTF_8);
            policy = new PolicyReader(RuleCatalog.ids()).read(file.toString(), policyText);
        }
        Map<String, String> variables = new HashMap<>();
        environment.variables().forEach((k, v) -> {
            if (!k.toLowerCase(Locale.ROOT).startsWith("npm_config_")) {
                variables.put(k, v);
            }
        });
        Path advisories = config.advisoryDatabase() != null ? config.advisoryDatabase()
                : environment.advisoryDatabase();
        Environment engineEnvironment = new Environment(variables, upstreamDir.resolve("home"), environment.clock(),
                null).withAdvisoryDatabase(advisories);
        RegistryLimits limits = RegistryLimits.defaults().withMaxPackumentBytes(config.maxPackumentBytes())
                .withDeadlines(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2),
                        Duration.ofDays(365L * 100), 3);
        Portcullis portcullis = Portcullis.open(engineEnvironment, new Run(upstreamDir, null, null, false,
                false, false), policy, PackageAnalyzer.withDefaultRules(), TarballLimits.defaults(), limits);
        Store store = null;
        try {
            store = Store.open(data.resolve("store"));
            BlobStore blobs = BlobStore.open(data.resolve("blobs"), config.memoryCacheBytes());
            Set<String> privateScopes = new HashSet<>();
            portcullis.policy().metadata().privateScopes().forEach(s -> privateScopes.add(s.startsWith("@") ? s
                    : "@" + s));
            privateScopes.addAll(config.scopes().keySet());
            Gate gate = new Gate(portcullis, store, blobs, new Gate.Settings(revision(policyText),
                    config.packumentTtl(), config.analysisWait(), config.maxTarballBytes(), privateScopes,
                    config.scopes().keySet(), Math.max(1, Runtime.getRuntime().availableProcessors())));
            HttpServer server = bind(config);
            String url = config.publicBase(server.getAddress().getPort());
            AccessLog log = new AccessLog(data.resolve("logs").resolve("access.log"));
            ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
            server.createContext("/", new Routes(gate, store, url, config.accessTokens(), environment.clock(), log));
            server.setExecutor(requests);
            server.start();
            return new Firewall(server, requests, portcullis, store, gate, log, url);
        } catch (IOException | StoreException | RuntimeException | InputException e) {
            if (store != null) {
                store.close();
            }
            portcullis.close();
            throw e;
        }
    }

    private static HttpServer bind(ServerConfig config) throws InputException {
        try {
            return HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
        } catch (IOException e) {
            throw new InputException(Location.of("--listen"), "cannot listen on " + config.host() + ":"
                    + config.port() + ": " + dev.portcullis.model.Problems.describe(e));
        }
    }

    /** The upstreams as npm configuration: the default registry, one per scope, and each one's token. */
    private static void writeNpmrc(ServerConfig config, Path file) throws IOException {
        StringBuilder npmrc = new StringBuilder("registry=").append(config.upstream()).append('\n');
        token(npmrc, config.upstream(), config.upstreamToken());
        config.scopes().forEach((scope, upstream) -> {
            npmrc.append(scope).append(":registry=").append(upstream.url()).append('\n');
            token(npmrc, upstream.url(), upstream.token());
        });
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, npmrc, StandardCharsets.UTF_8);
    }

    private static void token(StringBuilder npmrc, String url, String token) {
        if (token != null && !token.isEmpty()) {
            npmrc.append(url.replaceFirst("^https?:", "")).append(":_authToken=").append(token).append('\n');
        }
    }

    /** The policy revision: the policy's text and the tool's version (its rule set), hashed. */
    static String revision(String policyText) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(policyText.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Versions.tool().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL clients use, ending in '/'. */
    public String url() {
        return url;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(STOP_SECONDS);
        requests.shutdown();
        gate.close();
        try {
            log.close();
        } catch (IOException e) {
            // the access log is a record; the store below is what must close cleanly
        }
        store.close();
        portcullis.close();
    }
}
