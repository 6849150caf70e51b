package dev.portcullis.engine;

import dev.portcullis.analysis.PackageAnalyzer;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.policy.Policy;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

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
    private final NpmConfig npmConfig;
    private final Policy policy;
    private final PackageAnalyzer analyzer;
    private final TarballLimits tarballLimits;
    private final RegistryLimits registryLimits;
    private final ProjectLimits projectLimits = ProjectLimits.defaults();
    private HttpClient http;
    private RegistryClient registry;
    private MetadataStore metadata;

    private Portcullis(Environment environment, Run run, NpmConfig npmConfig, Policy policy, PackageAnalyzer analyzer,
                       TarballLimits tarballLimits, RegistryLimits registryLimits) {
        this.environment = environment;
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
        return open(environment, run, Analyzers.defaults(), TarballLimits.defaults(), RegistryLimits.defaults());
    }

    /** As {@link #open(Environment, Run)}, with a rule set and limits of the caller's (tests, benchmarks). */
    public static Portcullis open(Environment environment, Run run, PackageAnalyzer analyzer,
                                  TarballLimits tarballLimits, RegistryLimits registryLimits)
            throws InputException, IOException {
        Objects.requireNonNull(environment, "environment");
        NpmConfig config = NpmConfig.load(run.workingDir(), environment.variables(), environment.home());
        if (run.registry() != null) {
            config = new NpmConfig(registryUrl(run.registry()), config.scopedRegistries(), config.settings(),
                    config.sources());
        }
        Policy policy = run.readPolicy() ? ProjectReader.readPolicy(run.workingDir(), run.policyFile())
                : Policy.defaults();
        return new Portcullis(environment, run, config, policy, analyzer, tarballLimits, registryLimits);
    }

    public Environment environment() {
        return environment;
    }

    public Run run() {
        return run;
    }

    public NpmConfig npmConfig() {
        return npmConfig;
    }

    public Policy policy() {
        return policy;
    }

    public PackageAnalyzer analyzer() {
        return analyzer;
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
     * it, so each package is asked for at most once and the token of a registry goes to that registry only.
     *
     * @throws IOException when the HTTP client cannot be set up (an unusable cafile)
     */
    public synchronized RegistryClient registry() throws IOException {
        if (registry == null) {
            RegistryCache cache = environment.cacheDir() == null ? null : new RegistryCache(environment.cacheDir());
            registry = new RegistryClient(offline() ? null : http(), npmConfig, cache, offline(), registryLimits);
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

    /** @throws IOException when the npm configuration's cafile cannot be used */
    private HttpClient http() throws IOException {
        if (http == null) {
            http = HttpClients.forConfig(npmConfig, registryLimits.connectTimeout());
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
