package dev.portcullis.lockfile.bun;

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
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link BunDocument} into the graph. Package keys are install paths: {@code b} is hoisted,
 * {@code a/b} is the copy only {@code a} sees. A dependency resolves as bun (and node) does: the most
 * specific {@code parent/…/name} key first, then up to the top.
 */
public final class BunGraphBuilder {
    /** lockfileVersion 0 (bun 1.1), 1 (bun 1.2), 2 (bun 1.3+); 2 added hasInstallScript. */
    private static final Set<String> SUPPORTED = Set.of("0", "1", "2");
    private static final String SUPPORTED_TEXT = "0, 1 and 2";

    private final String file;
    private final BunDocument document;
    private final BunLimits limits;
    private final boolean recordsScripts;
    private final Map<String, Importer> importers = new LinkedHashMap<>();
    /** Package keys that stand for an importer (workspace: and root: entries), to its path. */
    private final Map<String, String> importerKeys = new HashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private BunGraphBuilder(String file, BunDocument document, BunLimits limits) {
        this.file = file;
        this.document = document;
        this.limits = limits;
        this.recordsScripts = Integer.parseInt(document.lockfileVersion()) >= 2;
    }

    public static Lockfile read(String file, InputStream in, BunLimits limits) throws InputException, IOException {
        BunDocument document = BunDocument.read(file, in);
        if (document.lockfileVersion() == null) {
            throw new InputException(new Location(file, 1), "no lockfileVersion: not a bun.lock (expected version "
                    + SUPPORTED_TEXT + ")");
        }
        if (!SUPPORTED.contains(document.lockfileVersion())) {
            throw new InputException(new Location(file, document.versionLine()), "unsupported bun.lock lockfileVersion "
                    + document.lockfileVersion() + "; supported: " + SUPPORTED_TEXT);
        }
        return new BunGraphBuilder(file, document, limits).build();
    }

    private Lockfile build() throws InputException {
        importers.put(Importer.ROOT, new Importer(Importer.ROOT, null, List.of()));
        Map<String, String> importerNames = new HashMap<>();
        for (BunWorkspace workspace : document.workspaces().values()) {
            String path = workspace.path().isEmpty() ? Importer.ROOT : workspace.path();
            importers.put(path, new Importer(path, workspace.name(), workspace.declared()));
            importerNames.put(path, workspace.name());
        }
        List<BunEntry> packages = new ArrayList<>();
        for (BunEntry entry : document.packages().values()) {
            if (entry.spec().startsWith("workspace:")) {
                String path = entry.spec().substring("workspace:".length());
                path = path.isEmpty() ? Importer.ROOT : path;
                importerKeys.put(entry.key(), path);
                importers.putIfAbsent(path, new Importer(path, entry.name(), null));
            } else if (entry.spec().startsWith("root:")) {
                importerKeys.put(entry.key(), Importer.ROOT);
            } else {
                packages.add(entry);
            }
        }
        for (Importer importer : importers.values()) {
            String name = importerNames.get(importer.path());
            // a workspace's own copies are nested under its name, as a package's are under its key
            List<String> from = importer.isRoot() || name == null ? List.of() : List.of(name);
            for (DeclaredDependency dep : importer.declared() == null ? List.<DeclaredDependency>of() : importer.declared()) {
                String to = resolve(from, dep.name());
                if (to != null && !to.equals(importer.path())) {
                    edges.add(new Edge(importer.path(), to, dep.name(), dep.spec(), dep.type()));
                }
            }
        }
        for (BunEntry entry : packages) {
            List<String> from = components(entry);
            addEdges(entry, from, entry.dependencies(), DependencyType.PROD);
            addEdges(entry, from, entry.optionalDependencies(), DependencyType.OPTIONAL);
            addEdges(entry, from, entry.peerDependencies(), DependencyType.PEER);
        }
        Set<String> devOnly = StructuralFlags.devOnly(importers.keySet(), edges);
        Set<String> optionalOnly = StructuralFlags.optionalOnly(importers.keySet(), edges);
        List<PackageNode> nodes = new ArrayList<>(packages.size());
        for (BunEntry entry : packages) {
            if (importers.containsKey(entry.key())) {
                // importers and packages share one key space in the graph
                throw new InputException(new Location(file, entry.line()), "package '" + entry.key()
                        + "' has the key of a workspace path");
            }
            nodes.add(node(entry, devOnly.contains(entry.key()), optionalOnly.contains(entry.key())));
        }
        List<Importer> ordered = new ArrayList<>();
        ordered.add(importers.get(Importer.ROOT));
        importers.values().stream().filter(i -> !i.isRoot()).forEach(ordered::add);
        return new Lockfile(file, LockfileFormat.BUN, document.lockfileVersion(), new DependencyGraph(ordered, nodes, edges));
    }

    private void addEdges(BunEntry entry, List<String> from, Map<String, String> deps, DependencyType type) {
        for (Map.Entry<String, String> dep : deps.entrySet()) {
            String to = resolve(from, dep.getKey());
            // an unresolved dependency (a peer or optional bun did not install) gives no edge
            if (to != null && !to.equals(entry.key())) {
                edges.add(new Edge(entry.key(), to, dep.getKey(), dep.getValue(), type));
            }
        }
    }

    /** The key {@code name} resolves to from a package at path {@code from}: deepest {@code from/…/name} first. */
    private String resolve(List<String> from, String name) {
        for (int depth = from.size(); depth >= 0; depth--) {
            String key = depth == 0 ? name : String.join("/", from.subList(0, depth)) + "/" + name;
            String importer = importerKeys.get(key);
            if (importer != null) {
                return importer;
            }
            if (document.packages().containsKey(key)) {
                return key;
            }
        }
        return null;
    }

    /** The package names along a key's path: {@code @s/a/b} is [@s/a, b]. */
    private List<String> components(BunEntry entry) throws InputException {
        List<String> names = new ArrayList<>();
        String[] segments = entry.key().split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("@") && i + 1 < segments.length) {
                names.add(segments[i] + "/" + segments[++i]);
            } else {
                names.add(segments[i]);
            }
            if (names.size() > limits.maxKeyDepth()) {
                throw new InputException(new Location(file, entry.line()), "package key '" + entry.key()
                        + "' nests deeper than " + limits.maxKeyDepth() + " packages");
            }
        }
        return names;
    }

    private PackageNode node(BunEntry entry, boolean devOnly, boolean optionalOnly) throws InputException {
        String spec = entry.spec();
        Source source;
        String version = "";
        String resolved = null;
        String integrity = null;
        if (spec.startsWith("link:")) {
            source = new Source.Local(spec.substring("link:".length()), true);
        } else if (spec.startsWith("file:")) {
            source = new Source.Local(spec.substring("file:".length()), false);
        } else if (spec.startsWith("git+") || spec.startsWith("git:") || spec.startsWith("github:")
                || spec.startsWith("git@")) {
            int hash = spec.indexOf('#');
            source = new Source.Git(hash < 0 ? spec : spec.substring(0, hash),
                    hash < 0 ? entry.extra() : spec.substring(hash + 1));
        } else if (spec.startsWith("http://") || spec.startsWith("https://")) {
            source = new Source.RemoteTarball(spec);
            resolved = spec;
            integrity = entry.extra();
        } else if (spec.startsWith("./") || spec.startsWith("../") || spec.startsWith("/")) {
            source = new Source.Local(spec, false);
            integrity = entry.extra();
        } else if (entry.registry() != null) {
            version = spec;
            resolved = entry.registry().isEmpty() ? null : entry.registry();
            source = new Source.Registry(resolved);
            integrity = entry.integrity();
        } else {
            throw new InputException(new Location(file, entry.line()), "package '" + entry.key()
                    + "' has a version but no registry field: expected [\"name@version\", \"registry\", {…}, \"integrity\"]");
        }
        Set<PackageFlag> flags = EnumSet.noneOf(PackageFlag.class);
        if (devOnly) {
            flags.add(PackageFlag.DEV);
        }
        if (optionalOnly) {
            flags.add(PackageFlag.OPTIONAL);
        }
        if (entry.bundled()) {
            flags.add(PackageFlag.BUNDLED);
        }
        InstallScripts scripts = !recordsScripts ? InstallScripts.UNKNOWN
                : Boolean.TRUE.equals(entry.hasInstallScript()) ? InstallScripts.YES : InstallScripts.NO;
        List<String> path = components(entry);
        return new PackageNode(entry.key(), entry.name(), path.getLast(), version, source, resolved, integrity, flags,
                scripts, entry.os(), entry.cpu(), entry.bins(), new Location(file, entry.line()));
    }
}
