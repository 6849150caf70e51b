package dev.portcullis.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.portcullis.analysis.meta.TarballManifest;
import dev.portcullis.concurrent.Parallel;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.Edge;
import dev.portcullis.model.Importer;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.Manifest;
import dev.portcullis.model.PackageFlag;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.registry.Integrity;
import dev.portcullis.report.SbomReport;
import dev.portcullis.report.SbomReport.Component;
import dev.portcullis.report.SbomReport.Kind;
import dev.portcullis.report.SbomReport.Scope;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code portcullis sbom}: the project read → its lockfile graph as components (each locked package once, by
 * package URL; workspace packages as their own) and dependencies → with {@code --deep} the licenses of registry
 * packages read from their tarballs → report. A component's scope is the best way it is reached from the project
 * and its workspaces: through production and peer dependencies only (required), through an optional dependency
 * (optional), or only through development dependencies (excluded); a package no importer reaches keeps what its
 * lockfile flags say.
 */
public final class SbomPipeline {
    /** How many registry packages one warning names before summarising the rest. */
    private static final int NAMED = 10;
    private final Portcullis portcullis;
    private final ForensicRecord record;

    public SbomPipeline(Portcullis portcullis) {
        this(portcullis, null);
    }

    /** @param record where the run's forensic record is appended ({@code --record}), or null */
    public SbomPipeline(Portcullis portcullis, ForensicRecord record) {
        this.portcullis = portcullis;
        this.record = record;
    }

    public SbomReport run(SbomOptions options) throws InputException, IOException {
        LoadedProject project = new ProjectReader(portcullis).read();
        if (project.lockfile() == null) {
            throw new InputException(Location.of(project.root().toString()), "no lockfile: an SBOM lists what the "
                    + "lockfile locks (run npm install, pnpm install, yarn or bun install first)");
        }
        Graph graph = graph(project);
        List<String> warnings = new ArrayList<>(project.notes());
        List<Component> components = options.deep() ? withLicenses(graph, warnings) : graph.components();
        if (record != null) {
            record.append(record.line(portcullis, "sbom", project, "written", ForensicRecord::inventory));
        }
        return new SbomReport(Versions.tool(), graph.root(), components, graph.dependencies(),
                options.serialNumber() ? "urn:uuid:" + UUID.randomUUID() : null,
                options.timestamp() ? portcullis.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        : null, warnings);
    }

    /** The components and dependencies, and the lockfile node behind each registry component (for --deep). */
    record Graph(Component root, List<Component> components, Map<String, List<String>> dependencies,
                 Map<String, PackageNode> registryNodes) {
    }

    static Graph graph(LoadedProject project) {
        Lockfile lockfile = project.lockfile();
        Manifest manifest = project.manifest();
        String rootName = manifest.name() != null ? manifest.name() : project.root().getFileName().toString();
        String rootVersion = manifest.version() != null ? manifest.version() : "";
        Component root = new Component("root", rootName, rootVersion, purl(rootName, rootVersion, null),
                Scope.REQUIRED, Kind.PROJECT, List.of(), List.of(), null);
        Map<String, String> refByKey = new HashMap<>();
        Map<String, Component> byRef = new TreeMap<>();
        Map<String, PackageNode> registryNodes = new TreeMap<>();
        for (Importer importer : lockfile.graph().importers()) {
            if (importer.isRoot()) {
                refByKey.put(importer.path(), root.ref());
                continue;
            }
            Manifest member = project.workspaces().get(importer.path());
            String name = member != null && member.name() != null ? member.name()
                    : importer.name() != null ? importer.name() : importer.path();
            String version = member != null && member.version() != null ? member.version() : "";
            Component workspace = new Component("workspace:" + importer.path(), name, version,
                    purl(name, version, null), Scope.REQUIRED, Kind.WORKSPACE, List.of(), List.of(), null);
            refByKey.put(importer.path(), workspace.ref());
            byRef.put(workspace.ref(), workspace);
        }
        Map<String, Scope> scopes = scopes(lockfile);
        for (PackageNode node : lockfile.graph().packages()) {
            if (node.source() instanceof Source.Workspace workspace) {
                String ref = refByKey.get(workspace.path());
                if (ref != null) {
                    refByKey.put(node.key(), ref);
                    continue;
                }
            }
            Component component = component(node, scopes.get(node.key()));
            refByKey.put(node.key(), component.ref());
            byRef.merge(component.ref(), component, (a, b) -> a.scope().ordinal() <= b.scope().ordinal() ? a : b);
            if (node.source() instanceof Source.Registry && !node.version().isEmpty()) {
                registryNodes.putIfAbsent(component.ref(), node);
            }
        }
        Map<String, List<String>> dependencies = new TreeMap<>();
        dependencies.put(root.ref(), new ArrayList<>());
        byRef.keySet().forEach(ref -> dependencies.put(ref, new ArrayList<>()));
        // the project holds its workspace packages, whether or not it depends on them
        byRef.values().stream().filter(c -> c.kind() == Kind.WORKSPACE)
                .forEach(c -> dependencies.get(root.ref()).add(c.ref()));
        for (Edge edge : lockfile.graph().edges()) {
            String from = refByKey.get(edge.from());
            String to = refByKey.get(edge.to());
            if (from != null && to != null && !from.equals(to)) {
                dependencies.get(from).add(to);
            }
        }
        return new Graph(root, List.copyOf(byRef.values()), dependencies, registryNodes);
    }

    /** Each package's best way in from the importers: required, then optional, then development only. */
    private static Map<String, Scope> scopes(Lockfile lockfile) {
        Map<String, List<Edge>> edges = lockfile.graph().edgesByFrom();
        List<String> importers = lockfile.graph().importers().stream().map(Importer::path).toList();
        Map<String, Scope> scopes = new HashMap<>();
        reach(importers, edges, EnumSet.of(DependencyType.PROD, DependencyType.PEER), Scope.REQUIRED, scopes);
        reach(importers, edges, EnumSet.of(DependencyType.PROD, DependencyType.PEER, DependencyType.OPTIONAL),
                Scope.OPTIONAL, scopes);
        reach(importers, edges, EnumSet.allOf(DependencyType.class), Scope.EXCLUDED, scopes);
        return scopes;
    }

    private static void reach(List<String> from, Map<String, List<Edge>> edges, Set<DependencyType> through,
                              Scope scope, Map<String, Scope> scopes) {
        Deque<String> pending = new ArrayDeque<>(from);
        Set<String> seen = new java.util.HashSet<>(from);
        while (!pending.isEmpty()) {
            for (Edge edge : edges.getOrDefault(pending.removeFirst(), List.of())) {
                // a package's own devDependencies are never installed: only an importer's lead anywhere
                boolean importer = from.contains(edge.from());
                if (!through.contains(edge.type()) || edge.type() == DependencyType.DEV && !importer
                        || !seen.add(edge.to())) {
                    continue;
                }
                scopes.putIfAbsent(edge.to(), scope);
                pending.addLast(edge.to());
            }
        }
    }

    private static Component component(PackageNode node, Scope reached) {
        Scope scope = reached != null ? reached : node.has(PackageFlag.DEV) ? Scope.EXCLUDED
                : node.has(PackageFlag.OPTIONAL) ? Scope.OPTIONAL : Scope.REQUIRED;
        TreeMap<String, String> qualifiers = new TreeMap<>();
        Kind kind;
        String location;
        switch (node.source()) {
            case Source.Registry registry -> {
                kind = Kind.REGISTRY;
                location = registry.tarballUrl();
            }
            case Source.Git git -> {
                kind = Kind.GIT;
                location = git.url() + (git.committish() == null ? "" : "#" + git.committish());
                qualifiers.put("vcs_url", location);
            }
            case Source.RemoteTarball tarball -> {
                kind = Kind.TARBALL;
                location = tarball.url();
                qualifiers.put("download_url", location);
            }
            case Source.Local local -> {
                kind = Kind.LOCAL;
                location = null;
            }
            case Source.Workspace workspace -> {
                kind = Kind.WORKSPACE;
                location = null;
            }
        }
        String purl = purl(node.name(), node.version(), qualifiers);
        return new Component(purl, node.name(), node.version(), purl, scope, kind, hashes(node.integrity()),
                List.of(), location);
    }

    /** The SRI digests a lockfile records ({@code sha512-…}, several separated by spaces), strongest first. */
    static List<SbomReport.Hash> hashes(String integrity) {
        if (integrity == null) {
            return List.of();
        }
        List<Integrity> parsed = new ArrayList<>();
        for (String part : integrity.trim().split("\\s+")) {
            Integrity.parse(part).ifPresent(parsed::add);
        }
        parsed.sort(java.util.Comparator.comparing(Integrity::algorithm));
        return parsed.stream().distinct().map(i -> new SbomReport.Hash(i.algorithm().jcaName(), i.hex())).toList();
    }

    /** {@code pkg:npm/%40scope/name@version}, with qualifiers, as the package-url library encodes it. */
    static String purl(String name, String version, TreeMap<String, String> qualifiers) {
        String namespace = name.startsWith("@") && name.contains("/") ? name.substring(0, name.indexOf('/')) : null;
        String simple = namespace == null ? name : name.substring(name.indexOf('/') + 1);
        try {
            return new PackageURL("npm", namespace, simple, version.isEmpty() ? null : version,
                    qualifiers == null || qualifiers.isEmpty() ? null : qualifiers, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            // a name npm would not accept (the lockfile's, not ours): kept readable rather than dropped
            return "pkg:npm/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                    + (version.isEmpty() ? "" : "@" + java.net.URLEncoder.encode(version,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The components with the licenses each registry package's package.json declares. */
    private List<Component> withLicenses(Graph graph, List<String> warnings) throws IOException {
        DeepScan fetching = new DeepScan(portcullis.registry(), portcullis.npmConfig(), portcullis.analyzer(),
                portcullis.tarballLimits(), Progress.NONE, 1, portcullis.policy().allowedHosts());
        PackageFetcher fetcher = new PackageFetcher(portcullis.registry(), portcullis.tarballLimits());
        Map<String, List<String>> licenses = Collections.synchronizedMap(new HashMap<>());
        Map<String, String> failed = Collections.synchronizedMap(new TreeMap<>());
        List<Map.Entry<String, PackageNode>> wanted = new ArrayList<>(graph.registryNodes().entrySet());
        try {
            Parallel.io(portcullis.registry().limits().parallelism()).forEach(wanted, entry -> {
                PackageNode node = entry.getValue();
                DeepScan.Wanted w = fetching.wanted(node, (Source.Registry) node.source());
                switch (fetcher.read(fetcher.download(w.name(), w.version(), w.url(), w.integrity()))) {
                    case PackageFetcher.Failed f -> failed.put(node.id(), f.message());
                    case PackageFetcher.Fetched f -> licenses.put(entry.getKey(), TarballManifest.of(f.input().files())
                            .map(SbomPipeline::declaredLicenses).orElse(List.of()));
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading licenses", e);
        }
        if (!failed.isEmpty()) {
            List<String> lines = new ArrayList<>();
            failed.forEach((id, why) -> lines.add(id + " (" + why + ")"));
            warnings.add("licenses of " + lines.size() + " package(s) not read: " + String.join("; ",
                    lines.subList(0, Math.min(NAMED, lines.size()))) + (lines.size() > NAMED ? "; … and "
                    + (lines.size() - NAMED) + " more" : ""));
        }
        List<Component> out = new ArrayList<>();
        for (Component c : graph.components()) {
            out.add(licenses.containsKey(c.ref()) ? c.withLicenses(licenses.get(c.ref())) : c);
        }
        return out;
    }

    /**
     * What a package.json declares: {@code license} as a string (an SPDX expression, as npm asks) or as the old
     * {@code {type}} object, else the legacy {@code licenses} list.
     */
    static List<String> declaredLicenses(JsonNode manifest) {
        JsonNode license = manifest.path("license");
        if (license.isTextual() && !license.asText().isBlank()) {
            return List.of(license.asText().strip());
        }
        if (license.path("type").isTextual()) {
            return List.of(license.path("type").asText().strip());
        }
        Set<String> out = new TreeSet<>();
        JsonNode list = manifest.path("licenses");
        if (list.isArray()) {
            list.forEach(l -> {
                String type = l.isTextual() ? l.asText() : l.path("type").asText("");
                if (!type.isBlank()) {
                    out.add(type.strip());
                }
            });
        }
        return List.copyOf(out);
    }
}
