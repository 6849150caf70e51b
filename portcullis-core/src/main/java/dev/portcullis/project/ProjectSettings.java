package dev.portcullis.project;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the project checks need to know of the policy and configuration, mapped from portcullis.yml and .npmrc
 * by the engine (this package sits above {@code policy} in the pipeline and does not read it).
 *
 * @param allowedHosts hosts a resolved URL may point at: the configured registries' hosts plus the policy's
 * @param allowedRemoteSources package names, or URL prefixes, that may come from git, tarball URLs or local paths
 * @param scriptAllowlist packages allowed to run install scripts: {@code name} alone, or {@code name@version-or-range}
 * @param pinDevDependencies whether devDependencies must be pinned too
 */
public record ProjectSettings(Set<String> allowedHosts, List<String> allowedRemoteSources,
                              List<String> scriptAllowlist, boolean pinDevDependencies) {
    public ProjectSettings {
        allowedHosts = Set.copyOf(allowedHosts);
        allowedRemoteSources = List.copyOf(allowedRemoteSources);
        scriptAllowlist = List.copyOf(scriptAllowlist);
    }

    /** The defaults of an empty policy with the public npm registry configured. */
    public static ProjectSettings defaults() {
        return new ProjectSettings(Set.of("registry.npmjs.org"), List.of(), List.of(), true);
    }

    public ProjectSettings withAllowedHosts(Set<String> hosts) {
        Objects.requireNonNull(hosts, "hosts");
        return new ProjectSettings(hosts, allowedRemoteSources, scriptAllowlist, pinDevDependencies);
    }
}
