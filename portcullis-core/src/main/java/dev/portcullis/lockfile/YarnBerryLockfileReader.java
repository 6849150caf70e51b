package dev.portcullis.lockfile;

import dev.portcullis.lockfile.yarn.BerryLockfileParser;
import dev.portcullis.lockfile.yarn.BerryLockfileParser.Mapping;
import dev.portcullis.lockfile.yarn.BerryLockfileParser.Node;
import dev.portcullis.lockfile.yarn.BerryLockfileParser.Scalar;
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
import dev.portcullis.model.PackageFlag;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.model.StructuralFlags;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads yarn berry (yarn 2 and later) {@code yarn.lock} files: YAML whose keys are the descriptors an entry
 * satisfies ({@code "lodash@npm:^4.17.0, lodash@npm:^4.17.21"}) and whose {@code resolution} is the locator of the
 * package ({@code lodash@npm:4.17.21}), the key of its node. Workspaces ({@code a@workspace:packages/a}) become
 * importers whose declared dependencies are those of their entry. Dependencies resolve by descriptor, as yarn
 * does: the descriptor itself, the one yarn binds to its dependent ({@code ::locator=}), and yarn's built-in
 * compatibility patches ({@code optional!builtin<compat/…>}), which replace the package they wrap.
 *
 * <p>The lockfile does not record tarball URLs (registry packages get {@code Registry(null)}), dev status
 * (derived from package.json, see {@link #read(String, InputStream, Manifest, Map)}),
 * install scripts or which package satisfies a peer dependency (peer edges are left out).
 */
public final class YarnBerryLockfileReader implements LockfileReader {
    /** yarn 2.0 wrote version 4; yarn 4.x writes 8 and later 10. The entry layout is the same throughout. */
    static final int MIN_VERSION = 4;
    static final int MAX_VERSION = 10;

    private static final Pattern METADATA = Pattern.compile("(?m)^__metadata:");
    private static final Pattern CONDITION = Pattern.compile("\\b(os|cpu)=([^\\s&|()]+)");
    private static final String METADATA_KEY = "__metadata";

    @Override
    public boolean canRead(String fileName, String head) {
        return LockfileFormat.YARN_BERRY.fileName().equals(fileName) && METADATA.matcher(head).find();
    }

    /** What the reader keeps of an entry: small, so that 100,000 entries fit a small heap. */
    private record Locked(List<String> descriptors, int line, String resolution, String version, String checksum,
                          String conditions, List<DeclaredDependency> dependencies, List<String> bins) {
    }

    /**
     * As {@link #read(String, InputStream)}, knowing the project's manifests: yarn berry writes a workspace's
     * devDependencies among its entry's {@code dependencies}, so an importer's dependency is a devDependency when
     * its package.json declares it only there, and a package is dev-only when every path to it starts with one
     * ({@link StructuralFlags}), as the other formats classify them.
     */
    @Override
    public Lockfile read(String file, InputStream in, Manifest rootManifest, Map<String, Manifest> workspaceManifests)
            throws InputException, IOException {
        Lockfile lockfile = read(file, in);
        Map<String, Manifest> manifests = new HashMap<>(workspaceManifests);
        if (rootManifest != null) {
            manifests.put(Importer.ROOT, rootManifest);
        }
        DependencyGraph graph = lockfile.graph();
        Set<String> importerPaths = new HashSet<>();
        graph.importers().forEach(importer -> importerPaths.add(importer.path()));
        List<Edge> edges = new ArrayList<>(graph.edges().size());
        for (Edge edge : graph.edges()) {
            Manifest manifest = importerPaths.contains(edge.from()) ? manifests.get(edge.from()) : null;
            edges.add(manifest != null && edge.type() == DependencyType.PROD && devOnly(manifest, edge.name())
                    ? new Edge(edge.from(), edge.to(), edge.name(), edge.spec(), DependencyType.DEV) : edge);
        }
        Set<String> devOnly = StructuralFlags.devOnly(importerPaths, edges);
        List<PackageNode> packages = new ArrayList<>(graph.packages().size());
        for (PackageNode node : graph.packages()) {
            if (!devOnly.contains(node.key())) {
                packages.add(node);
                continue;
            }
            Set<PackageFlag> flags = EnumSet.of(PackageFlag.DEV);
            flags.addAll(node.flags());
            packages.add(new PackageNode(node.key(), node.name(), node.alias(), node.version(), node.source(),
                    node.resolved(), node.integrity(), flags, node.installScripts(), node.os(), node.cpu(),
                    node.bins(), node.location()));
        }
        return new Lockfile(lockfile.file(), lockfile.format(), lockfile.formatVersion(),
                new DependencyGraph(graph.importers(), packages, edges));
    }

    /** Whether {@code manifest} declares {@code name} as a devDependency and in no other section that installs it. */
    private static boolean devOnly(Manifest manifest, String name) {
        boolean dev = false;
        for (DeclaredDependency declared : manifest.dependencies()) {
            if (declared.name().equals(name)) {
                switch (declared.type()) {
                    case DEV -> dev = true;
                    case PROD, OPTIONAL -> {
                        return false;
                    }
                    case PEER -> {
                    }
                }
            }
        }
        return dev;
    }

    @Override
    public Lockfile read(String file, InputStream in) throws InputException, IOException {
        // a repeated key keeps its last entry, in the place where it was last written
        Map<String, Locked> byKey = new LinkedHashMap<>();
        String[] version = {null};
        new BerryLockfileParser(file).parse(in, (key, value) -> {
            if (METADATA_KEY.equals(key)) {
                version[0] = checkVersion(file, value);
            } else {
                byKey.remove(key);
                byKey.put(key, locked(file, key, value));
            }
        });
        List<Locked> entries = new ArrayList<>(byKey.values());
        if (version[0] == null) {
            throw new InputException(new Location(file, 1), "no __metadata.version; expected a yarn berry lockfile");
        }

        // a descriptor listed by two entries belongs to the later one, as in yarn's project setup
        Map<String, Locked> byDescriptor = new HashMap<>();
        Map<String, Locked> byResolution = new HashMap<>();
        Map<String, Locked> builtinPatches = new HashMap<>();
        for (Locked entry : entries) {
            byResolution.put(entry.resolution(), entry);
            for (String descriptor : entry.descriptors()) {
                byDescriptor.put(descriptor, entry);
                String patched = builtinPatchTarget(descriptor);
                if (patched != null) {
                    builtinPatches.put(patched, entry);
                }
            }
        }

        Map<Locked, String> keys = new IdentityHashMap<>();
        List<Importer> importers = new ArrayList<>();
        List<PackageNode> packages = new ArrayList<>();
        boolean root = false;
        for (Locked entry : entries) {
            if (byResolution.get(entry.resolution()) != entry) {
                continue;
            }
            Descriptor locator = Descriptor.parse(entry.resolution());
            if (locator == null) {
                throw new InputException(new Location(file, entry.line()), "resolution '" + entry.resolution()
                        + "'; expected name@reference");
            }
            if (locator.range().startsWith("workspace:")) {
                String path = workspacePath(locator.range());
                root |= Importer.ROOT.equals(path);
                keys.put(entry, path);
                importers.add(new Importer(path, locator.name(), entry.dependencies()));
                continue;
            }
            keys.put(entry, entry.resolution());
            packages.add(node(file, entry, locator));
        }
        if (!root) {
            importers.addFirst(new Importer(Importer.ROOT, null, null));
        }

        List<Edge> edges = new ArrayList<>();
        for (Locked entry : entries) {
            String from = keys.get(entry);
            if (from == null) {
                continue;
            }
            for (DeclaredDependency dep : entry.dependencies()) {
                if (dep.type() == DependencyType.PEER) {
                    continue;
                }
                String descriptor = dep.name() + "@" + dep.spec();
                Locked target = builtinPatches.get(descriptor);
                if (target == null) {
                    target = byDescriptor.get(descriptor);
                }
                if (target == null) {
                    target = byDescriptor.get(descriptor + "::locator=" + Descriptor.percentEncode(entry.resolution()));
                }
                String to = target == null ? null : keys.get(byResolution.get(target.resolution()));
                // a dependency the lockfile does not resolve (a stale or hand-edited file): never invent a node
                if (to != null) {
                    edges.add(new Edge(from, to, dep.name(), dep.spec(), dep.type()));
                }
            }
        }
        try {
            return new Lockfile(file, LockfileFormat.YARN_BERRY, version[0], new DependencyGraph(importers, packages, edges));
        } catch (IllegalArgumentException e) {
            throw new InputException(Location.of(file), "inconsistent yarn.lock: " + e.getMessage(), e);
        }
    }

    private static String checkVersion(String file, Node metadata) throws InputException {
        Node version = metadata instanceof Mapping m ? m.fields().get("version") : null;
        if (!(version instanceof Scalar scalar)) {
            throw new InputException(new Location(file, metadata.line()), "__metadata without a version; expected version: N");
        }
        int number;
        try {
            number = Integer.parseInt(scalar.value().strip());
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < MIN_VERSION || number > MAX_VERSION) {
            throw new InputException(new Location(file, scalar.line()), "unsupported yarn berry lockfile version '"
                    + scalar.value() + "'; supported: " + MIN_VERSION + " to " + MAX_VERSION);
        }
        return Integer.toString(number);
    }

    private static Locked locked(String file, String key, Node value) throws InputException {
        if (!(value instanceof Mapping body)) {
            throw new InputException(new Location(file, value.line()), "entry '" + key + "' is not a mapping; expected its fields");
        }
        List<String> descriptors = new ArrayList<>();
        for (String descriptor : key.split(",")) {
            if (!descriptor.isBlank()) {
                descriptors.add(descriptor.strip());
            }
        }
        String resolution = text(file, body, "resolution");
        if (resolution == null) {
            throw new InputException(new Location(file, body.line()), "entry '" + key + "' has no resolution; expected resolution: \"name@reference\"");
        }
        Map<String, Boolean> optional = optionalFlags(file, body.fields().get("dependenciesMeta"));
        List<DeclaredDependency> deps = new ArrayList<>();
        section(file, body, "dependencies", deps, optional);
        section(file, body, "peerDependencies", deps, optional);
        List<String> bins = new ArrayList<>();
        Node bin = body.fields().get("bin");
        if (bin instanceof Mapping commands) {
            bins.addAll(commands.fields().keySet());
        } else if (bin != null) {
            throw new InputException(new Location(file, bin.line()), "bin is not a mapping; expected command: path lines");
        }
        return new Locked(descriptors, body.line(), resolution, text(file, body, "version"), text(file, body, "checksum"),
                text(file, body, "conditions"), List.copyOf(deps), List.copyOf(bins));
    }

    private static void section(String file, Mapping body, String section, List<DeclaredDependency> into,
                                Map<String, Boolean> optional) throws InputException {
        Node node = body.fields().get(section);
        if (node == null) {
            return;
        }
        if (!(node instanceof Mapping deps)) {
            throw new InputException(new Location(file, node.line()), section + " is not a mapping; expected name: range lines");
        }
        boolean peer = section.equals("peerDependencies");
        for (var dep : deps.fields().entrySet()) {
            if (!(dep.getValue() instanceof Scalar range)) {
                throw new InputException(new Location(file, dep.getValue().line()), section + "." + dep.getKey()
                        + " is not a string; expected name: range");
            }
            DependencyType type = peer ? DependencyType.PEER
                    : optional.getOrDefault(dep.getKey(), false) ? DependencyType.OPTIONAL : DependencyType.PROD;
            into.add(new DeclaredDependency(dep.getKey(), range.value(), type, new Location(file, range.line())));
        }
    }

    /** dependenciesMeta's {@code optional: true} per dependency name (its keys may carry a version: name@1.0.0). */
    private static Map<String, Boolean> optionalFlags(String file, Node meta) throws InputException {
        if (meta == null) {
            return Map.of();
        }
        if (!(meta instanceof Mapping byName)) {
            throw new InputException(new Location(file, meta.line()), "dependenciesMeta is not a mapping; expected name: flags");
        }
        Map<String, Boolean> optional = new HashMap<>();
        for (var e : byName.fields().entrySet()) {
            Descriptor versioned = Descriptor.parse(e.getKey());
            String name = versioned == null ? e.getKey() : versioned.name();
            if (e.getValue() instanceof Mapping flags && flags.fields().get("optional") instanceof Scalar s
                    && "true".equals(s.value())) {
                optional.put(name, true);
            }
        }
        return optional;
    }

    private static String text(String file, Mapping body, String field) throws InputException {
        Node node = body.fields().get(field);
        if (node == null) {
            return null;
        }
        if (node instanceof Scalar scalar) {
            return scalar.value();
        }
        throw new InputException(new Location(file, node.line()), field + " is not a string; expected " + field + ": value");
    }

    private static PackageNode node(String file, Locked entry, Descriptor locator) throws InputException {
        Location location = new Location(file, entry.line());
        Descriptor first = entry.descriptors().isEmpty() ? null : Descriptor.parse(entry.descriptors().getFirst());
        String alias = first == null ? null : first.name();
        List<String> os = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        if (entry.conditions() != null) {
            Matcher m = CONDITION.matcher(entry.conditions());
            while (m.find()) {
                (m.group(1).equals("os") ? os : cpu).add(m.group(2));
            }
        }
        return new PackageNode(entry.resolution(), locator.name(), alias, entry.version() == null ? "" : entry.version(),
                source(locator.range(), location), entry.resolution(), entry.checksum(), Set.of(), InstallScripts.UNKNOWN,
                os, cpu, entry.bins(), location);
    }

    /**
     * The source of a locator's reference. {@code patch:} wraps the reference it patches (percent-encoded);
     * the source is that of the patched package.
     */
    static Source source(String reference, Location location) throws InputException {
        String ref = reference;
        for (int depth = 0; ref.startsWith("patch:"); depth++) {
            if (depth > 8) {
                throw new InputException(location, "patch: nested more than 8 deep; expected a patched package");
            }
            int hash = ref.indexOf('#');
            Descriptor inner = Descriptor.parse(Descriptor.percentDecode(ref.substring("patch:".length(), hash < 0 ? ref.length() : hash)));
            if (inner == null) {
                throw new InputException(location, "patch reference '" + reference + "'; expected patch:name@reference#patch");
            }
            ref = inner.range();
        }
        if (ref.startsWith("npm:")) {
            return new Source.Registry(null);
        }
        for (String protocol : List.of("file:", "exec:", "link:", "portal:")) {
            if (ref.startsWith(protocol)) {
                String path = beforeFragment(ref.substring(protocol.length()));
                return new Source.Local(path, protocol.equals("link:") || protocol.equals("portal:"));
            }
        }
        String url = beforeFragment(ref);
        int hash = ref.indexOf('#');
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        int params = fragment.indexOf("::");
        fragment = params < 0 ? fragment : fragment.substring(0, params);
        String commit = null;
        for (String param : fragment.split("&")) {
            if (param.startsWith("commit=")) {
                commit = param.substring("commit=".length());
            }
        }
        if (commit != null || ref.startsWith("git:") || ref.startsWith("git+") || ref.startsWith("ssh:") || ref.startsWith("git@")) {
            return new Source.Git(url, commit);
        }
        if (ref.startsWith("http:") || ref.startsWith("https:")) {
            return new Source.RemoteTarball(url);
        }
        throw new InputException(location, "resolution reference '" + reference + "'; expected npm:, patch:, file:, link:, "
                + "portal:, exec:, a git URL or an http(s) tarball URL");
    }

    /** The reference without its {@code #fragment} and {@code ::parameters}. */
    private static String beforeFragment(String reference) {
        int end = reference.length();
        int hash = reference.indexOf('#');
        int params = reference.indexOf("::");
        if (hash >= 0) {
            end = hash;
        }
        if (params >= 0 && params < end) {
            end = params;
        }
        return reference.substring(0, end);
    }

    /** For {@code name@patch:name@npm%3A1.0.0#optional!builtin<compat/name>}, the descriptor it replaces. */
    private static String builtinPatchTarget(String descriptor) {
        Descriptor d = Descriptor.parse(descriptor);
        if (d == null || !d.range().startsWith("patch:")) {
            return null;
        }
        int hash = d.range().indexOf('#');
        if (hash < 0 || !d.range().startsWith("builtin<", d.range().indexOf('!', hash) + 1)
                && !d.range().startsWith("builtin<", hash + 1)) {
            return null;
        }
        return Descriptor.percentDecode(d.range().substring("patch:".length(), hash));
    }

    private static String workspacePath(String reference) {
        String path = reference.substring("workspace:".length());
        return path.isEmpty() ? Importer.ROOT : path;
    }
}
