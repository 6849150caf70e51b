package dev.portcullis.engine;

import dev.portcullis.advisory.AdvisoryMatch;
import dev.portcullis.advisory.AdvisoryRules;
import dev.portcullis.analysis.PackageAnalysis;
import dev.portcullis.analysis.PackageAnalyzer;
import dev.portcullis.analysis.PackageInput;
import dev.portcullis.analysis.meta.TarballManifest;
import dev.portcullis.concurrent.Parallel;
import dev.portcullis.model.Finding;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyEngine;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.registry.HttpClients;
import dev.portcullis.registry.NpmConfig;
import dev.portcullis.registry.MetadataStore;
import dev.portcullis.registry.PackageSummary;
import dev.portcullis.registry.Packument;
import dev.portcullis.registry.RegistryCache;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryException;
import dev.portcullis.registry.RegistryLimits;
import dev.portcullis.report.InspectReport;
import dev.portcullis.semver.Range;
import dev.portcullis.semver.RangeOptions;
import dev.portcullis.semver.Version;
import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballProblem;
import dev.portcullis.tarball.TarballReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code portcullis inspect}: targets → read or fetch → analyse (in parallel) → decide → report. A target that
 * cannot be read becomes an error entry of the report; the other targets still run.
 */
public final class InspectPipeline {
    private final Environment environment;
    private final PackageAnalyzer analyzer;
    private final TarballLimits limits;

    public InspectPipeline(Environment environment) {
        this(environment, Analyzers.defaults(), TarballLimits.defaults());
    }

    public InspectPipeline(Environment environment, PackageAnalyzer analyzer, TarballLimits limits) {
        this.environment = environment;
        this.analyzer = analyzer;
        this.limits = limits;
    }

    /** @throws InputException when the policy or the registry URL is wrong: nothing can be inspected then */
    public InspectReport run(InspectOptions options) throws InputException, IOException {
        Setup setup = setup(options);
        List<Outcome> analysed = analyse(setup, options);
        AdvisoryCheck.Result advisories = matchAdvisories(setup, analysed, options.offline());
        List<Outcome> advised = withAdvisories(analysed, advisories);
        List<InspectReport.Result> results = decide(setup.policy(), advised);
        return report(setup.policy(), advised, results, advisories.notes());
    }

    /** The advisories of every analysed target that has a name and version (a local directory's included). */
    AdvisoryCheck.Result matchAdvisories(Setup setup, List<Outcome> outcomes, boolean offline) throws IOException {
        List<AdvisoryCheck.Query> queries = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Analysed a && !a.analysis().name().isEmpty()
                    && !a.analysis().version().isEmpty()) {
                queries.add(new AdvisoryCheck.Query(a.analysis().name(), a.analysis().version()));
            }
        }
        return new AdvisoryCheck(environment.advisoryDatabase(), environment.clock(), setup.registry().config(),
                offline).check(queries);
    }

    static List<Outcome> withAdvisories(List<Outcome> outcomes, AdvisoryCheck.Result advisories) {
        List<Outcome> out = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Analysed a) {
                PackageAnalysis analysis = a.analysis();
                List<AdvisoryMatch> matches = advisories.of(analysis.name(), analysis.version());
                if (!matches.isEmpty()) {
                    List<Finding> findings = new ArrayList<>(analysis.findings());
                    for (AdvisoryMatch match : matches) {
                        findings.add(AdvisoryRules.finding(match, null,
                                Location.of(analysis.name() + "@" + analysis.version())));
                    }
                    outcome = new Outcome.Analysed(a.target(), new PackageAnalysis(analysis.name(),
                            analysis.version(), findings, analysis.files(), analysis.bytes()), a.note(), a.metadata());
                }
            }
            out.add(outcome);
        }
        return out;
    }

    /** The policy and the registry every target shares. */
    record Setup(Policy policy, Path workingDir, RegistrySource registry) {
    }

    /** One target analysed, or the entry saying why it could not be. */
    sealed interface Outcome {
        /**
         * @param note     something about the run worth a warning (a download verified by SHA-1 only), or null
         * @param metadata the meta/* rules' verdict on a registry target ({@link MetadataStage.Result#NONE} else)
         */
        record Analysed(String target, PackageAnalysis analysis, String note, MetadataStage.Result metadata)
                implements Outcome {
        }

        record Failed(InspectReport.Result result) implements Outcome {
        }
    }

    /** Thrown inside one target's work; becomes that target's error entry. */
    static final class TargetException extends Exception {
        final InspectReport.ErrorKind kind;
        final String name;
        final String version;

        TargetException(InspectReport.ErrorKind kind, String message, String name, String version) {
            super(message);
            this.kind = kind;
            this.name = name;
            this.version = version;
        }
    }

    Setup setup(InspectOptions options) throws InputException, IOException {
        Policy policy = ProjectLoader.readPolicy(options.workingDir(), options.policyFile());
        NpmConfig config = NpmConfig.load(options.workingDir(), environment.variables(), environment.home());
        if (options.registry() != null) {
            config = new NpmConfig(registryUrl(options.registry()), config.scopedRegistries(), config.settings(),
                    config.sources());
        }
        return new Setup(policy, options.workingDir(), new RegistrySource(config, environment.cacheDir(),
                options.offline()));
    }

    List<Outcome> analyse(Setup setup, InspectOptions options) throws IOException {
        try {
            return Parallel.cpu(Math.min(options.parallelism(), Math.max(1, options.targets().size())))
                    .map(options.targets(), raw -> analyseOne(setup, raw));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while inspecting", e);
        }
    }

    private Outcome analyseOne(Setup setup, String raw) {
        try {
            Read read = read(setup, InspectTarget.parse(raw, setup.workingDir()));
            return new Outcome.Analysed(raw, analyzer.analyze(read.input()), read.note(), read.metadata());
        } catch (TargetException e) {
            return new Outcome.Failed(InspectReport.Result.failed(raw, e.name, e.version,
                    new InspectReport.Error(e.kind, e.getMessage())));
        } catch (RuntimeException e) {
            // a defect met on one package must not cost the user the verdicts on the others
            return new Outcome.Failed(InspectReport.Result.failed(raw, null, null, new InspectReport.Error(
                    InspectReport.ErrorKind.INTERNAL, "internal error while analysing it: " + e)));
        }
    }

    /** A target's package, and a note for the report's warnings or null. */
    private record Read(PackageInput input, String note, MetadataStage.Result metadata) {
        Read(PackageInput input, String note) {
            this(input, note, MetadataStage.Result.NONE);
        }
    }

    private Read read(Setup setup, InspectTarget target) throws TargetException {
        return switch (target) {
            case InspectTarget.Invalid invalid -> throw new TargetException(InspectReport.ErrorKind.INPUT,
                    invalid.reason(), null, null);
            case InspectTarget.Directory directory -> {
                try {
                    yield new Read(packageOf(DirectoryReader.read(directory.dir(), limits), null, null), null);
                } catch (IOException e) {
                    throw new TargetException(InspectReport.ErrorKind.INPUT, "cannot read the directory "
                            + directory.raw() + ": " + e.getMessage(), null, null);
                }
            }
            case InspectTarget.Archive archive -> {
                try (InputStream in = Files.newInputStream(archive.file())) {
                    yield new Read(packageOf(tarball(in), null, null), null);
                } catch (IOException e) {
                    throw new TargetException(InspectReport.ErrorKind.INPUT, "cannot read " + archive.raw() + ": "
                            + e.getMessage(), null, null);
                }
            }
            case InspectTarget.Registry registry -> fetch(setup, registry);
        };
    }

    private Read fetch(Setup setup, InspectTarget.Registry target) throws TargetException {
        RegistrySource source = setup.registry();
        String name = target.name();
        // the metadata rules need the full document (publish times, maintainers); the content alone does not
        boolean metadata = !MetadataStage.enabled(setup.policy()).isEmpty();
        try {
            RegistryClient client = source.client();
            Packument packument = client.packument(name, !metadata).orElseThrow(() -> new TargetException(
                    InspectReport.ErrorKind.INPUT, name + " is not in the registry " + source.config()
                    .registryFor(name) + " (404)", name, null));
            String version = resolve(packument, target.spec()).orElseThrow(() -> new TargetException(
                    InspectReport.ErrorKind.INPUT, "no version of " + name + " matches '" + target.spec() + "'"
                    + Optional.ofNullable(packument.distTags().get("latest")).map(l -> " (latest is " + l + ")")
                    .orElse(""), name, null));
            Packument.VersionDoc doc = packument.version(version).orElseThrow();
            URI url = doc.dist().tarball().orElseThrow(() -> new TargetException(InspectReport.ErrorKind.INPUT,
                    name + "@" + version + " publishes no tarball URL", name, version));
            String integrity = doc.dist().strongest().map(Object::toString).orElseThrow(() -> new TargetException(
                    InspectReport.ErrorKind.INPUT, name + "@" + version
                    + " publishes no integrity or shasum: refusing an unverifiable download", name, version));
            RegistryClient.Tarball tarball = client.tarball(url, integrity);
            String note = tarball.weakIntegrity() ? name + "@" + version + " was verified by SHA-1 only: the registry "
                    + "publishes no stronger integrity for it" : null;
            PackageInput input = packageOf(tarball(new ByteArrayInputStream(tarball.bytes())), name, version);
            MetadataStage.Result judged = new MetadataStage(new MetadataStore(client, null, environment.clock(),
                    MetadataStore.DEFAULT_TTL, false), setup.policy(), environment.clock().instant())
                    .judge(new MetadataStage.Target(name, version, null, Location.of("package.json"),
                            TarballManifest.of(input.files()).orElse(null)),
                            PackageSummary.of(packument, environment.clock().instant()),
                            PackageSummary.Manifest.of(doc));
            return new Read(input, note, judged);
        } catch (RegistryException e) {
            throw new TargetException(InspectReport.ErrorKind.NETWORK, e.getMessage(), name, null);
        } catch (IOException e) {
            throw new TargetException(InspectReport.ErrorKind.NETWORK, "cannot set up the registry client: "
                    + e.getMessage(), name, null);
        }
    }

    /**
     * The version {@code spec} names, as npm picks it: a dist-tag, an exact version, else the highest version in
     * the range — the {@code latest} tag first when it satisfies the range.
     */
    static Optional<String> resolve(Packument packument, String spec) {
        String tagged = packument.distTags().get(spec);
        if (tagged != null) {
            return packument.version(tagged).map(Packument.VersionDoc::version);
        }
        if (packument.versions().containsKey(spec)) {
            return Optional.of(spec);
        }
        Optional<Range> range = Range.parse(spec, RangeOptions.DEFAULT);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        String latest = packument.distTags().get("latest");
        if (latest != null && packument.versions().containsKey(latest) && range.get().test(latest)) {
            return Optional.of(latest);
        }
        List<Version> versions = new ArrayList<>();
        for (String v : packument.versions().keySet()) {
            Version.parse(v, false).ifPresent(versions::add);
        }
        return range.get().maxSatisfying(versions).map(Version::toString);
    }

    private TarballContents tarball(InputStream in) throws IOException {
        return TarballReader.read(in, limits);
    }

    /**
     * The package of these contents. Contents with no file at all and a broken stream are not a package (a file
     * that is not a gzipped tarball); anything else is analysed, problems included.
     */
    private static PackageInput packageOf(TarballContents contents, String name, String version)
            throws TargetException {
        if (contents.files().isEmpty() && !contents.complete()) {
            String why = contents.problems().stream().map(TarballProblem::message).findFirst().orElse("unreadable");
            throw new TargetException(InspectReport.ErrorKind.INPUT, "not a readable gzipped tarball: " + why,
                    name, version);
        }
        if (contents.files().isEmpty()) {
            throw new TargetException(InspectReport.ErrorKind.INPUT, "no files to inspect", name, version);
        }
        PackageInput input = PackageInput.of(contents);
        if (name != null && (input.name() == null || input.name().isEmpty())) {
            // a registry package is known by its registry name even when its package.json is missing or broken
            return new PackageInput(name, version, input.files(), input.problems());
        }
        return input;
    }

    List<InspectReport.Result> decide(Policy policy, List<Outcome> outcomes) {
        PolicyEngine engine = new PolicyEngine(policy, today());
        List<InspectReport.Result> results = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            switch (outcome) {
                case Outcome.Failed failed -> results.add(failed.result());
                case Outcome.Analysed analysed -> {
                    PackageAnalysis analysis = analysed.analysis();
                    List<Finding> raw = new ArrayList<>(analysis.findings());
                    raw.addAll(analysed.metadata().findings());
                    PolicyResult decided = engine.decide(raw);
                    // expired ignores concern the policy, not this package: the report warns about them once
                    List<Finding> findings = decided.findings().stream()
                            .filter(f -> !f.rule().equals(PolicyEngine.EXPIRED_IGNORE)).toList();
                    Verdict verdict = policy.verdict().verdict(findings);
                    results.add(new InspectReport.Result(analysed.target(), orNull(analysis.name()),
                            orNull(analysis.version()), verdict, findings, decided.ignored(), analysis.files(),
                            analysis.bytes(), null));
                }
            }
        }
        return results;
    }

    /** A package without a (readable) package.json has no name: null in the report, not an empty string. */
    private static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    InspectReport report(Policy policy, List<Outcome> outcomes, List<InspectReport.Result> results,
                         List<String> notes) {
        List<String> warnings = new ArrayList<>(notes);
        new PolicyEngine(policy, today()).decide(List.of()).findings()
                .forEach(f -> warnings.add(f.location() + ": " + f.message()));
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Analysed analysed && analysed.note() != null) {
                warnings.add(analysed.note());
            }
            if (outcome instanceof Outcome.Analysed analysed) {
                analysed.metadata().unchecked().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
            }
        }
        return new InspectReport(Versions.tool(), results, policy.verdict(), policy.failOnVerdict(), warnings,
                RuleCatalog.all());
    }

    private LocalDate today() {
        return LocalDate.now(environment.clock());
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

    /** The registry client, made on first use: runs with local targets only never build an HTTP client. */
    static final class RegistrySource {
        private final NpmConfig config;
        private final Path cacheDir;
        private final boolean offline;
        private RegistryClient client;

        RegistrySource(NpmConfig config, Path cacheDir, boolean offline) {
            this.config = config;
            this.cacheDir = cacheDir;
            this.offline = offline;
        }

        NpmConfig config() {
            return config;
        }

        synchronized RegistryClient client() throws IOException {
            if (client == null) {
                client = new RegistryClient(offline ? null : HttpClients.forConfig(config), config,
                        cacheDir == null ? null : new RegistryCache(cacheDir), offline, RegistryLimits.defaults());
            }
            return client;
        }
    }
}
