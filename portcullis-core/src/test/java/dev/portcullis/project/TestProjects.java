package dev.portcullis.project;

import dev.portcullis.model.DeclaredDependency;
import dev.portcullis.model.DependencyGraph;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.Edge;
import dev.portcullis.model.Importer;
import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.LockfileFormat;
import dev.portcullis.model.Manifest;
import dev.portcullis.model.PackageFlag;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small real model objects for check tests: a project written line by line as a lockfile would hold it. */
final class TestProjects {
    static final String LOCK = "package-lock.json";

    private final List<PackageNode> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<DeclaredDependency> manifestDeps = new ArrayList<>();
    private List<DeclaredDependency> recorded = new ArrayList<>();
    private int line = 10;

    static TestProjects project() {
        return new TestProjects();
    }

    static String registryUrl(String name, String version) {
        String base = name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
        return "https://registry.npmjs.org/" + name + "/-/" + base + "-" + version + ".tgz";
    }

    /** A registry package with a sha512 integrity, required directly by the root with {@code spec}. */
    TestProjects direct(String name, String version, String spec) {
        return direct(name, version, spec, DependencyType.PROD);
    }

    TestProjects direct(String name, String version, String spec, DependencyType type) {
        node(registry(name, version));
        manifestDeps.add(new DeclaredDependency(name, spec, type, new Location("package.json", manifestDeps.size() + 5)));
        recorded.add(new DeclaredDependency(name, spec, type, new Location(LOCK, 4)));
        edges.add(new Edge(Importer.ROOT, key(name), name, spec, type));
        return this;
    }

    /** A package required by {@code parent}. */
    TestProjects transitive(String parent, String name, String version) {
        node(registry(name, version));
        edges.add(new Edge(key(parent), key(name), name, "^" + version, DependencyType.PROD));
        return this;
    }

    TestProjects node(PackageNode node) {
        nodes.add(node);
        return this;
    }

    TestProjects recorded(List<DeclaredDependency> declared) {
        this.recorded = new ArrayList<>(declared);
        return this;
    }

    TestProjects declare(String name, String spec, DependencyType type) {
        manifestDeps.add(new DeclaredDependency(name, spec, type, new Location("package.json", manifestDeps.size() + 5)));
        return this;
    }

    TestProjects edge(String from, String to, String name, String spec) {
        edges.add(new Edge(from, to, name, spec, DependencyType.PROD));
        return this;
    }

    static String key(String name) {
        return "node_modules/" + name;
    }

    PackageNode registry(String name, String version) {
        return node(name, version, new Source.Registry(registryUrl(name, version)), registryUrl(name, version),
                "sha512-" + "A".repeat(86) + "==", InstallScripts.NO);
    }

    PackageNode node(String name, String version, Source source, String resolved, String integrity,
                     InstallScripts scripts) {
        return new PackageNode(key(name), name, null, version, source, resolved, integrity, Set.<PackageFlag>of(),
                scripts, List.of(), List.of(), List.of(), new Location(LOCK, line++));
    }

    Lockfile lockfile() {
        DependencyGraph graph = new DependencyGraph(List.of(new Importer(Importer.ROOT, "app", recorded)), nodes, edges);
        return new Lockfile(LOCK, LockfileFormat.NPM, "3", graph);
    }

    Manifest manifest() {
        return new Manifest("package.json", "app", "1.0.0", manifestDeps, List.of(), List.of(), Map.of(), Map.of(),
                Map.of(), List.of(), List.of(), null, new Location("package.json", 1));
    }

    ProjectContext context() {
        return context(ProjectSettings.defaults());
    }

    ProjectContext context(ProjectSettings settings) {
        return new ProjectContext(manifest(), Map.of(), lockfile(), List.of(), Map.of(), settings);
    }

    ProjectContext contextWithoutLockfile() {
        return new ProjectContext(manifest(), Map.of(), null, List.of(), Map.of(), ProjectSettings.defaults());
    }
}
