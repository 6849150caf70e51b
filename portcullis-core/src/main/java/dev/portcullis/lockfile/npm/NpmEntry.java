package dev.portcullis.lockfile.npm;

import dev.portcullis.model.PackageFlag;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a package-lock as written, before the graph is built.
 *
 * @param key the entry's path: {@code ""} for the root, {@code node_modules/a/node_modules/b}, {@code packages/a};
 *            for lockfile v1 the path is synthesized from the nesting of {@code dependencies}
 * @param line the line of the entry's key
 * @param name the {@code name} field (an alias's real name, or a directory's package name), or null
 * @param version the {@code version} field as written, or null
 * @param resolved the {@code resolved} field, or null
 * @param integrity the {@code integrity} field, or null
 * @param from v1's {@code from} field (the spec a git or remote dependency was requested with), or null
 * @param link true for v2/v3 {@code "link": true} entries (a symlink to {@code resolved})
 * @param flags dev/optional/peer/bundled as recorded
 * @param hasInstallScript v2/v3's {@code hasInstallScript}
 * @param os the {@code os} list
 * @param cpu the {@code cpu} list
 * @param bins the command names of {@code bin}
 * @param dependencies the dependency sections, or v1's {@code requires}
 * @param workspaces the root entry's workspace globs
 */
record NpmEntry(String key, int line, String name, String version, String resolved, String integrity, String from,
                boolean link, Set<PackageFlag> flags, boolean hasInstallScript, List<String> os, List<String> cpu,
                List<String> bins, List<NpmDependency> dependencies, List<String> workspaces) {
    NpmEntry {
        Objects.requireNonNull(key, "key");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        os = List.copyOf(os);
        cpu = List.copyOf(cpu);
        bins = List.copyOf(bins);
        dependencies = List.copyOf(dependencies);
        workspaces = List.copyOf(workspaces);
    }

    /** True for the project root's entry. */
    boolean isRoot() {
        return key.isEmpty();
    }
}
