package dev.portcullis.project;

import dev.portcullis.model.Finding;
import dev.portcullis.model.GraphPaths;
import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.model.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * Packages that run code at install time (preinstall, install, postinstall, or an implicit node-gyp build)
 * without the policy's allowlist naming them. Install scripts run before any test or review: they are how
 * event-stream, ua-parser-js and Shai-Hulud reached their victims.
 */
public final class InstallScriptCheck implements ProjectCheck {

    public static final RuleDescriptor INSTALL_SCRIPT = new RuleDescriptor("scripts/install-script", Severity.HIGH,
            "Package runs install scripts and is not on the allowlist",
            "npm, yarn and bun run preinstall/install/postinstall scripts of every package in the tree by default, "
                    + "with the developer's or CI's credentials, before any test or review: the way most npm "
                    + "malware executes.",
            "Review the package's scripts (portcullis inspect); if they are needed, allow the exact version under "
                    + "scripts.allow in portcullis.yml (for example esbuild@0.23.1), otherwise install with scripts "
                    + "disabled (npm ci --ignore-scripts, or pnpm, which runs only allowed builds).");

    @Override
    public List<RuleDescriptor> rules() {
        return List.of(INSTALL_SCRIPT);
    }

    @Override
    public List<Finding> check(ProjectContext context) {
        Lockfile lockfile = context.lockfile();
        if (lockfile == null) {
            return List.of();
        }
        ScriptAllowlist allowlist = ScriptAllowlist.of(context.settings().scriptAllowlist());
        GraphPaths paths = GraphPaths.of(lockfile.graph());
        List<Finding> findings = new ArrayList<>();
        for (PackageNode node : runsInstallScripts(context)) {
            if (allowlist.allows(node.name(), node.version())) {
                continue;
            }
            String via = paths.isReachable(node.key()) ? via(paths, node) : "";
            findings.add(Finding.of(INSTALL_SCRIPT, node.name(), node.version(),
                    node.id() + " runs install scripts at install time" + via, node.location()));
        }
        return findings;
    }

    /** Packages known to run install scripts, from the lockfile or else from registry metadata. */
    public static List<PackageNode> runsInstallScripts(ProjectContext context) {
        List<PackageNode> result = new ArrayList<>();
        if (context.lockfile() == null) {
            return result;
        }
        for (PackageNode node : context.lockfile().graph().packages()) {
            if (node.source() instanceof Source.Workspace) {
                continue; // the project's own scripts are the project's, not a dependency's
            }
            InstallScripts scripts = node.installScripts() != InstallScripts.UNKNOWN ? node.installScripts()
                    : context.registryInstallScripts().getOrDefault(node.id(), InstallScripts.UNKNOWN);
            if (scripts == InstallScripts.YES) {
                result.add(node);
            }
        }
        return result;
    }

    private static String via(GraphPaths paths, PackageNode node) {
        List<String> directs = paths.directDependencies(node.key());
        if (paths.isDirect(node.key()) || directs.isEmpty()) {
            return " (a direct dependency)";
        }
        return " (pulled in by " + String.join(", ", directs.subList(0, Math.min(3, directs.size())))
                + (directs.size() > 3 ? " and " + (directs.size() - 3) + " more" : "") + ")";
    }
}
