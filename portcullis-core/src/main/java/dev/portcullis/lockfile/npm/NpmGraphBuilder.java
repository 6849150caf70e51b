package dev.portcullis.lockfile.npm;

import dev.portcullis.model.DeclaredDependency;
import dev.portcullis.model.DependencyGraph;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.Edge;
import dev.portcullis.model.Importer;
import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.Location;
import dev.portcullis.model.PackageFlag;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the graph of a parsed package-lock.
 *
 * <p>Entries are places on disk. {@code node_modules/…} entries are package instances; entries outside any
 * {@code node_modules} are directories of the project: the root ({@code ""}), its workspaces (importers, when
 * the root's {@code workspaces} globs match them) and {@code file:} directories (packages of
 * {@link Source.Local}). A {@code "link": true} entry is the symlink to such a directory: it becomes no node
 * of its own; whatever resolves to it resolves to the directory it points at.
 *
 * <p>Each dependency resolves as Node.js and npm find it: from the requiring entry's directory, look in its
 * {@code node_modules}, then in each parent directory's {@code node_modules}, up to the project root
 * (a workspace or {@code file:} directory walks up from its own path). A dependency nothing satisfies
 * (an optional or peer dependency not installed) has no edge.
 */
final class NpmGraphBuilder {
    private static final String NODE_MODULES = "node_modules/";

    private final String file;
    private final NpmDocument document;
    private final Map<String, NpmEntry> byKey = new HashMap<>();
    /** Where a link entry leads: the importer path or directory-package key it points at. */
    private final Map<String, String> linkTargets = new HashMap<>();
    /** For a directory entry, the name of the first link to it (its installed name). */
    private final Map<String, String> linkNames = new HashMap<>();
    private final Set<String> importerPaths = new HashSet<>();

    private NpmGraphBuilder(String file, NpmDocument document) {
        this.file = file;
        this.document = document;
    }

    static DependencyGraph build(String file, NpmDocument document) {
        return new NpmGraphBuilder(file, document).build();
    }

    private DependencyGraph build() {
        NpmEntry root = null;
        for (NpmEntry entry : document.entries()) {
            byKey.put(entry.key(), entry);
            if (entry.isRoot()) {
                root = entry;
            }
        }
        WorkspaceGlobs workspaces = new WorkspaceGlobs(root == null ? List.of() : root.workspaces());
        for (NpmEntry entry : document.entries()) {
            if (!entry.isRoot() && !isInstallPath(entry.key()) && workspaces.matches(entry.key())) {
                importerPaths.add(entry.key());
            }
        }
        for (NpmEntry entry : document.entries()) {
            if (entry.link() && entry.resolved() != null && isInstallPath(entry.key())) {
                String target = normalise(entry.resolved());
                NpmEntry targetEntry = byKey.get(target);
                if (targetEntry != null && !targetEntry.link() && !isInstallPath(target) && !target.isEmpty()) {
                    linkTargets.put(entry.key(), target);
                    linkNames.putIfAbsent(target, installedName(entry.key()));
                }
            }
        }

        List<Importer> importers = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        importers.add(new Importer(Importer.ROOT, rootName(root), document.tree() ? null : declared(root)));
        if (root != null) {
            addEdges(Importer.ROOT, "", root, true, edges);
        }
        for (NpmEntry entry : document.entries()) {
            if (importerPaths.contains(entry.key())) {
                String name = entry.name() != null ? entry.name() : linkNames.getOrDefault(entry.key(), lastSegment(entry.key()));
                importers.add(new Importer(entry.key(), name, declared(entry)));
                addEdges(entry.key(), entry.key(), entry, true, edges);
            }
        }
        List<NpmEntry> nodeEntries = new ArrayList<>();
        for (NpmEntry entry : document.entries()) {
            if (!entry.isRoot() && !importerPaths.contains(entry.key()) && !linkTargets.containsKey(entry.key())) {
                nodeEntries.add(entry);
                addEdges(entry.key(), entry.link() ? normalise(entry.resolved() == null ? "" : entry.resolved()) : entry.key(),
                        entry, false, edges);
            }
        }
        if (document.tree()) {
            addV1RootEdges(nodeEntries, edges);
        }
        Set<String> requestedByUrl = new HashSet<>();
        for (Edge edge : edges) {
            if (isHttp(edge.spec())) {
                requestedByUrl.add(edge.to());
            }
        }
        List<PackageNode> packages = new ArrayList<>(nodeEntries.size());
        for (NpmEntry entry : nodeEntries) {
            packages.add(node(entry, requestedByUrl.contains(entry.key())));
        }
        return new DependencyGraph(importers, packages, edges);
    }

    private String rootName(NpmEntry root) {
        if (root != null && root.name() != null) {
            return root.name();
        }
        return document.rootName();
    }

    private List<DeclaredDependency> declared(NpmEntry entry) {
        if (entry == null) {
            return List.of();
        }
        List<DeclaredDependency> declared = new ArrayList<>(entry.dependencies().size());
        for (NpmDependency dep : entry.dependencies()) {
            declared.add(new DeclaredDependency(dep.name(), dep.spec(), dep.type(), new Location(file, dep.line())));
        }
        return declared;
    }

    /**
     * Edges for the dependencies of the entry at {@code from}, resolved from the directory {@code dir}.
     * Only importers install their devDependencies.
     */
    private void addEdges(String from, String dir, NpmEntry entry, boolean importer, List<Edge> edges) {
        for (NpmDependency dep : entry.dependencies()) {
            if (dep.type() == DependencyType.DEV && !importer) {
                continue;
            }
            String to = resolve(dir, dep.name());
            if (to != null) {
                edges.add(new Edge(from, to, dep.name(), dep.spec(), dep.type()));
            }
        }
    }

    /** The node_modules walk-up from {@code dir}; the graph key of the instance found, or null. */
    private String resolve(String dir, String name) {
        String current = dir;
        while (true) {
            String candidate = current.isEmpty() ? NODE_MODULES + name : current + "/" + NODE_MODULES + name;
            NpmEntry found = byKey.get(candidate);
            if (found != null) {
                return keyOf(found);
            }
            if (current.isEmpty()) {
                return null;
            }
            int slash = current.lastIndexOf('/');
            current = slash < 0 ? "" : current.substring(0, slash);
        }
    }

    /** The graph key an entry stands for: the directory a link points at, else the entry itself. */
    private String keyOf(NpmEntry entry) {
        return linkTargets.getOrDefault(entry.key(), entry.key());
    }

    /**
     * v1 records no root entry: the root's edges go to the top-level entries no package requires (the
     * dependencies the project must have declared), then to any top-level entry still unreachable (a cycle
     * among direct dependencies), so that every package is reachable from the root.
     */
    private void addV1RootEdges(List<NpmEntry> nodeEntries, List<Edge> edges) {
        Set<String> required = new HashSet<>();
        for (Edge edge : edges) {
            required.add(edge.to());
        }
        List<Edge> rootEdges = new ArrayList<>();
        List<NpmEntry> topLevel = new ArrayList<>();
        for (NpmEntry entry : nodeEntries) {
            if (entry.key().indexOf('/', NODE_MODULES.length() + scopeLength(entry.key())) < 0) {
                topLevel.add(entry);
                if (!required.contains(entry.key())) {
                    rootEdges.add(v1RootEdge(entry));
                }
            }
        }
        Map<String, List<String>> out = new HashMap<>();
        for (Edge edge : edges) {
            out.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge.to());
        }
        Set<String> reached = new HashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (Edge edge : rootEdges) {
            if (reached.add(edge.to())) {
                queue.add(edge.to());
            }
        }
        drain(queue, reached, out);
        for (NpmEntry entry : topLevel) {
            if (reached.add(entry.key())) {
                rootEdges.add(v1RootEdge(entry));
                queue.add(entry.key());
                drain(queue, reached, out);
            }
        }
        edges.addAll(0, rootEdges);
    }

    private static void drain(ArrayDeque<String> queue, Set<String> reached, Map<String, List<String>> out) {
        while (!queue.isEmpty()) {
            for (String next : out.getOrDefault(queue.poll(), List.of())) {
                if (reached.add(next)) {
                    queue.add(next);
                }
            }
        }
    }

    private static Edge v1RootEdge(NpmEntry entry) {
        DependencyType type = entry.flags().contains(PackageFlag.DEV) ? DependencyType.DEV
                : entry.flags().contains(PackageFlag.OPTIONAL) ? DependencyType.OPTIONAL : DependencyType.PROD;
        String spec = entry.from() != null ? entry.from() : entry.version() != null ? entry.version() : "";
        return new Edge(Importer.ROOT, entry.key(), installedName(entry.key()), spec, type);
    }

    private static int scopeLength(String key) {
        if (key.startsWith(NODE_MODULES + "@")) {
            int slash = key.indexOf('/', NODE_MODULES.length());
            return slash < 0 ? 0 : slash - NODE_MODULES.length() + 1;
        }
        return 0;
    }

    private PackageNode node(NpmEntry entry, boolean requestedByUrl) {
        String installed = isInstallPath(entry.key()) ? installedName(entry.key())
                : linkNames.getOrDefault(entry.key(), lastSegment(entry.key()));
        String name = entry.name() != null && !entry.name().isEmpty() ? entry.name() : installed;
        String version = entry.version() != null ? entry.version() : "";
        Source source;
        if (document.tree()) {
            V1Version v1 = V1Version.of(version, entry.resolved());
            source = v1.source();
            version = v1.version();
            if (v1.realName() != null) {
                name = v1.realName();
            }
        } else if (entry.link() || !isInstallPath(entry.key())) {
            source = new Source.Local(entry.link() && entry.resolved() != null ? entry.resolved() : entry.key(), true);
        } else {
            source = sourceOf(entry.resolved(), requestedByUrl);
        }
        InstallScripts scripts = document.tree() ? InstallScripts.UNKNOWN
                : entry.hasInstallScript() ? InstallScripts.YES : InstallScripts.NO;
        return new PackageNode(entry.key(), name, installed, version, source, entry.resolved(), entry.integrity(),
                entry.flags(), scripts, entry.os(), entry.cpu(), entry.bins(), new Location(file, entry.line()));
    }

    /** The source a v2/v3 {@code resolved} names; an http(s) tarball requested by URL is remote, else a registry's. */
    static Source sourceOf(String resolved, boolean requestedByUrl) {
        if (resolved == null) {
            return new Source.Registry(null);
        }
        if (isGit(resolved)) {
            return git(resolved);
        }
        if (resolved.startsWith("file:")) {
            return new Source.Local(resolved.substring("file:".length()), false);
        }
        if (isHttp(resolved)) {
            return requestedByUrl ? new Source.RemoteTarball(resolved) : new Source.Registry(resolved);
        }
        return new Source.Local(resolved, false);
    }

    static boolean isGit(String spec) {
        return spec.startsWith("git+") || spec.startsWith("git://") || spec.startsWith("github:")
                || spec.startsWith("gitlab:") || spec.startsWith("bitbucket:") || spec.startsWith("gist:");
    }

    static Source.Git git(String spec) {
        int hash = spec.indexOf('#');
        return hash < 0 ? new Source.Git(spec, null) : new Source.Git(spec.substring(0, hash), spec.substring(hash + 1));
    }

    static boolean isHttp(String spec) {
        return spec.startsWith("https://") || spec.startsWith("http://");
    }

    private static boolean isInstallPath(String key) {
        return key.startsWith(NODE_MODULES) || key.contains("/" + NODE_MODULES);
    }

    /** The name a {@code …/node_modules/<name>} path is installed under (scoped names keep their scope). */
    private static String installedName(String key) {
        int at = key.lastIndexOf(NODE_MODULES);
        return at < 0 ? lastSegment(key) : key.substring(at + NODE_MODULES.length());
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A link's {@code resolved} as an entry key: forward slashes, without {@code ./} or a trailing slash. */
    private static String normalise(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("file:")) {
            p = p.substring("file:".length());
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals(".") ? "" : p;
    }

    /**
     * Root {@code workspaces} globs: {@code *} and {@code ?} within one directory, {@code **} across directories,
     * {@code !glob} excludes. Matched by dynamic programming rather than a regular expression, so that a hostile
     * glob full of stars costs (glob length × path length) and cannot backtrack exponentially.
     */
    private static final class WorkspaceGlobs {
        private final List<String> include = new ArrayList<>();
        private final List<String> exclude = new ArrayList<>();

        WorkspaceGlobs(List<String> globs) {
            for (String glob : globs) {
                boolean negated = glob.startsWith("!");
                (negated ? exclude : include).add(normalise(negated ? glob.substring(1) : glob));
            }
        }

        boolean matches(String path) {
            return include.stream().anyMatch(g -> glob(g, path)) && exclude.stream().noneMatch(g -> glob(g, path));
        }

        /** {@code reach[j]}: the glob read so far can match the first j characters of the path. */
        static boolean glob(String glob, String path) {
            int n = path.length();
            boolean[] reach = new boolean[n + 1];
            reach[0] = true;
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                boolean[] next = new boolean[n + 1];
                if (c == '*') {
                    boolean any = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                    if (any) {
                        i++;
                    }
                    for (int j = 0; j <= n; j++) {
                        next[j] = reach[j] || j > 0 && next[j - 1] && (any || path.charAt(j - 1) != '/');
                    }
                } else {
                    for (int j = 1; j <= n; j++) {
                        char p = path.charAt(j - 1);
                        next[j] = reach[j - 1] && (c == '?' ? p != '/' : p == c);
                    }
                }
                reach = next;
            }
            return reach[n];
        }
    }

    /**
     * v1's {@code version} holds the exact version of a registry package, and otherwise the spec it was
     * installed from: {@code npm:real@1.0.0} for an alias, a git URL with its commit, a {@code file:} path or
     * a tarball URL (the package's own version is then not recorded).
     */
    private record V1Version(String realName, String version, Source source) {
        static V1Version of(String written, String resolved) {
            if (written.startsWith("npm:")) {
                String spec = written.substring("npm:".length());
                int at = spec.lastIndexOf('@');
                if (at > 0) {
                    return new V1Version(spec.substring(0, at), spec.substring(at + 1), sourceOf(resolved, false));
                }
                return new V1Version(spec, "", sourceOf(resolved, false));
            }
            if (isGit(written)) {
                return new V1Version(null, "", git(written));
            }
            if (written.startsWith("file:")) {
                String path = written.substring("file:".length());
                return new V1Version(null, "", new Source.Local(path, !isTarball(path)));
            }
            if (isHttp(written)) {
                return new V1Version(null, "", new Source.RemoteTarball(written));
            }
            return new V1Version(null, written, sourceOf(resolved, false));
        }

        private static boolean isTarball(String path) {
            return path.endsWith(".tgz") || path.endsWith(".tar.gz") || path.endsWith(".tar");
        }
    }
}
