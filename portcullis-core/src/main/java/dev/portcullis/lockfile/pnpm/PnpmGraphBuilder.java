package dev.portcullis.lockfile.pnpm;

import dev.portcullis.model.StructuralFlags;
import dev.portcullis.model.DeclaredDependency;
import dev.portcullis.model.DependencyGraph;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.Edge;
import dev.portcullis.model.Importer;
import dev.portcullis.model.InputException;
import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.LockfileFormat;
import dev.portcullis.model.PackageFlag;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link PnpmDocument} into the graph. One node per package instance: per {@code packages:} key in
 * 5.x/6.x, per {@code snapshots:} key in 9.x (metadata from the snapshot's {@code packages:} entry). Edges
 * follow pnpm's own resolution of a dependency reference to a key; a reference to a key the lockfile does
 * not hold (a skipped optional, an unresolved peer) gives no edge.
 */
public final class PnpmGraphBuilder {
    private static final List<String> SECTIONS = List.of("dependencies", "devDependencies", "optionalDependencies");

    private final String file;
    private final PnpmDocument document;
    private final PnpmVersion version;
    private final Map<String, PnpmEntry> instances;
    private final Map<String, Importer> importers = new LinkedHashMap<>();
    private final Map<String, PackageNode> links = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private PnpmGraphBuilder(String file, PnpmDocument document, PnpmVersion version) {
        this.file = file;
        this.document = document;
        this.version = version;
        this.instances = version == PnpmVersion.V9 && !document.snapshots().isEmpty()
                ? document.snapshots() : document.packages();
    }

    /** Reads pnpm-lock.yaml from {@code in}; {@code file} names it in locations. */
    public static Lockfile read(String file, java.io.InputStream in, PnpmLimits limits) throws InputException {
        PnpmDocument document = PnpmDocument.read(file, in, limits);
        if (document.lockfileVersion() == null) {
            throw new InputException(new Location(file, 1), "no lockfileVersion: not a pnpm lockfile (expected "
                    + PnpmVersion.SUPPORTED + ")");
        }
        PnpmVersion version = PnpmVersion.of(document.lockfileVersion());
        if (version == null) {
            throw new InputException(new Location(file, document.versionLine()), "unsupported pnpm lockfileVersion '"
                    + document.lockfileVersion() + "'; supported: " + PnpmVersion.SUPPORTED);
        }
        return new PnpmGraphBuilder(file, document, version).build();
    }

    private Lockfile build() throws InputException {
        Map<String, YMap> raw = new LinkedHashMap<>(document.importers());
        if (!raw.containsKey(Importer.ROOT)) {
            importers.put(Importer.ROOT, new Importer(Importer.ROOT, null, List.of()));
        }
        for (Map.Entry<String, YMap> entry : raw.entrySet()) {
            importers.put(entry.getKey(), new Importer(entry.getKey(), null, declared(entry.getValue())));
        }
        for (Map.Entry<String, YMap> entry : raw.entrySet()) {
            importerEdges(entry.getKey(), entry.getValue());
        }
        Map<String, PnpmEntry> metadata = new HashMap<>();
        for (PnpmEntry instance : instances.values()) {
            PnpmEntry meta = metadataOf(instance);
            metadata.put(instance.key(), meta);
            packageEdges(instance, meta);
        }
        Set<String> devOnly = version == PnpmVersion.V9 ? StructuralFlags.devOnly(importers.keySet(), edges) : Set.of();
        Map<String, String> aliases = aliases();
        List<PackageNode> nodes = new ArrayList<>(instances.size() + links.size());
        for (PnpmEntry instance : instances.values()) {
            nodes.add(node(instance, metadata.get(instance.key()), devOnly.contains(instance.key()), aliases));
        }
        nodes.addAll(links.values());
        for (PackageNode node : nodes) {
            if (importers.containsKey(node.key())) {
                // importers and packages share one key space; pnpm itself could never tell them apart
                throw new InputException(node.location(), "package '" + node.key() + "' has the key of an importer");
            }
        }
        List<Importer> ordered = new ArrayList<>();
        ordered.add(importers.get(Importer.ROOT));
        importers.values().stream().filter(i -> !i.isRoot()).forEach(ordered::add);
        return new Lockfile(file, LockfileFormat.PNPM, document.lockfileVersion(),
                new DependencyGraph(ordered, nodes, edges));
    }

    /** 9.x: a snapshot's metadata lives in the packages entry of its key without peer suffix. */
    private PnpmEntry metadataOf(PnpmEntry instance) throws InputException {
        if (instances == document.packages()) {
            return instance;
        }
        PnpmEntry meta = document.packages().get(PnpmVersion.withoutPeers(instance.key()));
        if (meta == null) {
            throw new InputException(new Location(file, instance.line()), "snapshot '" + instance.key()
                    + "' has no entry under packages:");
        }
        return meta;
    }

    private List<DeclaredDependency> declared(YMap importer) throws InputException {
        List<DeclaredDependency> declared = new ArrayList<>();
        YMap specifiers = importer.map("specifiers");
        for (String section : SECTIONS) {
            YMap deps = importer.map(section);
            if (deps == null) {
                continue;
            }
            for (String name : deps.keys()) {
                String spec = specifier(specifiers, deps, name, section);
                declared.add(new DeclaredDependency(name, spec, type(section), deps.location(name)));
            }
        }
        return declared;
    }

    private void importerEdges(String path, YMap importer) throws InputException {
        YMap specifiers = importer.map("specifiers");
        for (String section : SECTIONS) {
            YMap deps = importer.map(section);
            if (deps == null) {
                continue;
            }
            for (String name : deps.keys()) {
                String reference = reference(deps, name, section);
                String spec = specifier(specifiers, deps, name, section);
                String to = target(path, name, reference, deps.location(name));
                if (to != null) {
                    edges.add(new Edge(path, to, name, spec, type(section)));
                }
            }
        }
    }

    private void packageEdges(PnpmEntry instance, PnpmEntry meta) throws InputException {
        Location at = new Location(file, instance.line());
        for (Map.Entry<String, String> dep : instance.dependencies().entrySet()) {
            String to = target(Importer.ROOT, dep.getKey(), dep.getValue(), at);
            if (to != null) {
                DependencyType type = meta.peers().contains(dep.getKey()) ? DependencyType.PEER : DependencyType.PROD;
                edges.add(new Edge(instance.key(), to, dep.getKey(), version.withoutPeerSuffix(dep.getValue()), type));
            }
        }
        for (Map.Entry<String, String> dep : instance.optionalDependencies().entrySet()) {
            String to = target(Importer.ROOT, dep.getKey(), dep.getValue(), at);
            if (to != null) {
                edges.add(new Edge(instance.key(), to, dep.getKey(), version.withoutPeerSuffix(dep.getValue()),
                        DependencyType.OPTIONAL));
            }
        }
    }

    /**
     * The key a reference resolves to: a workspace importer or a linked directory for {@code link:}, else the
     * package key pnpm derives; null when the lockfile holds no such package.
     */
    private String target(String fromPath, String name, String reference, Location at) {
        if (reference.startsWith("link:")) {
            String path = join(fromPath, reference.substring("link:".length()));
            if (importers.containsKey(path)) {
                return path;
            }
            String key = "link:" + path;
            if (instances.containsKey(key)) {
                return key;
            }
            links.computeIfAbsent(key, k -> new PackageNode(k, name, null, "", new Source.Local(path, true), null,
                    null, Set.of(), InstallScripts.UNKNOWN, List.of(), List.of(), List.of(), at));
            return key;
        }
        String key = version.depPath(name, reference);
        if (instances.containsKey(key)) {
            return key;
        }
        return instances.containsKey(reference) ? reference : null;
    }

    private PackageNode node(PnpmEntry instance, PnpmEntry meta, boolean devOnly, Map<String, String> aliases) {
        PnpmEntry.Resolution r = meta.resolution();
        PnpmVersion.NameVersion parsed = version.nameAndVersion(instance.key());
        boolean registry = r.type() == null && r.directory() == null
                && (r.tarball() == null || !r.tarball().startsWith("file:"))
                && !parsed.version().isEmpty() && Character.isDigit(parsed.version().charAt(0))
                && (version == PnpmVersion.V9 || instance.key().startsWith("/"));
        Source source;
        if (registry) {
            source = new Source.Registry(r.tarball());
        } else if ("git".equals(r.type()) && r.repo() != null) {
            source = new Source.Git(r.repo(), r.commit());
        } else if (r.directory() != null) {
            source = new Source.Local(r.directory(), false);
        } else if (r.tarball() != null && r.tarball().startsWith("file:")) {
            source = new Source.Local(r.tarball().substring("file:".length()), false);
        } else if (r.tarball() != null) {
            source = new Source.RemoteTarball(r.tarball());
        } else {
            source = new Source.Registry(null);
        }
        String name = meta.name() != null ? meta.name()
                : registry || version != PnpmVersion.V5 ? parsed.name()
                : aliases.getOrDefault(instance.key(), instance.key());
        String exact = registry ? parsed.version() : meta.version() != null ? meta.version() : "";
        Set<PackageFlag> flags = EnumSet.noneOf(PackageFlag.class);
        if (devOnly || Boolean.TRUE.equals(meta.dev()) || Boolean.TRUE.equals(instance.dev())) {
            flags.add(PackageFlag.DEV);
        }
        if (instance.optional() || meta.optional()) {
            flags.add(PackageFlag.OPTIONAL);
        }
        // pnpm writes requiresBuild: true also for platform packages it skipped and could not look into, so for a
        // package restricted to some os/cpu it means "maybe": registry metadata decides.
        boolean platformSpecific = !meta.os().isEmpty() || !meta.cpu().isEmpty();
        InstallScripts scripts = meta.requiresBuild() == null
                ? (version == PnpmVersion.V9 ? InstallScripts.UNKNOWN : InstallScripts.NO)
                : !meta.requiresBuild() ? InstallScripts.NO
                : platformSpecific ? InstallScripts.UNKNOWN : InstallScripts.YES;
        return new PackageNode(instance.key(), name, aliases.get(instance.key()), exact, source, r.tarball(),
                r.integrity(), flags, scripts, meta.os(), meta.cpu(), List.of(), new Location(file, meta.line()));
    }

    /** The name a package is required under, when every edge to it uses the same name. */
    private Map<String, String> aliases() {
        Map<String, String> names = new HashMap<>();
        Set<String> mixed = new java.util.HashSet<>();
        for (Edge edge : edges) {
            String previous = names.putIfAbsent(edge.to(), edge.name());
            if (previous != null && !previous.equals(edge.name())) {
                mixed.add(edge.to());
            }
        }
        names.keySet().removeAll(mixed);
        return names;
    }

    private String reference(YMap deps, String name, String section) throws InputException {
        Object value = deps.get(name);
        String reference = value instanceof YMap inline ? inline.string("version") : deps.string(name);
        if (reference == null) {
            throw new InputException(deps.location(name), "expected a version for " + section + "." + name);
        }
        return reference;
    }

    private String specifier(YMap specifiers, YMap deps, String name, String section) throws InputException {
        if (deps.get(name) instanceof YMap inline && inline.string("specifier") != null) {
            return inline.string("specifier");
        }
        String spec = specifiers == null ? null : specifiers.string(name);
        return spec != null ? spec : reference(deps, name, section);
    }

    private static DependencyType type(String section) {
        return switch (section) {
            case "devDependencies" -> DependencyType.DEV;
            case "optionalDependencies" -> DependencyType.OPTIONAL;
            default -> DependencyType.PROD;
        };
    }

    /** {@code from/relative}, normalised, relative to the project root ("." for the root itself). */
    static String join(String from, String relative) {
        ArrayDeque<String> parts = new ArrayDeque<>();
        String whole = Importer.ROOT.equals(from) ? relative : from + "/" + relative;
        for (String part : whole.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Importer.ROOT : String.join("/", parts);
    }
}
