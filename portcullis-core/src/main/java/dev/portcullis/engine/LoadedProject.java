package dev.portcullis.engine;

import dev.portcullis.model.Lockfile;
import dev.portcullis.model.Manifest;
import dev.portcullis.policy.Policy;
import dev.portcullis.project.ProjectFile;
import dev.portcullis.registry.NpmConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project as read from disk: the first stage of every pipeline.
 *
 * @param root the project directory
 * @param manifest the root package.json
 * @param workspaces the workspaces' package.json by relative path
 * @param lockfile the lockfile read, or null when there is none
 * @param files CI workflows, Dockerfiles, Makefiles and root shell scripts
 * @param npmConfig .npmrc and environment
 * @param extraRegistryHosts registry hosts configured outside .npmrc (yarn berry's npmRegistryServer)
 * @param policy portcullis.yml, or the defaults
 * @param notes facts about the reading worth telling the user (other lockfiles present …)
 */
public record LoadedProject(Path root, Manifest manifest, Map<String, Manifest> workspaces, Lockfile lockfile,
                            List<ProjectFile> files, NpmConfig npmConfig, List<String> extraRegistryHosts,
                            Policy policy, List<String> notes) {
    public LoadedProject {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(manifest, "manifest");
        workspaces = Map.copyOf(workspaces);
        files = List.copyOf(files);
        Objects.requireNonNull(npmConfig, "npmConfig");
        extraRegistryHosts = List.copyOf(extraRegistryHosts);
        Objects.requireNonNull(policy, "policy");
        notes = List.copyOf(notes);
    }
}
