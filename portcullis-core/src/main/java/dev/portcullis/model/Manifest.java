package dev.portcullis.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A package.json as Portcullis needs it.
 *
 * @param file path relative to the project root
 * @param name the {@code name}, or null
 * @param version the {@code version}, or null
 * @param dependencies every entry of dependencies, devDependencies, optionalDependencies and peerDependencies, in file order
 * @param optionalPeers names marked optional in peerDependenciesMeta
 * @param bundleDependencies bundleDependencies (or bundledDependencies); all dependencies when it is {@code true}
 * @param overrides npm's {@code overrides}, as plain maps, lists and strings
 * @param resolutions yarn's {@code resolutions}
 * @param pnpmOverrides {@code pnpm.overrides}
 * @param scripts the scripts, in file order
 * @param workspaces workspace globs ({@code workspaces} as a list or as {@code {packages: […]}})
 * @param packageManager the {@code packageManager} field (corepack), or null
 * @param location the start of the file
 */
public record Manifest(String file, String name, String version, List<DeclaredDependency> dependencies,
                       List<String> optionalPeers, List<String> bundleDependencies,
                       Map<String, Object> overrides, Map<String, String> resolutions,
                       Map<String, String> pnpmOverrides, List<Script> scripts, List<String> workspaces,
                       String packageManager, Location location) {
    public Manifest {
        Objects.requireNonNull(file, "file");
        dependencies = List.copyOf(dependencies);
        optionalPeers = List.copyOf(optionalPeers);
        bundleDependencies = List.copyOf(bundleDependencies);
        overrides = Map.copyOf(overrides);
        resolutions = Map.copyOf(resolutions);
        pnpmOverrides = Map.copyOf(pnpmOverrides);
        scripts = List.copyOf(scripts);
        workspaces = List.copyOf(workspaces);
        Objects.requireNonNull(location, "location");
    }

    public List<DeclaredDependency> dependencies(DependencyType type) {
        return dependencies.stream().filter(d -> d.type() == type).toList();
    }

    public Optional<Script> script(String scriptName) {
        return scripts.stream().filter(s -> s.name().equals(scriptName)).findFirst();
    }
}
