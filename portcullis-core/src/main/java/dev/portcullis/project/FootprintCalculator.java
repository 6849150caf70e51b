package dev.portcullis.project;

import dev.portcullis.model.GraphPaths;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Computes the {@link Footprint} of a project's lockfile. */
public final class FootprintCalculator {
    private FootprintCalculator() {
    }

    public static Footprint of(ProjectContext context) {
        Lockfile lockfile = context.lockfile();
        if (lockfile == null) {
            return Footprint.none();
        }
        GraphPaths paths = GraphPaths.of(lockfile.graph());
        Set<String> all = new HashSet<>();
        Set<String> direct = new HashSet<>();
        Set<String> prodOrMixed = new HashSet<>();
        Set<String> required = new HashSet<>();
        Map<String, Set<String>> versions = new TreeMap<>();
        Set<String> replaceable = new TreeSet<>();
        int instances = 0;
        for (PackageNode node : lockfile.graph().packages()) {
            if (node.source() instanceof Source.Workspace) {
                continue;
            }
            instances++;
            String id = node.id();
            all.add(id);
            versions.computeIfAbsent(node.name(), k -> new TreeSet<>()).add(node.version());
            if (paths.isDirect(node.key())) {
                direct.add(id);
            }
            if (!paths.isDev(node.key())) {
                prodOrMixed.add(id);
            }
            if (!paths.isOptional(node.key())) {
                required.add(id);
            }
            if (MicroPackages.data().find(node.name()).isPresent()) {
                replaceable.add(node.name());
            }
        }
        Map<String, List<String>> multiple = new TreeMap<>();
        versions.forEach((name, set) -> {
            if (set.size() > 1) {
                multiple.put(name, List.copyOf(set));
            }
        });
        List<String> scripts = new ArrayList<>(new TreeSet<>(
                InstallScriptCheck.runsInstallScripts(context).stream().map(PackageNode::id).toList()));
        List<MicroPackages.Replacement> micro = replaceable.stream()
                .map(name -> MicroPackages.data().find(name).orElseThrow()).toList();
        return new Footprint(all.size(), instances, direct.size(), all.size() - direct.size(), prodOrMixed.size(),
                all.size() - prodOrMixed.size(), all.size() - required.size(), paths.maxDepth(), multiple, scripts,
                micro);
    }
}
