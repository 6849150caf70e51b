package dev.portcullis.project;

import dev.portcullis.model.Edge;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.model.Source;
import dev.portcullis.semver.DependencySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dependencies that bypass the registry: git repositories, tarball URLs and local paths outside the project.
 * Their content is whatever the remote serves at install time (PhantomRaven's "remote dynamic dependencies"),
 * no registry advisory covers them, and a branch or URL can change under a fixed lockfile entry.
 */
public final class RemoteSourceCheck implements ProjectCheck {

    public static final RuleDescriptor REMOTE_SOURCE = new RuleDescriptor("lockfile/remote-source", Severity.HIGH,
            "Dependency taken from git, a URL or a path outside the project",
            "Code from a git repository or an arbitrary URL skips the registry: no advisories, no malware "
                    + "takedown, no immutability; a URL can serve different content tomorrow, and attackers use such "
                    + "dependencies to deliver payloads that no registry scan sees.",
            "Depend on a published registry version instead; or, if the source is trusted, allow it by package "
                    + "name or URL prefix under remoteSources.allow in portcullis.yml.");

    @Override
    public List<RuleDescriptor> rules() {
        return List.of(REMOTE_SOURCE);
    }

    @Override
    public List<Finding> check(ProjectContext context) {
        Lockfile lockfile = context.lockfile();
        if (lockfile == null) {
            return List.of();
        }
        Map<String, Edge> remoteEdge = new HashMap<>();
        for (Edge edge : lockfile.graph().edges()) {
            if (plainRegistrySpec(edge.spec())) {
                continue;
            }
            DependencySpec spec = DependencySpec.parse(edge.name(), edge.spec());
            if (spec instanceof DependencySpec.Git || spec instanceof DependencySpec.RemoteTarball
                    || spec instanceof DependencySpec.Local) {
                remoteEdge.putIfAbsent(edge.to(), edge);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (PackageNode node : lockfile.graph().packages()) {
            Edge edge = remoteEdge.get(node.key());
            String where = describe(node, edge, lockfile.file());
            if (where != null && !allowed(node, address(node, edge), context.settings())) {
                findings.add(Finding.of(REMOTE_SOURCE, node.name(), node.version(),
                        node.installedName() + " comes from " + where + ", not from a registry", node.location()));
            }
        }
        return findings;
    }

    /**
     * True for specs that can only name registry versions (ranges, versions, tags): no protocol, no path, no
     * tarball; yarn berry writes them as {@code npm:^1.2.3}. Most edges are such, and skipping the full parse for
     * them keeps large graphs fast.
     */
    static boolean plainRegistrySpec(String raw) {
        String spec = raw.startsWith("npm:") && raw.indexOf('@', 4) < 0 ? raw.substring(4) : raw;
        return spec.indexOf(':') < 0 && spec.indexOf('/') < 0 && spec.indexOf('\\') < 0 && !spec.startsWith(".")
                && !spec.startsWith("~/") && !spec.endsWith(".tgz") && !spec.endsWith(".tar.gz")
                && !spec.endsWith(".tar");
    }

    /** A description of the remote source, or null when the package comes from a registry or the workspace. */
    private static String describe(PackageNode node, Edge edge, String lockfilePath) {
        return switch (node.source()) {
            case Source.Git git -> "git " + git.url() + (git.committish() == null ? "" : "#" + git.committish());
            case Source.RemoteTarball tarball -> "the URL " + tarball.url();
            case Source.Local local -> insideProject(lockfilePath, local.path()) ? null
                    : (local.link() ? "link:" : "file:") + local.path() + " outside the project";
            case Source.Workspace workspace -> null;
            case Source.Registry registry -> edge == null ? null : "the spec \"" + edge.spec() + "\"";
        };
    }

    static boolean insideProject(String lockfilePath, String localPath) {
        String path = localPath.startsWith("file:") ? localPath.substring(5)
                : localPath.startsWith("link:") ? localPath.substring(5) : localPath;
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return false;
        }
        Path base = Path.of(lockfilePath).getParent();
        Path resolved = (base == null ? Path.of(path) : base.resolve(path)).normalize();
        return !resolved.startsWith("..") && !resolved.toString().equals("..");
    }

    /** The URL or path the package is fetched from, which a policy allowance may name by prefix. */
    private static String address(PackageNode node, Edge edge) {
        return switch (node.source()) {
            case Source.Git git -> git.url();
            case Source.RemoteTarball tarball -> tarball.url();
            case Source.Local local -> local.path();
            case Source.Workspace workspace -> workspace.path();
            case Source.Registry registry -> edge == null ? "" : edge.spec();
        };
    }

    /** An allowance is a package name, or a URL or path prefix (recognised by its ':' or '/'). */
    private static boolean allowed(PackageNode node, String address, ProjectSettings settings) {
        for (String allow : settings.allowedRemoteSources()) {
            if (allow.equals(node.name()) || allow.equals(node.installedName())) {
                return true;
            }
            if ((allow.contains(":") || allow.contains("/") && !allow.startsWith("@")) && address.startsWith(allow)) {
                return true;
            }
        }
        return false;
    }
}
