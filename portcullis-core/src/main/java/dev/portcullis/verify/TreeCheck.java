package dev.portcullis.verify;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageFlag;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Installed packages against the lockfile. npm's lockfile says where each package lies
 * ({@code node_modules/a/node_modules/b}), so its tree is compared path by path; the other formats name packages
 * only, and the clients hoist them as they see fit, so their trees are compared as the set of name@version
 * installed. Workspace members and linked directories are the project's own code, not installed packages; an
 * optional package that is absent is one the client skipped for this platform.
 */
public final class TreeCheck {
    private TreeCheck() {
    }

    /** An installed package matched to the lockfile entry it installs: the pairs the file check compares. */
    public record Match(InstalledTree.Installed installed, PackageNode node) {
        public Match {
            Objects.requireNonNull(installed, "installed");
            Objects.requireNonNull(node, "node");
        }
    }

    /** The findings and the matched packages. */
    public record Result(List<Finding> findings, List<Match> matches) {
        public Result {
            findings = List.copyOf(findings);
            matches = List.copyOf(matches);
        }
    }

    /** @param omitDev the install left out development dependencies: their absence is expected */
    public static Result check(Lockfile lockfile, InstalledTree.Walk walk, boolean omitDev) {
        // yarn 1 records no dev flag: a package only development dependencies reach is dev (GraphPaths)
        dev.portcullis.model.GraphPaths paths = omitDev ? dev.portcullis.model.GraphPaths.of(lockfile.graph()) : null;
        List<PackageNode> expected = lockfile.graph().packages().stream().filter(TreeCheck::installable)
                .filter(n -> !omitDev || !(n.has(PackageFlag.DEV) || paths.isDev(n.key()))).toList();
        boolean byPath = !expected.isEmpty() && expected.stream().allMatch(n -> n.key().startsWith("node_modules/")
                || n.key().contains("/node_modules/"));
        return byPath ? byPath(lockfile, expected, walk) : byName(lockfile, expected, walk);
    }

    /** Packages the client puts under node_modules as a directory of their own (not links to the project's code). */
    static boolean installable(PackageNode node) {
        return switch (node.source()) {
            case Source.Registry r -> true;
            case Source.Git g -> true;
            case Source.RemoteTarball t -> true;
            case Source.Local local -> !local.link() && local.path().endsWith(".tgz");
            case Source.Workspace w -> false;
        } && !node.has(PackageFlag.BUNDLED);
    }

    private static Result byPath(Lockfile lockfile, List<PackageNode> expected, InstalledTree.Walk walk) {
        Map<String, InstalledTree.Installed> installed = new LinkedHashMap<>();
        walk.packages().forEach(p -> installed.put(p.path(), p));
        Set<String> locked = new HashSet<>();
        lockfile.graph().packages().forEach(n -> locked.add(n.key()));
        List<Finding> findings = new ArrayList<>();
        List<Match> matches = new ArrayList<>();
        for (PackageNode node : expected) {
            InstalledTree.Installed found = installed.get(node.key());
            if (found == null) {
                missing(lockfile, node, findings);
            } else if (!sameVersion(node, found)) {
                findings.add(mismatch(lockfile, node, found, List.of(node.version())));
            } else {
                matches.add(new Match(found, node));
            }
        }
        for (InstalledTree.Installed p : walk.packages()) {
            if (!locked.contains(p.path()) && !insideBundled(p.path(), lockfile)) {
                findings.add(unexpected(lockfile, p));
            }
        }
        return new Result(findings, matches);
    }

    private static Result byName(Lockfile lockfile, List<PackageNode> expected, InstalledTree.Walk walk) {
        Map<String, List<PackageNode>> byName = new LinkedHashMap<>();
        expected.forEach(n -> byName.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(n));
        Set<String> seen = new HashSet<>();
        Set<String> mismatched = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        List<Match> matches = new ArrayList<>();
        Map<String, Integer> ignoredNames = new HashMap<>();
        for (PackageNode node : lockfile.graph().packages()) {
            if (!installable(node)) {
                ignoredNames.merge(node.installedName(), 1, Integer::sum);
            }
        }
        for (InstalledTree.Installed p : walk.packages()) {
            List<PackageNode> candidates = byName.get(p.name());
            if (candidates == null) {
                if (!ignoredNames.containsKey(p.name()) && !insideBundled(p.path(), lockfile)) {
                    findings.add(unexpected(lockfile, p));
                }
                continue;
            }
            PackageNode node = candidates.stream().filter(n -> sameVersion(n, p)).findFirst().orElse(null);
            if (node == null) {
                mismatched.add(p.name());
                findings.add(mismatch(lockfile, candidates.getFirst(), p,
                        candidates.stream().map(PackageNode::version).toList()));
            } else {
                seen.add(node.id());
                matches.add(new Match(p, node));
            }
        }
        for (PackageNode node : expected) {
            // pnpm locks one name@version once per set of peers; a name installed at another version is reported
            // as that mismatch, not once more as missing
            if (seen.add(node.id()) && !mismatched.contains(node.name())) {
                missing(lockfile, node, findings);
            }
        }
        return new Result(findings, matches);
    }

    /** A git or tarball dependency whose lockfile entry records no version matches whatever it installed as. */
    private static boolean sameVersion(PackageNode node, InstalledTree.Installed installed) {
        return node.version().isEmpty() || node.version().equals(installed.version());
    }

    /** A package inside another's bundled dependencies comes with that package's tarball, not from the lockfile. */
    private static boolean insideBundled(String path, Lockfile lockfile) {
        return lockfile.graph().packages().stream().anyMatch(n -> n.has(PackageFlag.BUNDLED) && n.key().equals(path));
    }

    private static void missing(Lockfile lockfile, PackageNode node, List<Finding> findings) {
        if (node.has(PackageFlag.OPTIONAL)) {
            return; // skipped for this platform (os, cpu, libc) or because it failed to build, as clients do
        }
        findings.add(Finding.of(VerifyRules.MISSING_PACKAGE, node.name(), node.version(), node.id()
                + " is locked" + (node.key().contains("node_modules/") ? " at " + node.key() : "")
                + " but not installed", location(lockfile, node)));
    }

    private static Finding mismatch(Lockfile lockfile, PackageNode node, InstalledTree.Installed installed,
                                    List<String> lockedVersions) {
        String found = installed.version().isEmpty() ? "no version"
                + (installed.problem() == null ? "" : " (" + installed.problem() + ")") : installed.version();
        return Finding.of(VerifyRules.VERSION_MISMATCH, node.name(), node.version(), installed.path() + " holds "
                + node.name() + " at " + found + ", the lockfile locks " + String.join(", ",
                new TreeSet<>(lockedVersions)), Location.of(installed.path()));
    }

    private static Finding unexpected(Lockfile lockfile, InstalledTree.Installed installed) {
        return Finding.of(VerifyRules.UNEXPECTED_PACKAGE, installed.name(), installed.version().isEmpty() ? null
                : installed.version(), installed.path() + " holds " + installed.name()
                + (installed.version().isEmpty() ? "" : "@" + installed.version()) + ", which " + lockfile.file()
                + " does not name", Location.of(installed.path()));
    }

    private static Location location(Lockfile lockfile, PackageNode node) {
        return node.location().file().isEmpty() ? Location.of(lockfile.file()) : node.location();
    }
}
