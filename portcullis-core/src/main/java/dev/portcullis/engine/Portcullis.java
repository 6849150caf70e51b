package dev.portcullis.engine;

import dev.portcullis.analysis.PackageAnalyzer;
import dev.portcullis.analysis.meta.TyposquatIndex;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.policy.Policy;
import dev.portcullis.registry.AddressGuard;
import dev.portcullis.registry.HttpClients;
import dev.portcullis.registry.MetadataStore;
import dev.portcullis.registry.NpmConfig;
import dev.portcullis.registry.RegistryCache;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryLimits;
import dev.portcullis.tarball.TarballLimits;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The composition root of one run: the only place that builds the HTTP client and the registry client, and the one
 * owner of the npm configuration, the policy, the metadata store and cache, the advisory source, the rule set, the
 * limits and the clock. Every pipeline and stage takes it, so scan, inspect and (later) the server judge a package
 * with the same parts. The network parts are made on first use: a run over local targets never builds an HTTP
 * client. Close it when the run ends.
 */
public final class Portcullis implements AutoCloseable {
    private final Environment environment;
    private final Run run;
    private final Path projectDir;
    private final NpmConfig npmConfig;
    private final Policy policy;
    /** The content rules, loaded when a stage first analyses a package: a scan without --deep never does. */
    private final Supplier<PackageAnalyzer> analyzer;
    private final TarballLimits tarballLimits;
    private final RegistryLimits registryLimits;
    private final ProjectLimits projectLimits = ProjectLimits.defaults();
    /** The cafile's trust, when this run checked the cafile; else made with the HTTP client. */
    private SSLContext ssl;
    private HttpClient http;
    private IOException httpFailure;
    private RegistryClient registry;
    private MetadataStore metadata;

    private Portcullis(Environment environment, Run run, Path projectDir, NpmConfig npmConfig, Policy policy,
                       Supplier<PackageAnalyzer> analyzer, TarballLimits tarballLimits, RegistryLimits registryLimits) {
        this.environment = environment;
        this.projectDir = projectDir;
        this.run = run;
        this.npmConfig = npmConfig;
        this.policy = policy;
        this.analyzer = analyzer;
        this.tarballLimits = tarballLimits;
        this.registryLimits = registryLimits;
    }

    /**
     * Reads the npm configuration and the policy of {@code run}, with the default rule set and limits.
     *
     * @throws InputException when the policy file or the {@code --registry} URL is wrong: nothing can run then
     */
    public static Portcullis open(Environment environment, Run run) throws InputException, IOException {
        return open(environment, run, Analyzers::defaults, TarballLimits.defaults(), RegistryLimits.defaults());
    }

    /** As {@link #open(Environment, Run)}, with a rule set and limits of the caller's (tests, benchmarks). */
    public static Portcullis open(Environment environment, Run run, PackageAnalyzer analyzer,
                                  TarballLimits tarballLimits, RegistryLimits registryLimits)
            throws InputException, IOException {
        Objects.requireNonNull(analyzer, "analyzer");
        return open(environment, run, () -> analyzer, tarballLimits, registryLimits);
    }

    /**
     * As {@link #open(Environment, Run, PackageAnalyzer, TarballLimits, RegistryLimits)} with a policy the caller
     * read itself (the registry server reads it from its own configuration file, whose lines it names).
     */
    public static Portcullis open(Environment environment, Run run, Policy policy, PackageAnalyzer analyzer,
                                  TarballLimits tarballLimits, RegistryLimits registryLimits)
            throws InputException, IOException {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(analyzer, "analyzer");
        return open(environment, run, () -> analyzer, tarballLimits, registryLimits, policy);
    }

    private static Portcullis open(Environment environment, Run run, Supplier<PackageAnalyzer> analyzer,
                                   TarballLimits tarballLimits, RegistryLimits registryLimits)
            throws InputException, IOException {
        return open(environment, run, analyzer, tarballLimits, registryLimits, null);
    }

    /** @param given the policy to use, or null to read the run's */
    private static Portcullis open(Environment environment, Run run, Supplier<PackageAnalyzer> analyzer,
                                   TarballLimits tarballLimits, RegistryLimits registryLimits, Policy given)
            throws InputException, IOException {
        Objects.requireNonNull(environment, "environment");
        // a workspace member is read with its workspace: the root's lockfile, .npmrc and policy, as npm reads them
        Path projectDir = ProjectReader.workspaceRoot(run.workingDir()).orElse(run.workingDir());
        NpmConfig config = NpmConfig.load(projectDir, environment.variables(), environment.home());
        if (run.registry() != null) {
            config = new NpmConfig(registryUrl(run.registry()), config.scopedRegistries(), config.settings(),
                    config.sources(), config.origins());
        }
        Policy policy = given != null ? given : run.readPolicy()
                ? ProjectReader.readPolicy(projectDir, run.policyFile()) : Policy.defaults();
        prepareInBackground(policy, environment.cacheDir());
        Portcullis portcullis = new Portcullis(environment, run, projectDir, config, policy, analyzer, tarballLimits,
                registryLimits);
        portcullis.checkCafile();
        return portcullis;
    }

    /**
     * Builds the bundled indexes on a second core while the first reads the project: the look-alike index of the
     * popular packages when meta/typosquat is on (about two million deletion hashes, sorted) and the content rule
     * set (every report lists the rule catalogue). Each is a few hundred milliseconds of work that would otherwise
     * wait for its first use; both are built once per process, whichever thread asks first.
     */
    private static void prepareInBackground(Policy policy, Path cacheDir) {
        // the look-alike index serves only the metadata stage, which a scan of an unchanged project answers from the
        // store's memo: where the store remembers judgements, the stage starts the index itself when it must judge
        // (measured: a warm 5,000-package scan 0.85 s with the index built beside it, 0.70 s without)
        boolean typosquat = !policy.off("meta/typosquat")
                && (cacheDir == null || !MetadataStore.remembersJudgements(cacheDir.resolve("metadata")));
        Thread.ofPlatform().name("portcullis-prepare").daemon().start(() -> {
            try {
                if (typosquat) {
                    TyposquatIndex.bundled();
                }
                Analyzers.defaults();
            } catch (RuntimeException | Error e) {
                // bundled data that does not load fails again, and is reported, where the run first uses it
            }
        });
    }

    public Environment environment() {
        return environment;
    }

    public Run run() {
        return run;
    }

    /**
     * The project a scan reads: the run's working directory, or, when that is a workspace member without a lockfile
     * of its own, the workspace's root ({@link ProjectReader#workspaceRoot}).
     */
    public Path projectDir() {
        return projectDir;
    }

    public NpmConfig npmConfig() {
        return npmConfig;
    }

    public Policy policy() {
        return policy;
    }

    public PackageAnalyzer analyzer() {
        return analyzer.get();
    }

    public TarballLimits tarballLimits() {
        return tarballLimits;
    }

    /** How large the project's lockfile and configuration files may be, for this JVM's heap. */
    public ProjectLimits projectLimits() {
        return projectLimits;
    }

    public Clock clock() {
        return environment.clock();
    }

    /** Today, for ignore expiry. */
    public LocalDate today() {
        return LocalDate.now(environment.clock());
    }

    public boolean offline() {
        return run.offline();
    }

    /**
     * The one registry client of this run, through the cache: every document and tarball of the run goes through
     * it, so each package is asked for at most once and the token of a registry goes to that registry only. Its
     * HTTP client is made on the first request; a cafile or proxy that cannot be used fails that request and every
     * later one with the same message.
     */
    public synchronized RegistryClient registry() throws IOException {
        if (registry == null) {
            RegistryCache cache = environment.cacheDir() == null ? null : new RegistryCache(environment.cacheDir());
            registry = new RegistryClient(npmConfig, offline() ? null : this::http, cache, offline(), registryLimits,
                    AddressGuard.of(npmConfig, policy.privateHosts()));
        }
        return registry;
    }

    /**
     * The one store of registry metadata of this run ({@code <cache>/metadata}, the default TTL, {@code --refresh}),
     * shared by the install-script facts and the meta/* rules so that each package is read or fetched once.
     */
    public synchronized MetadataStore metadata() throws IOException {
        if (metadata == null) {
            metadata = new MetadataStore(registry(), environment.cacheDir() == null ? null
                    : environment.cacheDir().resolve("metadata"), environment.clock(), MetadataStore.DEFAULT_TTL,
                    run.refresh());
        }
        return metadata;
    }

    /**
     * Forgets what the metadata store fetched: it holds each package's document for the rest of a run, and a
     * long-running front end (the registry server) is one run, so it calls this before judging a version — else a
     * version published since the store first fetched its package would look unpublished.
     */
    public synchronized void forgetMetadata() {
        metadata = null;
    }

    /**
     * A cafile the network would use is checked before anything runs — exit 2 naming its {@code .npmrc} line, not a
     * failure later — once per version of the file and day: the check parses every certificate of the bundle (a
     * corporate or system bundle of a hundred and more), which cost a fifth of a warm scan's time, and a warm scan
     * may ask the registry nothing. Whether a file was usable is kept in the metadata store under its path, size
     * and modification time.
     */
    private void checkCafile() throws InputException, IOException {
        Optional<String> cafile = npmConfig.setting("cafile");
        if (offline() || cafile.isEmpty()) {
            return;
        }
        String fact = null;
        try {
            Path file = Path.of(cafile.get()).toAbsolutePath();
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isRegularFile()) {
                fact = "usable cafile " + file + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            // no fact to look up: the check below names the problem
        }
        if (fact != null && metadata().learnt(fact).isPresent()) {
            return;
        }
        ssl = HttpClients.sslContext(npmConfig);
        if (fact != null) {
            metadata().learn(fact, true);
        }
    }

    /**
     * The HTTP client, made when the first request needs it: a warm scan may ask nothing, and with a cafile making
     * one costs about a fifth of a warm scan's CPU time.
     *
     * @throws IOException when the npm configuration's cafile cannot be used (every later call says the same)
     */
    private synchronized HttpClient http() throws IOException {
        if (httpFailure != null) {
            throw httpFailure;
        }
        if (http == null) {
            try {
                http = HttpClients.forConfig(npmConfig, ssl != null ? ssl : HttpClients.sslContext(npmConfig),
                        registryLimits.connectTimeout());
            } catch (InputException | RuntimeException e) {
                httpFailure = new IOException(e.getMessage(), e);
                throw httpFailure;
            }
        }
        return http;
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
            http = null;
        }
    }

    static String registryUrl(String text) throws InputException {
        try {
            URI uri = new URI(text);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InputException(Location.of("--registry"), "'" + text
                        + "' is not an http(s) registry URL");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new InputException(Location.of("--registry"), "'" + text + "' is not a URL: " + e.getReason());
        }
    }
}
