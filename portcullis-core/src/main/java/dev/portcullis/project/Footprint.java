package dev.portcullis.project;

import java.util.List;
import java.util.Map;

/**
 * How much third-party code the project pulls in: a summary, not findings.
 *
 * @param packages distinct name@version pairs in the lockfile (workspaces excluded)
 * @param instances package instances (npm may install one name@version in several places)
 * @param direct distinct packages the roots require directly
 * @param transitive distinct packages reached only through other packages
 * @param prod distinct packages needed at run time
 * @param dev distinct packages needed only for development
 * @param optional distinct packages reached only through optional dependencies
 * @param maxDepth the longest shortest path from a root
 * @param multipleVersions names present in more than one version, with those versions
 * @param installScripts name@version of packages that run install scripts (as far as known)
 * @param replaceable micro-packages that a built-in or a one-line snippet can replace
 */
public record Footprint(int packages, int instances, int direct, int transitive, int prod, int dev, int optional,
                        int maxDepth, Map<String, List<String>> multipleVersions, List<String> installScripts,
                        List<MicroPackages.Replacement> replaceable) {
    public Footprint {
        multipleVersions = Map.copyOf(multipleVersions);
        installScripts = List.copyOf(installScripts);
        replaceable = List.copyOf(replaceable);
    }

    public static Footprint none() {
        return new Footprint(0, 0, 0, 0, 0, 0, 0, 0, Map.of(), List.of(), List.of());
    }
}
