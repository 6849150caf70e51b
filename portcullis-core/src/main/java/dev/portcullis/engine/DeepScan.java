package dev.portcullis.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.analysis.PackageAnalysis;
import dev.portcullis.analysis.meta.TarballManifest;
import dev.portcullis.analysis.PackageAnalyzer;
import dev.portcullis.analysis.PackageInput;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.registry.Integrity;
import dev.portcullis.registry.NpmConfig;
import dev.portcullis.registry.Packument;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryException;
import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code scan --deep} stage: every registry package of the lockfile graph, fetched verified through the
 * cache, read with the tarball reader and analysed as {@code inspect} would. Downloads go in batches through
 * {@link RegistryClient#fetchAll} (bounded parallel I/O) while a fixed pool analyses (CPU), so at most a batch of
 * tarballs is held in memory at once. A package that cannot be fetched is reported as unchecked, not as an error.
 */
final class DeepScan {
    /** Tarballs downloaded, then analysed, per round: bounds memory to a batch of (compressed) tarballs. */
    static final int BATCH = 32;
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

    /** One package to inspect: where its tarball is and what it must hash to (or null: ask the packument). */
    private record Wanted(String name, String version, RegistryClient.TarballRequest request) {
        String id() {
            return name + "@" + version;
        }
    }

    DeepScan(RegistryClient client, NpmConfig config, PackageAnalyzer analyzer, TarballLimits limits,
             Progress progress, int threads) {
        this.client = client;
        this.config = config;
        this.analyzer = analyzer;
        this.limits = limits;
        this.progress = progress;
        this.threads = Math.max(2, threads);
    }

    Result run(List<PackageNode> packages) throws IOException {
        Map<String, String> unchecked = Collections.synchronizedMap(new java.util.TreeMap<>());
        List<Wanted> wanted = locate(wanted(packages), unchecked);
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        List<String> inspected = Collections.synchronizedList(new ArrayList<>());
        Map<String, JsonNode> manifests = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        int total = wanted.size();
        Semaphore memory = new Semaphore(threads);
        progress.update(0, total, 0);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int start = 0; start < wanted.size(); start += BATCH) {
                List<Wanted> batch = wanted.subList(start, Math.min(wanted.size(), start + BATCH));
                RegistryClient.Download[] downloads = client.fetchAll(batch.stream().map(Wanted::request).toList())
                        .toArray(RegistryClient.Download[]::new);
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    Wanted package_ = batch.get(i);
                    RegistryClient.Download download = downloads[i];
                    downloads[i] = null; // the task holds it now; dropped as soon as it is analysed
                    futures.add(pool.submit(() -> {
                        switch (download) {
                            case RegistryClient.Download.Failed failed -> unchecked.put(package_.id(), failed.reason());
                            case RegistryClient.Download.Fetched fetched -> {
                                byte[] tarball = fetched.tarball().bytes();
                                int weight = tarball.length > LARGE_TARBALL ? threads : 1;
                                memory.acquire(weight);
                                try {
                                    findings.addAll(analyse(package_, tarball, manifests));
                                    inspected.add(package_.id());
                                } catch (RuntimeException e) {
                                    // a defect met on one package must not cost the whole deep scan
                                    unchecked.put(package_.id(), "internal error while analysing it: " + e);
                                } finally {
                                    memory.release(weight);
                                }
                                bytes.addAndGet(tarball.length);
                            }
                        }
                        progress.update(done.incrementAndGet(), total, bytes.get());
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            }
        } catch (RegistryException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the deep scan", e);
        } catch (ExecutionException e) {
            throw new IOException("the deep scan failed: " + e.getCause(), e.getCause());
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
            Wanted wanted = new Wanted(node.name(), node.version(), request(node, registry));
            byId.putIfAbsent(wanted.id(), wanted);
        }
        return List.copyOf(byId.values());
    }

    /** The request the lockfile alone allows: an SRI or SHA-1 integrity, and a URL (recorded or npm's usual one). */
    private RegistryClient.TarballRequest request(PackageNode node, Source.Registry registry) {
        if (node.integrity() == null || Integrity.parse(node.integrity()).isEmpty()) {
            return null; // yarn berry's checksum, or none: the packument says what to verify against
        }
        String url = registry.tarballUrl();
        if (url == null || !url.startsWith("http")) {
            url = conventionalUrl(node.name(), node.version());
        } else {
            url = replaceRegistryHost(url, config.registryFor(node.name()));
        }
        return new RegistryClient.TarballRequest(java.net.URI.create(url), node.integrity());
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

    /** Fills in the requests the lockfile could not give from the packuments, in parallel; the rest unchecked. */
    private List<Wanted> locate(List<Wanted> wanted, Map<String, String> unchecked) throws IOException {
        Semaphore permits = new Semaphore(client.limits().parallelism());
        List<Future<Wanted>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Wanted w : wanted) {
                futures.add(pool.submit(() -> {
                    if (w.request() != null) {
                        return w;
                    }
                    permits.acquire();
                    try {
                        Packument.VersionDoc doc = client.packument(w.name(), true)
                                .flatMap(p -> p.version(w.version())).orElse(null);
                        if (doc == null || doc.dist().tarball().isEmpty() || doc.dist().strongest().isEmpty()) {
                            unchecked.put(w.id(), "the registry lists no verifiable tarball for it");
                            return null;
                        }
                        return new Wanted(w.name(), w.version(), new RegistryClient.TarballRequest(
                                doc.dist().tarball().get(), doc.dist().strongest().get().toString()));
                    } catch (RegistryException e) {
                        unchecked.put(w.id(), e.getMessage());
                        return null;
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<Wanted> located = new ArrayList<>();
            for (Future<Wanted> future : futures) {
                Wanted w = future.get();
                if (w != null) {
                    located.add(w);
                }
            }
            return located;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the deep scan", e);
        } catch (ExecutionException e) {
            throw new IOException("the deep scan failed: " + e.getCause(), e.getCause());
        }
    }

    /** One package's findings, named as the lockfile names it and located inside it. */
    private List<Finding> analyse(Wanted wanted, byte[] tarball, Map<String, JsonNode> manifests) throws IOException {
        TarballContents contents = TarballReader.read(new ByteArrayInputStream(tarball), limits);
        PackageInput read = PackageInput.of(contents);
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
