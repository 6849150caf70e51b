package dev.portcullis.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.analysis.PackageAnalysis;
import dev.portcullis.analysis.PackageAnalyzer;
import dev.portcullis.analysis.PackageInput;
import dev.portcullis.analysis.meta.TarballManifest;
import dev.portcullis.concurrent.Parallel;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Problems;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.model.Source;
import dev.portcullis.registry.Integrity;
import dev.portcullis.registry.NpmConfig;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryLimits;
import dev.portcullis.tarball.TarballLimits;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code scan --deep} stage: every registry package of the lockfile graph, had through the
 * {@link PackageFetcher} (located, downloaded verified through the cache, unpacked) and analysed as {@code inspect}
 * would. One streaming loop ({@link Parallel#io}) takes each package from download to analysis: at most
 * {@link RegistryLimits#parallelism()} downloads are in flight, a downloaded tarball waits as a file of the cache,
 * and at most {@code threads} packages are unpacked at once, one alone when its tarball is large. A package that cannot be
 * had is reported as unchecked with the fetcher's sentence, not as an error. Tarballs come from the configured
 * registries only ({@link #fetchAsRecorded}).
 */
final class DeepScan {
    /**
     * Its own finding, whatever other rules say: a registry or mirror serving other bytes than the lockfile recorded
     * is what a compromised registry, mirror or proxy looks like.
     */
    static final RuleDescriptor INTEGRITY_MISMATCH = new RuleDescriptor("content/integrity-mismatch",
            Severity.CRITICAL, "The tarball served does not match the lockfile's integrity",
            "The registry (or a mirror or proxy on the way) served a tarball whose hash is not the one the lockfile "
                    + "records, so what would be installed is not what was locked and reviewed. npm refuses such a "
                    + "tarball (EINTEGRITY); a registry that serves one has been tampered with or is broken.",
            "Do not install; find out which registry served it (.npmrc, a proxy), and compare the tarball with the "
                    + "one the public registry serves before trusting the lockfile again.");
    /**
     * A tarball this large (compressed) unpacks to a hundred megabytes or more (next, prisma, tfjs): it is analysed
     * alone, so that two of them never sit unpacked in memory at once.
     */
    static final long LARGE_TARBALL = 8L << 20;
    /** How many packages one unchecked line names before summarising the rest. */
    private static final int UNCHECKED_NAMED = 10;
    /** The public registry under the names lockfiles record it by (yarn classic writes its alias). */
    private static final List<String> PUBLIC_REGISTRIES = List.of("https://registry.npmjs.org/",
            "https://registry.yarnpkg.com/");

    private final RegistryClient client;
    private final NpmConfig config;
    private final PackageAnalyzer analyzer;
    private final TarballLimits limits;
    private final Progress progress;
    private final int threads;
    private final Set<String> allowedHosts;

    /**
     * What the stage found.
     *
     * @param findings the packages' findings, located at {@code name@version/path}
     * @param inspected the packages analysed, {@code name@version}
     * @param unchecked one sentence summarising what could not be fetched, or none
     * @param manifests {@code name@version} → the package.json inside its tarball, for meta/manifest-confusion
     */
    record Result(List<Finding> findings, List<String> inspected, List<String> unchecked,
                  Map<String, JsonNode> manifests) {
        /** Nothing inspected: a scan without {@code --deep}, or without a lockfile. */
        static final Result NONE = new Result(List.of(), List.of(), List.of(), Map.of());
    }

    /** One package to inspect: where its tarball is and what it must hash to (both null: ask the packument). */
    record Wanted(String name, String version, URI url, String integrity, Location at) {
        String id() {
            return name + "@" + version;
        }
    }

    DeepScan(RegistryClient client, NpmConfig config, PackageAnalyzer analyzer, TarballLimits limits,
             Progress progress, int threads) {
        this(client, config, analyzer, limits, progress, threads, List.of());
    }

    /**
     * @param allowedHosts the policy's {@code registries.allowedHosts}: hosts besides the configured registries
     *     whose recorded tarball URLs are fetched as recorded (still through the registry client's address guard)
     */
    DeepScan(RegistryClient client, NpmConfig config, PackageAnalyzer analyzer, TarballLimits limits,
             Progress progress, int threads, List<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.client = client;
        this.config = config;
        this.analyzer = analyzer;
        this.limits = limits;
        this.progress = progress;
        this.threads = Math.max(2, threads);
    }

    Result run(List<PackageNode> packages) throws IOException {
        List<Wanted> wanted = wanted(packages);
        PackageFetcher fetcher = new PackageFetcher(client, limits);
        Map<String, String> unchecked = Collections.synchronizedMap(new TreeMap<>());
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        List<String> inspected = Collections.synchronizedList(new ArrayList<>());
        Map<String, JsonNode> manifests = new ConcurrentHashMap<>();
        Semaphore unpacking = new Semaphore(threads, true); // fair: a large tarball waiting for every permit is not overtaken
        AtomicInteger done = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        int total = wanted.size();
        progress.update(0, total, 0);
        try {
            Parallel.io(Math.max(threads, client.limits().parallelism())).forEach(wanted, package_ -> {
                PackageFetcher.Download download = fetcher.download(package_.name(), package_.version(),
                        package_.url(), package_.integrity());
                long size = download instanceof PackageFetcher.Verified v ? v.tarball().size() : 0;
                // the tarball is a file of the cache until it is unpacked: only unpacked packages weigh
                int weight = size > LARGE_TARBALL ? threads : 1;
                unpacking.acquireUninterruptibly(weight);
                try {
                    switch (fetcher.read(download)) {
                        case PackageFetcher.Failed failed when failed.kind() == PackageFetcher.Kind.INTEGRITY ->
                                findings.add(new Finding(INTEGRITY_MISMATCH, INTEGRITY_MISMATCH.defaultSeverity(),
                                        package_.name(), package_.version(), package_.id() + ": " + failed.message(),
                                        package_.at(), package_.integrity() == null ? "" : package_.integrity()));
                        case PackageFetcher.Failed failed -> unchecked.put(package_.id(), failed.message());
                        case PackageFetcher.Fetched fetched -> {
                            findings.addAll(analyse(package_, fetched.input(), manifests));
                            inspected.add(package_.id());
                        }
                    }
                } catch (RuntimeException e) {
                    // a defect met on one package must not cost the whole deep scan
                    unchecked.put(package_.id(), "internal error while analysing it: " + Problems.describe(e));
                } finally {
                    unpacking.release(weight);
                }
                progress.update(done.incrementAndGet(), total, bytes.addAndGet(size));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the deep scan", e);
        } catch (RuntimeException e) {
            throw new IOException("the deep scan failed: " + e, e);
        }
        List<String> sortedInspected = new ArrayList<>(inspected);
        Collections.sort(sortedInspected);
        return new Result(List.copyOf(findings), sortedInspected, summarise(unchecked), Map.copyOf(manifests));
    }

    /** Registry packages with a version, once per name@version, in graph order. */
    private List<Wanted> wanted(List<PackageNode> packages) {
        Map<String, Wanted> byId = new LinkedHashMap<>();
        for (PackageNode node : packages) {
            if (!(node.source() instanceof Source.Registry registry) || node.version().isEmpty()) {
                continue;
            }
            Wanted wanted = wanted(node, registry);
            byId.putIfAbsent(wanted.id(), wanted);
        }
        return List.copyOf(byId.values());
    }

    /** What the lockfile alone says: an SRI or SHA-1 integrity, and a URL (recorded or npm's usual one). */
    Wanted wanted(PackageNode node, Source.Registry registry) {
        if (node.integrity() == null || Integrity.parse(node.integrity()).isEmpty()) {
            // yarn berry's checksum, or none: the packument says what to verify against
            return new Wanted(node.name(), node.version(), null, null, node.location());
        }
        String url = registry.tarballUrl();
        URI recorded = null;
        if (url != null && url.startsWith("http")) {
            try {
                recorded = new URI(replaceRegistryHost(url, config.registryFor(node.name())));
            } catch (java.net.URISyntaxException e) {
                recorded = null;
            }
        }
        return new Wanted(node.name(), node.version(), recorded != null && fetchAsRecorded(recorded) ? recorded
                : URI.create(conventionalUrl(node.name(), node.version())), node.integrity(),
                node.location());
    }

    /**
     * Whether a lockfile's tarball URL is fetched as recorded: it lies under a configured registry, or its host is
     * one the policy allows. Any other URL — a host a pull request wrote into the lockfile, the cloud metadata
     * service — is never asked: the package is fetched from the configured registry's tarball route for that
     * name@version and verified against the lockfile's integrity, and lockfile/foreign-host reports the URL.
     */
    private boolean fetchAsRecorded(URI url) {
        String text = url.toString();
        List<String> registries = new ArrayList<>(config.scopedRegistries().values());
        registries.add(config.registry());
        for (String registry : registries) {
            if (text.startsWith(registry)) {
                return true;
            }
        }
        return url.getHost() != null && allowedHosts.contains(url.getHost().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * A URL of the public registry, fetched from the configured registry instead, as npm's default
     * {@code replace-registry-host=npmjs} does: a lockfile written against registry.npmjs.org installs through the
     * mirror a company configures. Other hosts are fetched as recorded.
     */
    static String replaceRegistryHost(String url, String configured) {
        for (String publicRegistry : PUBLIC_REGISTRIES) {
            if (url.startsWith(publicRegistry) && !configured.equals(publicRegistry)) {
                return configured + url.substring(publicRegistry.length());
            }
        }
        return url;
    }

    /** {@code <registry>/<name>/-/<unscoped name>-<version>.tgz}, where npm publishes every tarball. */
    private String conventionalUrl(String name, String version) {
        String unscoped = name.substring(name.indexOf('/') + 1);
        return config.registryFor(name) + name + "/-/" + unscoped + "-" + version + ".tgz";
    }

    /** One package's findings, named as the lockfile names it and located inside it. */
    private List<Finding> analyse(Wanted wanted, PackageInput read, Map<String, JsonNode> manifests) {
        TarballManifest.of(read.files()).ifPresent(m -> manifests.put(wanted.id(), m));
        PackageAnalysis analysis = analyzer.analyze(new PackageInput(wanted.name(), wanted.version(), read.files(),
                read.problems()));
        String prefix = wanted.id() + "/";
        List<Finding> located = new ArrayList<>();
        for (Finding f : analysis.findings()) {
            located.add(new Finding(f.rule(), f.severity(), wanted.name(), wanted.version(), f.message(),
                    new Location(prefix + f.location().file(), f.location().line()), f.evidence()));
        }
        return located;
    }

    private static List<String> summarise(Map<String, String> unchecked) {
        if (unchecked.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        unchecked.forEach((id, reason) -> lines.add(id + " (" + reason + ")"));
        return List.of("content of " + lines.size() + " package(s) not inspected (--deep): "
                + String.join("; ", lines.subList(0, Math.min(UNCHECKED_NAMED, lines.size())))
                + (lines.size() > UNCHECKED_NAMED ? "; … and " + (lines.size() - UNCHECKED_NAMED) + " more" : ""));
    }
}
