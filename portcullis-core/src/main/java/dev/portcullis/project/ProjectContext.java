package dev.portcullis.project;

import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a project check may look at.
 *
 * @param manifest the root package.json
 * @param workspaceManifests the workspaces' package.json files, by workspace path ({@code packages/a})
 * @param lockfile the lockfile, or null when the project has none
 * @param files the CI workflows, Dockerfiles, Makefiles and root shell scripts, in path order
 * @param registryInstallScripts install-script facts the engine fetched from registry metadata for packages whose
 *                               lockfile entry does not say, keyed by {@code name@version}
 * @param settings what the policy and .npmrc allow
 */
public record ProjectContext(Manifest manifest, Map<String, Manifest> workspaceManifests, Lockfile lockfile,
                             List<ProjectFile> files, Map<String, InstallScripts> registryInstallScripts,
                             ProjectSettings settings) {
    public ProjectContext {
        Objects.requireNonNull(manifest, "manifest");
        workspaceManifests = Map.copyOf(workspaceManifests);
        files = List.copyOf(files);
        registryInstallScripts = Map.copyOf(registryInstallScripts);
        Objects.requireNonNull(settings, "settings");
    }
}
