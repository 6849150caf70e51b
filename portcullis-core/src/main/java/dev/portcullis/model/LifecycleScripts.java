package dev.portcullis.model;

import java.util.List;
import java.util.Map;

/**
 * Which lifecycle scripts npm runs when it installs a dependency, by where the dependency comes from: the one list
 * every check of install-time code uses. npm runs {@code prepare} only when it builds a package from its sources (a
 * git repository, a directory, a link, a workspace, or the root project), never for a tarball from a registry or a
 * URL, whose {@code prepare} already ran when it was packed.
 */
public final class LifecycleScripts {
    /** What installing a published tarball runs (plus the implicit {@code node-gyp rebuild} of a binding.gyp). */
    public static final List<String> FROM_TARBALL = List.of("preinstall", "install", "postinstall");

    private LifecycleScripts() {
    }

    /** Whether {@code scripts} (a manifest's {@code scripts}) has one that installing a published tarball runs. */
    public static boolean runFromTarball(Map<String, ?> scripts) {
        return FROM_TARBALL.stream().anyMatch(scripts::containsKey);
    }
}
