package dev.portcullis.engine;

import dev.portcullis.model.Lockfile;
import dev.portcullis.model.Manifest;
import dev.portcullis.project.ProjectFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project as read from disk by {@link ProjectReader}.
 *
 * @param root the project directory
 * @param manifest the root package.json
 * @param workspaces the workspaces' package.json by relative path
 * @param lockfile the lockfile read, or null when there is none
 * @param files CI workflows, Dockerfiles, Makefiles and root shell scripts
 * @param extraRegistryHosts registry hosts configured outside .npmrc (yarn berry's npmRegistryServer)
 * @param notes facts about the reading worth telling the user (other lockfiles present …)
 */
public record LoadedProject(Path root, Manifest manifest, Map<String, Manifest> workspaces, Lockfile lockfile,
                            List<ProjectFile> files, List<String> extraRegistryHosts, List<String> notes) {
    public LoadedProject {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(manifest, "manifest");
        workspaces = Map.copyOf(workspaces);
        files = List.copyOf(files);
        extraRegistryHosts = List.copyOf(extraRegistryHosts);
        notes = List.copyOf(notes);
    }
}
