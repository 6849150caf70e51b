package dev.portcullis.lockfile;

import dev.portcullis.lockfile.yarn.ClassicLockfileParser;
import dev.portcullis.lockfile.yarn.ClassicLockfileParser.Block;
import dev.portcullis.lockfile.yarn.ClassicLockfileParser.Entry;
import dev.portcullis.lockfile.yarn.ClassicLockfileParser.Node;
import dev.portcullis.lockfile.yarn.ClassicLockfileParser.Scalar;
import dev.portcullis.lockfile.yarn.Descriptor;
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
import dev.portcullis.model.Manifest;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads yarn classic (yarn 1) {@code yarn.lock} files.
 *
 * <p>Each entry lists the descriptors ({@code name@range}) it satisfies; a package's dependencies are resolved
 * by looking their {@code name@range} up among those descriptors, as yarn does. The format records neither the
 * project's own dependencies, nor dev or optional status, nor workspaces: {@link #read(String, InputStream)}
 * gives a root importer without edges, and {@link #read(String, InputStream, Manifest, Map)} wires the root and
 * the workspaces from their package.json files.
 */
public final class YarnClassicLockfileReader implements LockfileReader {
    private static final Pattern BERRY_METADATA = Pattern.compile("(?m)^__metadata:");
    private static final Pattern GIT_RANGE = Pattern.compile(
            "^(git\\+|git://|git@|github:|gitlab:|bitbucket:|gist:|ssh://)|^[\\w.-]+/[\\w.-]+(#.*)?$|\\.git(#.*)?$");

    @Override
    public boolean canRead(String fileName, String head) {
        return LockfileFormat.YARN_CLASSIC.fileName().equals(fileName) && !BERRY_METADATA.matcher(head).find();
    }

    /** The packages and their edges; the root importer has no edges, as the lockfile does not say what it declares. */
    @Override
    public Lockfile read(String file, InputStream in) throws InputException, IOException {
        return read(file, in, null, Map.of());
    }

    /**
     * The lockfile with its importers wired: every dependency the root manifest (and each workspace's manifest,
     * keyed by the workspace's path relative to the root) declares becomes an edge to the entry whose descriptors
     * contain {@code name@spec}, or to the workspace of that name. Importers keep {@code declared = null}: the
     * declarations come from package.json, not from the lockfile.
     *
     * @param rootManifest the root package.json, or null when unknown (the root then has no edges)
     * @param workspaceManifests package.json of each workspace by its path relative to the root
     */
    public Lockfile read(String file, InputStream in, Manifest rootManifest, Map<String, Manifest> workspaceManifests)
            throws InputException, IOException {
        Objects.requireNonNull(workspaceManifests, "workspaceManifests");
        List<Locked> entries = new ArrayList<>();
        // the parser refuses a header of another version; a file without the header is read as v1, as yarn does
        new ClassicLockfileParser(file).parse(in, entry -> entries.add(locked(file, entry)));
        String version = ClassicLockfileParser.SUPPORTED_VERSION;

        // a descriptor names one entry; a repeated descriptor points at the last entry, as in yarn's parser
        Map<String, Locked> byDescriptor = new HashMap<>();
        for (Locked entry : entries) {
            for (String descriptor : entry.descriptors()) {
                byDescriptor.put(descriptor, entry);
            }
        }
        Map<Locked, String> keys = new IdentityHashMap<>();
        List<PackageNode> packages = new ArrayList<>();
        for (Locked entry : entries) {
            for (String descriptor : entry.descriptors()) {
                if (byDescriptor.get(descriptor) == entry) {
                    keys.put(entry, descriptor);
                    packages.add(node(file, descriptor, entry));
                    break;
                }
            }
        }

        List<Importer> importers = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Map<String, String> workspaceByName = new HashMap<>();
        Map<String, Manifest> workspaces = new TreeMap<>(workspaceManifests);
        workspaces.remove(Importer.ROOT);
        for (var workspace : workspaces.entrySet()) {
            if (workspace.getValue().name() != null) {
                workspaceByName.put(workspace.getValue().name(), workspace.getKey());
            }
        }
        importers.add(new Importer(Importer.ROOT, rootManifest == null ? null : rootManifest.name(), null));
        if (rootManifest != null) {
            importerEdges(Importer.ROOT, rootManifest, byDescriptor, keys, workspaceByName, edges);
        }
        for (var workspace : workspaces.entrySet()) {
            importers.add(new Importer(workspace.getKey(), workspace.getValue().name(), null));
            importerEdges(workspace.getKey(), workspace.getValue(), byDescriptor, keys, workspaceByName, edges);
        }

        for (Locked entry : entries) {
            String from = keys.get(entry);
            if (from == null) {
                continue;
            }
            for (LockedDependency dep : entry.dependencies()) {
                Locked target = byDescriptor.get(dep.name() + "@" + dep.range());
                // an optional dependency yarn could not install, or a stale lockfile: never invent a node
                if (target != null) {
                    edges.add(new Edge(from, keys.get(target), dep.name(), dep.range(), dep.type()));
                }
            }
        }
        try {
            return new Lockfile(file, LockfileFormat.YARN_CLASSIC, version, new DependencyGraph(importers, packages, edges));
        } catch (IllegalArgumentException e) {
            throw new InputException(Location.of(file), "inconsistent yarn.lock: " + e.getMessage(), e);
        }
    }

    /** What the reader keeps of an entry: small, so that 100,000 entries fit a small heap. */
    private record Locked(List<String> descriptors, int line, String version, String resolved, String integrity,
                          List<LockedDependency> dependencies) {
    }

    private record LockedDependency(String name, String range, DependencyType type) {
    }

    private static Locked locked(String file, Entry entry) throws InputException {
        String version = scalar(file, entry, "version");
        if (version == null) {
            throw new InputException(new Location(file, entry.line()), "entry " + String.join(", ", entry.descriptors())
                    + " has no version; expected version \"x.y.z\"");
        }
        List<LockedDependency> deps = new ArrayList<>();
        dependencies(file, entry, "dependencies", DependencyType.PROD, deps);
        dependencies(file, entry, "optionalDependencies", DependencyType.OPTIONAL, deps);
        return new Locked(entry.descriptors(), entry.line(), version, scalar(file, entry, "resolved"),
                scalar(file, entry, "integrity"), List.copyOf(deps));
    }

    private static void importerEdges(String from, Manifest manifest, Map<String, Locked> byDescriptor,
                                      Map<Locked, String> keys, Map<String, String> workspaceByName, List<Edge> edges) {
        for (DeclaredDependency dep : manifest.dependencies()) {
            Locked target = byDescriptor.get(dep.name() + "@" + dep.spec());
            String to = target != null ? keys.get(target) : workspaceByName.get(dep.name());
            // yarn 1 installs no peers of the root: a peer is linked only when the lockfile resolves it anyway
            if (to != null && !to.equals(from)) {
                edges.add(new Edge(from, to, dep.name(), dep.spec(), dep.type()));
            }
        }
    }

    private static void dependencies(String file, Entry entry, String section, DependencyType type,
                                     List<LockedDependency> into) throws InputException {
        Node node = entry.body().fields().get(section);
        if (node == null) {
            return;
        }
        if (!(node instanceof Block block)) {
            throw new InputException(new Location(file, node.line()), section + " is a value; expected a block of name \"range\" lines");
        }
        for (var dep : block.fields().entrySet()) {
            if (!(dep.getValue() instanceof Scalar range)) {
                throw new InputException(new Location(file, dep.getValue().line()),
                        section + "." + dep.getKey() + " is a block; expected name \"range\"");
            }
            into.add(new LockedDependency(dep.getKey(), range.value(), type));
        }
    }

    private static PackageNode node(String file, String key, Locked entry) throws InputException {
        Descriptor descriptor = Descriptor.parse(key);
        if (descriptor == null) {
            throw new InputException(new Location(file, entry.line()), "entry key '" + key + "'; expected name@range");
        }
        String resolved = entry.resolved();
        String name = descriptor.name();
        String range = descriptor.range();
        if (range.startsWith("npm:")) {
            Descriptor aliased = Descriptor.parse(range.substring(4));
            if (aliased != null) {
                name = aliased.name();
                range = aliased.range();
            } else {
                range = range.substring(4);
            }
        }
        return new PackageNode(key, name, descriptor.name(), entry.version(), source(range, resolved), resolved,
                entry.integrity(),
                Set.of(), InstallScripts.UNKNOWN, List.of(), List.of(), List.of(), new Location(file, entry.line()));
    }

    /** Where the package comes from, decided by the range it was asked for and the address yarn resolved it to. */
    private static Source source(String range, String resolved) {
        String address = resolved == null ? null : withoutFragment(resolved);
        if (range.startsWith("file:")) {
            return new Source.Local(range.substring("file:".length()), false);
        }
        if (range.startsWith("link:")) {
            return new Source.Local(range.substring("link:".length()), true);
        }
        if (GIT_RANGE.matcher(range).find() || (resolved != null && (resolved.startsWith("git+") || resolved.startsWith("git:")))) {
            String url = address != null ? address : withoutFragment(range);
            String commit = fragment(resolved != null ? resolved : range);
            return new Source.Git(url, commit);
        }
        if (range.startsWith("http://") || range.startsWith("https://")) {
            return new Source.RemoteTarball(address != null ? address : withoutFragment(range));
        }
        return new Source.Registry(address);
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static String fragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 || hash == url.length() - 1 ? null : url.substring(hash + 1);
    }

    private static String scalar(String file, Entry entry, String field) throws InputException {
        Node node = entry.body().fields().get(field);
        if (node == null) {
            return null;
        }
        if (node instanceof Scalar scalar) {
            return scalar.value();
        }
        throw new InputException(new Location(file, node.line()), field + " is a block; expected " + field + " \"value\"");
    }
}
