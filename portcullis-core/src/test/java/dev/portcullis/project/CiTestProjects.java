package dev.portcullis.project;

import dev.portcullis.model.DependencyGraph;
import dev.portcullis.model.Edge;
import dev.portcullis.model.Importer;
import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.LockfileFormat;
import dev.portcullis.model.Manifest;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Script;
import dev.portcullis.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Real model objects for CI check tests: a small locked project and manifests with scripts. */
final class CiTestProjects {
    private CiTestProjects() {
    }

    /**
     * typescript (bins recorded, as npm does), eslint, prettier and tsx (no bins recorded, as yarn and pnpm),
     * jest at 29.7.0.
     */
    static Lockfile lockfile() {
        List<PackageNode> nodes = List.of(
                node("typescript", "5.4.5", List.of("tsc", "tsserver"), 10),
                node("eslint", "9.1.0", List.of(), 20),
                node("prettier", "3.2.5", List.of(), 30),
                node("tsx", "4.7.2", List.of(), 40),
                node("jest", "29.7.0", List.of(), 50));
        List<Edge> edges = new ArrayList<>();
        DependencyGraph graph = new DependencyGraph(List.of(new Importer(Importer.ROOT, "app", null)), nodes, edges);
        return new Lockfile("package-lock.json", LockfileFormat.NPM, "3", graph);
    }

    private static PackageNode node(String name, String version, List<String> bins, int line) {
        return new PackageNode("node_modules/" + name, name, null, version, new Source.Registry(null), null, null,
                Set.of(), InstallScripts.NO, List.of(), List.of(), bins, new Location("package-lock.json", line));
    }

    /** A package.json at {@code file} whose scripts are on lines 5, 6, 7 … in the given order. */
    static Manifest manifest(String file, List<String[]> scripts) {
        List<Script> list = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            list.add(new Script(scripts.get(i)[0], scripts.get(i)[1], new Location(file, 5 + i)));
        }
        return new Manifest(file, "app", "1.0.0", List.of(), List.of(), List.of(), Map.of(), Map.of(), Map.of(), list,
                List.of(), null, Location.of(file));
    }

    static Manifest emptyManifest() {
        return manifest("package.json", List.of());
    }

    static ProjectContext context(Lockfile lockfile, List<ProjectFile> files) {
        return new ProjectContext(emptyManifest(), Map.of(), lockfile, files, Map.of(), ProjectSettings.defaults());
    }
}
