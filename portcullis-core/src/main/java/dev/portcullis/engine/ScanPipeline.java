package dev.portcullis.engine;

import dev.portcullis.advisory.AdvisoryMatch;
import dev.portcullis.advisory.AdvisoryRules;
import dev.portcullis.model.Finding;
import dev.portcullis.model.GraphPaths;
import dev.portcullis.model.InputException;
import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.Location;
import dev.portcullis.model.LockfileFormat;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.PolicyEngine;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.policy.VerdictThresholds;
import dev.portcullis.project.FootprintCalculator;
import dev.portcullis.project.ProjectCheck;
import dev.portcullis.project.ProjectChecks;
import dev.portcullis.project.ProjectContext;
import dev.portcullis.project.ProjectSettings;
import dev.portcullis.registry.HttpClients;
import dev.portcullis.registry.MetadataStore;
import dev.portcullis.registry.RegistryCache;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryException;
import dev.portcullis.registry.RegistryLimits;
import dev.portcullis.report.ScanReport;
import dev.portcullis.tarball.TarballLimits;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code portcullis scan}: read → fetch → analyse → decide → report. */
public final class ScanPipeline {
    /** The hosts every lockfile may name: npm's registry, and yarn's alias of it that yarn classic writes. */
    static final Set<String> DEFAULT_REGISTRY_HOSTS = Set.of("registry.npmjs.org", "registry.yarnpkg.com");

    /** How many unchecked packages one report line names before summarising the rest. */
    private static final int UNCHECKED_NAMED = 10;

    private final Environment environment;
    private final Progress progress;

    public ScanPipeline(Environment environment) {
        this(environment, Progress.NONE);
    }

    /** @param progress told how the deep stage advances (packages and bytes) */
    public ScanPipeline(Environment environment, Progress progress) {
        this.environment = environment;
        this.progress = progress;
    }

    public ScanReport run(ScanOptions options) throws InputException, RegistryException, IOException {
        LoadedProject project = new ProjectLoader(environment).load(options.projectDir(), options.policyFile());
        MetadataStore store = metadataStore(project, options);
        Fetched fetched = fetchInstallScripts(project, store);
        ProjectContext context = context(project, fetched);
        List<Finding> findings = analyse(context);
        Advised advised = matchAdvisories(project, options.offline());
        DeepScan.Result deep = options.deep() ? inspectContent(project, options.offline()) : null;
        MetadataStage.Result metadata = metadata(project, store, deep);
        List<Finding> all = merged(findings, advised, deep);
        all.addAll(metadata.findings());
        PolicyResult result = decide(project, options, all);
        List<String> notes = new ArrayList<>(advised.notes());
        notes.addAll(metadata.unchecked());
        return report(project, context, fetched, result, deep, notes);
    }

    /**
     * The meta/* rules over every locked registry package — not only newly resolved ones: a frozen install of a
     * lockfile written an hour ago installs the hour-old version all the same. With {@code --deep}, the tarballs'
     * package.json files already read are compared with the registry's (manifest confusion).
     */
    MetadataStage.Result metadata(LoadedProject project, MetadataStore store, DeepScan.Result deep)
            throws IOException {
        if (project.lockfile() == null || MetadataStage.enabled(project.policy()).isEmpty()) {
            return MetadataStage.Result.NONE;
        }
        Location location = Location.of(project.lockfile().file());
        Map<String, MetadataStage.Target> targets = new java.util.LinkedHashMap<>();
        for (PackageNode node : project.lockfile().graph().packages()) {
            if (!(node.source() instanceof Source.Registry registry) || node.version().isEmpty()) {
                continue;
            }
            String id = node.name() + "@" + node.version();
            URI resolved = null;
            if (registry.tarballUrl() != null && registry.tarballUrl().startsWith("http")) {
                try {
                    resolved = URI.create(registry.tarballUrl());
                } catch (IllegalArgumentException e) {
                    resolved = null; // lockfile/foreign-host and friends judge the URL itself
                }
            }
            targets.putIfAbsent(id, new MetadataStage.Target(node.name(), node.version(), resolved, location,
                    deep == null ? null : deep.manifests().get(id)));
        }
        return new MetadataStage(store, project.policy(), environment.clock().instant())
                .run(List.copyOf(targets.values()));
    }

    /**
     * The one store of registry metadata of a run, shared by the install-script facts and the meta/* rules so that
     * each package is read (or fetched) once: {@code <cache>/metadata}, the default TTL, {@code --refresh}.
     */
    MetadataStore metadataStore(LoadedProject project, ScanOptions options) throws IOException {
        boolean offline = options.offline();
        RegistryClient client = new RegistryClient(offline ? null : HttpClients.forConfig(project.npmConfig()),
                project.npmConfig(), null, offline, RegistryLimits.defaults());
        return new MetadataStore(client, environment.cacheDir() == null ? null
                : environment.cacheDir().resolve("metadata"), environment.clock(), MetadataStore.DEFAULT_TTL,
                options.refresh());
    }

    /** Advisory findings for the locked registry packages, and what the report should say about the sources. */
    record Advised(List<Finding> findings, List<String> notes) {
    }

    Advised matchAdvisories(LoadedProject project, boolean offline) throws IOException {
        if (project.lockfile() == null) {
            return new Advised(List.of(), List.of());
        }
        List<PackageNode> nodes = new ArrayList<>();
        List<AdvisoryCheck.Query> queries = new ArrayList<>();
        for (PackageNode node : project.lockfile().graph().packages()) {
            if (node.source() instanceof Source.Registry && !node.version().isEmpty()) {
                nodes.add(node);
                queries.add(new AdvisoryCheck.Query(node.name(), node.version()));
            }
        }
        AdvisoryCheck.Result result = new AdvisoryCheck(environment.advisoryDatabase(), environment.clock(),
                project.npmConfig(), offline).check(queries);
        GraphPaths paths = null;
        List<Finding> findings = new ArrayList<>();
        for (PackageNode node : nodes) {
            for (AdvisoryMatch match : result.of(node.name(), node.version())) {
                if (paths == null) {
                    paths = GraphPaths.of(project.lockfile().graph());
                }
                findings.add(AdvisoryRules.finding(match, pathText(paths, node), node.location()));
            }
        }
        return new Advised(findings, result.notes());
    }

    /** {@code (project) > express@4.17.1 > qs@6.7.0}: the shortest path that brings the package in. */
    static String pathText(GraphPaths paths, PackageNode node) {
        if (!paths.isReachable(node.key())) {
            return node.id() + " (no dependency leads to it)";
        }
        Map<String, PackageNode> byKey = paths.graph().packagesByKey();
        List<String> names = new ArrayList<>();
        for (String key : paths.path(node.key())) {
            PackageNode step = byKey.get(key);
            names.add(step != null ? step.id() : key.isEmpty() || key.equals(".") ? "(project)" : key);
        }
        return String.join(" > ", names);
    }

    /** The content of every registry package of the graph, analysed as {@code inspect} does. */
    DeepScan.Result inspectContent(LoadedProject project, boolean offline) throws IOException {
        if (project.lockfile() == null) {
            return new DeepScan.Result(List.of(), List.of(), List.of(), Map.of());
        }
        RegistryClient client = new RegistryClient(offline ? null : HttpClients.forConfig(project.npmConfig()),
                project.npmConfig(), environment.cacheDir() == null ? null : new RegistryCache(environment.cacheDir()), offline, RegistryLimits.defaults());
        return new DeepScan(client, project.npmConfig(), Analyzers.defaults(), TarballLimits.defaults(), progress,
                Runtime.getRuntime().availableProcessors()).run(project.lockfile().graph().packages());
    }

    private static List<Finding> merged(List<Finding> project, Advised advised, DeepScan.Result deep) {
        List<Finding> all = new ArrayList<>(project);
        all.addAll(advised.findings());
        if (deep != null) {
            all.addAll(deep.findings());
        }
        return all;
    }

    /** The verdict of every inspected package from its content findings that survived the policy; allow omitted. */
    static ScanReport.Deep verdicts(DeepScan.Result deep, PolicyResult result, VerdictThresholds thresholds) {
        Set<String> contentRules = new java.util.HashSet<>();
        Analyzers.defaults().rules().forEach(r -> contentRules.add(r.id()));
        Map<String, List<Finding>> byPackage = new java.util.TreeMap<>();
        for (Finding f : result.findings()) {
            if (contentRules.contains(f.rule().id()) && f.packageName() != null) {
                byPackage.computeIfAbsent(f.packageName() + "@" + f.version(), k -> new ArrayList<>()).add(f);
            }
        }
        List<ScanReport.PackageVerdict> packages = new ArrayList<>();
        for (List<Finding> findings : byPackage.values()) {
            Verdict verdict = thresholds.verdict(findings);
            if (verdict != Verdict.ALLOW) {
                packages.add(new ScanReport.PackageVerdict(findings.get(0).packageName(), findings.get(0).version(),
                        verdict));
            }
        }
        return new ScanReport.Deep(deep.inspected().size(), packages);
    }

    /** Install-script facts from registry metadata, for packages whose lockfile entry does not record them. */
    record Fetched(Map<String, InstallScripts> installScripts, List<String> unchecked) {
    }

    Fetched fetchInstallScripts(LoadedProject project, MetadataStore store) throws RegistryException {
        if (project.lockfile() == null) {
            return new Fetched(Map.of(), List.of());
        }
        Map<String, List<String>> versionsByName = new java.util.TreeMap<>();
        for (PackageNode node : project.lockfile().graph().packages()) {
            if (node.installScripts() == InstallScripts.UNKNOWN && node.source() instanceof Source.Registry
                    && !node.version().isEmpty()) {
                versionsByName.computeIfAbsent(node.name(), k -> new ArrayList<>()).add(node.version());
            }
        }
        if (versionsByName.isEmpty()) {
            return new Fetched(Map.of(), List.of());
        }
        Map<String, InstallScripts> answers = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        store.summaries(versionsByName, lookup -> {
            List<String> versions = versionsByName.get(lookup.name());
            switch (lookup) {
                case MetadataStore.Lookup.Found found -> versions.forEach(v -> found.summary().version(v).ifPresentOrElse(
                        facts -> answers.put(lookup.name() + "@" + v, facts.runsInstallScripts()
                                ? InstallScripts.YES : InstallScripts.NO),
                        () -> lines.add(lookup.name() + "@" + v + (found.unconfirmed().contains(v) ? ""
                                : ": the registry does not list this version"))));
                case MetadataStore.Lookup.Missing missing -> versions.forEach(v -> lines.add(lookup.name() + "@" + v
                        + ": not found in " + store.registryFor(lookup.name())));
                case MetadataStore.Lookup.Failed failed -> versions.forEach(v -> lines.add(lookup.name() + "@" + v
                        + (store.offline() ? "" : ": " + failed.reason())));
            }
            return null;
        });
        List<String> unchecked = new ArrayList<>();
        if (!lines.isEmpty()) {
            List<String> sorted = new ArrayList<>(lines);
            sorted.sort(null);
            LockfileFormat format = project.lockfile().format();
            unchecked.add("install scripts of " + sorted.size() + " package(s): " + format.fileName()
                    + " does not record them and registry metadata " + (store.offline()
                    ? "is not in the cache (run once online to cache it)" : "did not tell") + ": "
                    + String.join("; ", sorted.subList(0, Math.min(UNCHECKED_NAMED, sorted.size())))
                    + (sorted.size() > UNCHECKED_NAMED ? "; … and " + (sorted.size() - UNCHECKED_NAMED) + " more" : ""));
        }
        return new Fetched(new java.util.TreeMap<>(answers), unchecked);
    }

    ProjectContext context(LoadedProject project, Fetched fetched) {
        Set<String> hosts = new LinkedHashSet<>(DEFAULT_REGISTRY_HOSTS);
        hosts.addAll(project.npmConfig().registryHosts());
        hosts.addAll(project.extraRegistryHosts());
        project.policy().allowedHosts().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
        ProjectSettings settings = new ProjectSettings(hosts, project.policy().allowedRemoteSources(),
                project.policy().scriptAllowlist(), project.policy().pinDevDependencies());
        return new ProjectContext(project.manifest(), project.workspaces(), project.lockfile(), project.files(),
                fetched.installScripts(), settings);
    }

    static List<Finding> analyse(ProjectContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ProjectCheck check : ProjectChecks.ALL) {
            findings.addAll(check.check(context));
        }
        return findings;
    }

    PolicyResult decide(LoadedProject project, ScanOptions options, List<Finding> findings) {
        var policy = options.failOn() == null ? project.policy() : project.policy().withFailOn(options.failOn());
        return new PolicyEngine(policy, LocalDate.now(environment.clock())).decide(findings);
    }

    ScanReport report(LoadedProject project, ProjectContext context, Fetched fetched, PolicyResult result,
                      DeepScan.Result deep) {
        return report(project, context, fetched, result, deep, List.of());
    }

    ScanReport report(LoadedProject project, ProjectContext context, Fetched fetched, PolicyResult result,
                      DeepScan.Result deep, List<String> notes) {
        List<String> unchecked = new ArrayList<>(project.notes());
        unchecked.addAll(fetched.unchecked());
        unchecked.addAll(notes);
        if (deep != null) {
            unchecked.addAll(deep.unchecked());
        }
        ScanReport.LockfileSummary lockfile = project.lockfile() == null ? null
                : new ScanReport.LockfileSummary(project.lockfile().file(), formatId(project.lockfile().format()),
                        project.lockfile().formatVersion());
        return new ScanReport(Versions.tool(), lockfile, result, FootprintCalculator.of(context), unchecked,
                RuleCatalog.all(), deep == null ? null : verdicts(deep, result, project.policy().verdict()));
    }

    static String formatId(LockfileFormat format) {
        return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
