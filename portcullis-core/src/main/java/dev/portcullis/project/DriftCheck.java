package dev.portcullis.project;

import dev.portcullis.model.DeclaredDependency;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.Edge;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Importer;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.LockfileFormat;
import dev.portcullis.model.Manifest;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.semver.DependencySpec;
import dev.portcullis.semver.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * package.json and the lockfile disagree: the cases in which {@code npm ci} or a frozen install refuses to run,
 * or worse, a plain install silently resolves something nobody reviewed.
 */
public final class DriftCheck implements ProjectCheck {

    public static final RuleDescriptor OUT_OF_SYNC = new RuleDescriptor("lockfile/out-of-sync", Severity.HIGH,
            "package.json and the lockfile disagree, or there is no lockfile",
            "A frozen install (npm ci, yarn --immutable, pnpm --frozen-lockfile) fails on drift, and a plain "
                    + "install resolves the difference afresh from the registry: versions nobody reviewed enter the "
                    + "build. Without a lockfile every install floats.",
            "Run the package manager's install locally, review the lockfile diff and commit it together with "
                    + "package.json; in CI use the frozen install.");

    @Override
    public List<RuleDescriptor> rules() {
        return List.of(OUT_OF_SYNC);
    }

    @Override
    public List<Finding> check(ProjectContext context) {
        Lockfile lockfile = context.lockfile();
        Manifest root = context.manifest();
        if (lockfile == null) {
            boolean hasDependencies = root.dependencies().stream().anyMatch(d -> d.type() != DependencyType.PEER)
                    || !context.workspaceManifests().isEmpty();
            if (!hasDependencies) {
                return List.of();
            }
            return List.of(Finding.of(OUT_OF_SYNC, null, null,
                    "there is no lockfile: every install resolves the ranges in package.json afresh", root.location()));
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, PackageNode> nodes = lockfile.graph().packagesByKey();
        Map<String, List<Edge>> edges = lockfile.graph().edgesByFrom();
        for (Importer importer : lockfile.graph().importers()) {
            Manifest manifest = importer.isRoot() ? root : context.workspaceManifests().get(importer.path());
            if (manifest == null) {
                findings.add(Finding.of(OUT_OF_SYNC, importer.name(), null,
                        "the lockfile has workspace " + importer.path() + " but the project has no package.json there",
                        Location.of(lockfile.file())));
                continue;
            }
            Set<String> reported = compareRecorded(importer, manifest, lockfile, findings);
            compareResolved(importer, manifest, edges.getOrDefault(importer.path(), List.of()), nodes, lockfile,
                    reported, findings);
        }
        for (Map.Entry<String, Manifest> workspace : context.workspaceManifests().entrySet()) {
            boolean known = lockfile.graph().importers().stream().anyMatch(i -> i.path().equals(workspace.getKey()));
            if (!known) {
                findings.add(Finding.of(OUT_OF_SYNC, workspace.getValue().name(), null,
                        "workspace " + workspace.getKey() + " is missing from " + lockfile.file(),
                        workspace.getValue().location()));
            }
        }
        return findings;
    }

    /**
     * The lockfile's own copy of the importer's dependencies (npm's root entry, pnpm's specifiers …).
     * Returns the names reported, so that the resolution check does not report them twice.
     */
    private static Set<String> compareRecorded(Importer importer, Manifest manifest, Lockfile lockfile,
                                               List<Finding> findings) {
        Set<String> reported = new HashSet<>();
        if (importer.declared() == null) {
            return reported;
        }
        Map<String, DeclaredDependency> inManifest = byName(manifest.dependencies());
        Map<String, DeclaredDependency> inLockfile = byName(importer.declared());
        for (DeclaredDependency declared : inManifest.values()) {
            DeclaredDependency recorded = inLockfile.get(declared.name());
            if (recorded == null) {
                reported.add(declared.name());
                findings.add(Finding.of(OUT_OF_SYNC, declared.name(), null,
                        manifest.file() + " declares " + declared.name() + "@\"" + declared.spec() + "\" in "
                                + declared.type().section() + " but " + lockfile.file() + " does not record it",
                        declared.location()));
            } else if (!sameSpec(declared.spec(), recorded.spec())) {
                reported.add(declared.name());
                findings.add(Finding.of(OUT_OF_SYNC, declared.name(), null,
                        manifest.file() + " asks for " + declared.name() + "@\"" + declared.spec() + "\" but "
                                + lockfile.file() + " records \"" + recorded.spec() + "\"", declared.location()));
            } else if (recorded.type() != declared.type() && lockfile.format() != LockfileFormat.YARN_BERRY) {
                // yarn berry records devDependencies among a workspace's dependencies: its type says nothing
                findings.add(Finding.of(OUT_OF_SYNC, declared.name(), null,
                        declared.name() + " is in " + declared.type().section() + " of " + manifest.file()
                                + " but in " + recorded.type().section() + " of " + lockfile.file(),
                        declared.location()));
            }
        }
        for (DeclaredDependency recorded : inLockfile.values()) {
            if (!inManifest.containsKey(recorded.name())) {
                findings.add(Finding.of(OUT_OF_SYNC, recorded.name(), null,
                        lockfile.file() + " records " + recorded.name() + "@\"" + recorded.spec() + "\" for "
                                + (importer.isRoot() ? "the project" : "workspace " + importer.path())
                                + " but " + manifest.file() + " no longer declares it", recorded.location()));
            }
        }
        return reported;
    }

    /** Each declared dependency must resolve, and to a version its range accepts. */
    private static void compareResolved(Importer importer, Manifest manifest, List<Edge> importerEdges,
                                        Map<String, PackageNode> nodes, Lockfile lockfile, Set<String> reported,
                                        List<Finding> findings) {
        Map<String, Edge> resolved = new LinkedHashMap<>();
        for (Edge edge : importerEdges) {
            resolved.putIfAbsent(edge.name(), edge);
        }
        for (DeclaredDependency declared : manifest.dependencies()) {
            if (declared.type() == DependencyType.PEER || reported.contains(declared.name())) {
                continue; // peers are satisfied by the consumer, not locked for the project itself
            }
            Edge edge = resolved.get(declared.name());
            if (edge == null) {
                if (declared.type() != DependencyType.OPTIONAL) {
                    findings.add(Finding.of(OUT_OF_SYNC, declared.name(), null,
                            declared.name() + "@\"" + declared.spec() + "\" from " + manifest.file()
                                    + " is not resolved in " + lockfile.file(), declared.location()));
                }
                continue;
            }
            PackageNode node = nodes.get(edge.to());
            if (node == null) {
                continue; // a workspace link: the workspace itself is checked as an importer
            }
            mismatch(DependencySpec.parse(declared.name(), declared.spec()), node).ifPresent(problem ->
                    findings.add(Finding.of(OUT_OF_SYNC, node.name(), node.version(),
                            manifest.file() + " asks for " + declared.name() + "@\"" + declared.spec() + "\" but "
                                    + lockfile.file() + " locks " + problem, declared.location())));
        }
    }

    /** Why the locked node does not satisfy the spec, or empty when it does or cannot be judged by version. */
    private static Optional<String> mismatch(DependencySpec spec, PackageNode node) {
        return switch (spec) {
            case DependencySpec.Alias alias -> !alias.targetName().equals(node.name())
                    ? Optional.of(node.id() + ", not the aliased package " + alias.targetName())
                    : mismatch(alias.target(), node);
            case DependencySpec.Exact exact -> Version.parse(node.version(), true)
                    .filter(v -> v.compareTo(exact.version()) == 0).isPresent()
                    ? Optional.empty() : Optional.of(node.id());
            case DependencySpec.RangeSpec range -> Version.parse(node.version(), true)
                    .filter(range.range()::test).isPresent() || node.version().isEmpty()
                    ? Optional.empty() : Optional.of(node.id());
            case DependencySpec.Tag tag -> Optional.empty();
            case DependencySpec.Git git -> Optional.empty();
            case DependencySpec.RemoteTarball tarball -> Optional.empty();
            case DependencySpec.Local local -> Optional.empty();
            case DependencySpec.Workspace workspace -> Optional.empty();
            case DependencySpec.Other other -> Optional.empty();
            case DependencySpec.Invalid invalid -> Optional.empty();
        };
    }

    private static Map<String, DeclaredDependency> byName(List<DeclaredDependency> dependencies) {
        Map<String, DeclaredDependency> byName = new LinkedHashMap<>();
        for (DeclaredDependency d : dependencies) {
            if (d.type() != DependencyType.PEER) {
                byName.putIfAbsent(d.name(), d);
            }
        }
        return byName;
    }

    /**
     * Whether the lockfile's record of a dependency is the manifest's request: yarn berry records {@code npm:^1.0.0}
     * for {@code ^1.0.0}, and bun's first lockfile version records a workspace dependency by its path.
     */
    static boolean sameSpec(String manifest, String recorded) {
        if (manifest.equals(recorded)) {
            return true;
        }
        if (manifest.startsWith("workspace:") && !recorded.contains(":") && !recorded.startsWith("/")) {
            return true;
        }
        return recorded.startsWith("npm:") && !manifest.startsWith("npm:") && recorded.substring(4).equals(manifest);
    }
}
