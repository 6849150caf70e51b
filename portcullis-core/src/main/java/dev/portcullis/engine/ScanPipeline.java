package dev.portcullis.engine;

import dev.portcullis.analysis.meta.Typosquat;
import dev.portcullis.model.Finding;
import dev.portcullis.model.GraphPaths;
import dev.portcullis.model.InputException;
import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.LockfileFormat;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.project.Footprint;
import dev.portcullis.project.FootprintCalculator;
import dev.portcullis.project.ProjectCheck;
import dev.portcullis.project.ProjectChecks;
import dev.portcullis.project.ProjectContext;
import dev.portcullis.project.ProjectSettings;
import dev.portcullis.registry.MetadataStore;
import dev.portcullis.registry.RegistryException;
import dev.portcullis.report.ScanReport;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** {@code portcullis scan}: read → fetch → analyse → decide → report. */
public final class ScanPipeline {
    /** The hosts every lockfile may name: npm's registry, and yarn's alias of it that yarn classic writes. */
    static final Set<String> DEFAULT_REGISTRY_HOSTS = Set.of("registry.npmjs.org", "registry.yarnpkg.com");

    /** How many unchecked packages one report line names before summarising the rest. */
    private static final int UNCHECKED_NAMED = 10;

    private final Portcullis portcullis;
    private final Progress progress;
    private final ForensicRecord record;

    public ScanPipeline(Portcullis portcullis) {
        this(portcullis, Progress.NONE);
    }

    /** @param progress told how the deep stage advances (packages and bytes) */
    public ScanPipeline(Portcullis portcullis, Progress progress) {
        this(portcullis, progress, null);
    }

    /** @param record where the run's forensic record is appended ({@code --record}), or null */
    public ScanPipeline(Portcullis portcullis, Progress progress, ForensicRecord record) {
        this.portcullis = portcullis;
        this.progress = progress;
        this.record = record;
    }

    /** Reads the run's project, checks it and judges every locked registry package, then decides and reports. */
    public ScanReport run(ScanOptions options) throws InputException, IOException {
        LoadedProject project = new ProjectReader(portcullis).read();
        Fetched fetched = fetchInstallScripts(project);
        ProjectContext context = context(project, fetched);
        List<Finding> findings = analyse(context);
        DeepScan.Result content = options.deep() ? inspectContent(project) : DeepScan.Result.NONE;
        PackageJudge.Judged judged = judge(project, content);
        PolicyResult result = Decider.of(portcullis, options.failOn()).decide(merged(findings, judged));
        ScanReport report = report(project, FootprintCalculator.of(context), fetched, result,
                options.deep() ? content : null, judged, options.gate());
        record(project, judged, report);
        return report;
    }

    /** The run's forensic line, when {@code --record} asked for one: every locked package with its verdict. */
    private void record(LoadedProject project, PackageJudge.Judged judged, ScanReport report) throws IOException {
        if (record == null) {
            return;
        }
        Map<String, PackageJudge.Judgement> byId = new HashMap<>();
        judged.judgements().forEach(j -> byId.put(j.subject().id(), j));
        record.append(record.line(portcullis, "scan", project, report.passedGate() ? "passed" : "failed",
                node -> ForensicRecord.judged(node, node.source() instanceof Source.Registry ? byId.get(node.id())
                        : null)));
    }

    /**
     * Every locked registry version, once per name@version, judged: advisories and metadata always, content when
     * {@code --deep} analysed it.
     */
    PackageJudge.Judged judge(LoadedProject project, DeepScan.Result content) throws IOException {
        if (project.lockfile() == null) {
            return PackageJudge.Judged.NONE;
        }
        Map<String, List<Finding>> contentById = new HashMap<>();
        for (Finding f : content.findings()) {
            contentById.computeIfAbsent(f.packageName() + "@" + f.version(), k -> new ArrayList<>()).add(f);
        }
        Map<String, PackageJudge.Subject> subjects = new LinkedHashMap<>();
        Map<String, PackageNode> nodes = new HashMap<>();
        for (PackageNode node : project.lockfile().graph().packages()) {
            if (!(node.source() instanceof Source.Registry registry) || node.version().isEmpty()
                    || subjects.containsKey(node.id())) {
                continue;
            }
            nodes.put(node.id(), node);
            subjects.put(node.id(), new PackageJudge.Subject(node.name(), node.version(), node.location(),
                    resolved(registry), contentById.getOrDefault(node.id(), List.of()),
                    content.manifests().get(node.id()), true));
        }
        GraphPaths[] paths = new GraphPaths[1];
        return new PackageJudge(portcullis, Decider.of(portcullis, null)).judge(List.copyOf(subjects.values()), s -> {
            if (paths[0] == null) {
                paths[0] = GraphPaths.of(project.lockfile().graph());
            }
            return pathText(paths[0], nodes.get(s.id()));
        }, Typosquat.platformPackages(project.lockfile().graph()));
    }

    /** The lockfile's tarball URL, when it records a usable one (lockfile/foreign-host and friends judge it). */
    private static URI resolved(Source.Registry registry) {
        if (registry.tarballUrl() == null || !registry.tarballUrl().startsWith("http")) {
            return null;
        }
        try {
            return URI.create(registry.tarballUrl());
        } catch (IllegalArgumentException e) {
            return null;
        }
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
    DeepScan.Result inspectContent(LoadedProject project) throws IOException {
        if (project.lockfile() == null) {
            return DeepScan.Result.NONE;
        }
        return new DeepScan(portcullis.registry(), portcullis.npmConfig(), portcullis.analyzer(),
                portcullis.tarballLimits(), progress, Runtime.getRuntime().availableProcessors(),
                portcullis.policy().allowedHosts())
                .run(project.lockfile().graph().packages());
    }

    private static List<Finding> merged(List<Finding> project, PackageJudge.Judged judged) {
        List<Finding> all = new ArrayList<>(project);
        all.addAll(judged.findings());
        return all;
    }

    /** The verdict of every package whose content was inspected; allow omitted. */
    static ScanReport.Deep verdicts(DeepScan.Result deep, PackageJudge.Judged judged) {
        Set<String> inspected = new HashSet<>(deep.inspected());
        List<ScanReport.PackageVerdict> packages = new ArrayList<>();
        for (PackageJudge.Judgement j : judged.judgements()) {
            if (j.verdict() != Verdict.ALLOW && inspected.contains(j.subject().id())) {
                packages.add(new ScanReport.PackageVerdict(j.subject().name(), j.subject().version(), j.verdict()));
            }
        }
        packages.sort(java.util.Comparator.comparing(ScanReport.PackageVerdict::name)
                .thenComparing(ScanReport.PackageVerdict::version));
        return new ScanReport.Deep(deep.inspected().size(), packages);
    }

    /** Install-script facts from registry metadata, for packages whose lockfile entry does not record them. */
    record Fetched(Map<String, InstallScripts> installScripts, List<String> unchecked) {
    }

    Fetched fetchInstallScripts(LoadedProject project) throws IOException {
        if (project.lockfile() == null) {
            return new Fetched(Map.of(), List.of());
        }
        Map<String, List<String>> versionsByName = new TreeMap<>();
        for (PackageNode node : project.lockfile().graph().packages()) {
            if (node.installScripts() == InstallScripts.UNKNOWN && node.source() instanceof Source.Registry
                    && !node.version().isEmpty()) {
                versionsByName.computeIfAbsent(node.name(), k -> new ArrayList<>()).add(node.version());
            }
        }
        if (versionsByName.isEmpty()) {
            return new Fetched(Map.of(), List.of());
        }
        MetadataStore store = portcullis.metadata();
        // whether a published version runs install scripts never changes: once every one was answered, the answers
        // are remembered for this set of versions and registries, and a warm scan reads one file instead of summaries
        List<String> inputs = new ArrayList<>();
        versionsByName.forEach((name, versions) -> inputs.add(MetadataMemo.joined(List.of(name,
                store.registryFor(name), MetadataMemo.joined(versions)))));
        MetadataMemo memo = MetadataMemo.of(store, "install-scripts", inputs);
        Instant now = portcullis.clock().instant();
        Optional<Map<String, InstallScripts>> recalled = memo.recall(now).flatMap(ScanPipeline::decodeAnswers);
        if (recalled.isPresent()) {
            return new Fetched(recalled.get(), List.of());
        }
        Map<String, InstallScripts> answers = new ConcurrentHashMap<>();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try {
            store.summaries(versionsByName, lookup -> {
                List<String> versions = versionsByName.get(lookup.name());
                switch (lookup) {
                    case MetadataStore.Lookup.Found found -> versions.forEach(v -> found.summary().version(v)
                            .ifPresentOrElse(facts -> answers.put(lookup.name() + "@" + v, facts.runsInstallScripts()
                                    ? InstallScripts.YES : InstallScripts.NO),
                                    () -> lines.add(lookup.name() + "@" + v + (found.unconfirmed().contains(v) ? ""
                                            : ": the registry does not list this version"))));
                    case MetadataStore.Lookup.Missing missing -> versions.forEach(v -> lines.add(lookup.name() + "@"
                            + v + ": not found in " + store.registryFor(lookup.name())));
                    case MetadataStore.Lookup.Failed failed -> versions.forEach(v -> lines.add(lookup.name() + "@"
                            + v + (store.offline() ? "" : ": " + failed.reason())));
                }
                return null;
            });
        } catch (RegistryException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<String> unchecked = new ArrayList<>();
        if (!lines.isEmpty()) {
            List<String> sorted = new ArrayList<>(lines);
            sorted.sort(null);
            LockfileFormat format = project.lockfile().format();
            unchecked.add("install scripts of " + sorted.size() + " package(s): " + format.fileName()
                    + " does not record them and registry metadata " + (store.offline()
                    ? "is not in the cache (run once online to cache it)" : "did not tell") + ": "
                    + String.join("; ", sorted.subList(0, Math.min(UNCHECKED_NAMED, sorted.size())))
                    + (sorted.size() > UNCHECKED_NAMED ? "; … and " + (sorted.size() - UNCHECKED_NAMED) + " more"
                    : ""));
        }
        if (lines.isEmpty()) {
            memo.keep(now, List.of(), Instant.MAX, encodeAnswers(answers));
        }
        return new Fetched(new TreeMap<>(answers), unchecked);
    }

    private static byte[] encodeAnswers(Map<String, InstallScripts> answers) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(answers).forEach((id, answer) -> text.append(id).append('\t').append(answer.name()).append('\n'));
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Optional<Map<String, InstallScripts>> decodeAnswers(byte[] payload) {
        Map<String, InstallScripts> answers = new TreeMap<>();
        try {
            for (String line : new String(payload, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    int tab = line.lastIndexOf('\t');
                    answers.put(line.substring(0, tab), InstallScripts.valueOf(line.substring(tab + 1)));
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // not this build's: asked again
        }
        return Optional.of(answers);
    }

    ProjectContext context(LoadedProject project, Fetched fetched) {
        Set<String> hosts = new LinkedHashSet<>(DEFAULT_REGISTRY_HOSTS);
        hosts.addAll(portcullis.npmConfig().registryHosts());
        hosts.addAll(project.extraRegistryHosts());
        Policy policy = portcullis.policy();
        policy.allowedHosts().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
        ProjectSettings settings = new ProjectSettings(hosts, policy.allowedRemoteSources(),
                policy.scriptAllowlist(), policy.pinDevDependencies());
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

    ScanReport report(LoadedProject project, Footprint footprint, Fetched fetched, PolicyResult result,
                      DeepScan.Result deep, PackageJudge.Judged judged, ScanReport.Gate gate) {
        List<String> unchecked = new ArrayList<>(fetched.unchecked());
        unchecked.addAll(judged.unchecked());
        if (deep != null) {
            unchecked.addAll(deep.unchecked());
        }
        ScanReport.LockfileSummary lockfile = project.lockfile() == null ? null
                : new ScanReport.LockfileSummary(project.lockfile().file(), formatId(project.lockfile().format()),
                        project.lockfile().formatVersion());
        List<String> notes = new ArrayList<>(project.notes());
        notes.addAll(judged.notes());
        return new ScanReport(Versions.tool(), lockfile, result, footprint, unchecked,
                RuleCatalog.all(), deep == null ? null : verdicts(deep, judged), notes, gate,
                portcullis.policy().file());
    }

    static String formatId(LockfileFormat format) {
        return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
