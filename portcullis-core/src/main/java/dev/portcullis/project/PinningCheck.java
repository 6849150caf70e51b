package dev.portcullis.project;

import dev.portcullis.model.DeclaredDependency;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.Edge;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Importer;
import dev.portcullis.model.Manifest;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.semver.DependencySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Direct dependencies declared with a range, a tag or a branch instead of one exact version. */
public final class PinningCheck implements ProjectCheck {

    public static final RuleDescriptor UNPINNED_RANGE = new RuleDescriptor("manifest/unpinned-range", Severity.LOW,
            "Direct dependency declared with a range instead of an exact version",
            "A range (^, ~, *, x, >=), a tag such as latest or a git branch lets any install that is not frozen — "
                    + "npm install, a new lockfile, a Renovate rebase — take whatever was published last night, "
                    + "which is how hijacked versions spread within hours.",
            "Declare the exact version (npm config set save-exact true; pnpm add --save-exact; yarn add --exact) "
                    + "and let a reviewed update tool move it.");

    @Override
    public List<RuleDescriptor> rules() {
        return List.of(UNPINNED_RANGE);
    }

    @Override
    public List<Finding> check(ProjectContext context) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Manifest> manifests = new LinkedHashMap<>();
        manifests.put(Importer.ROOT, context.manifest());
        manifests.putAll(new java.util.TreeMap<>(context.workspaceManifests()));
        for (Map.Entry<String, Manifest> entry : manifests.entrySet()) {
            Map<String, String> locked = lockedVersions(context, entry.getKey());
            for (DeclaredDependency declared : entry.getValue().dependencies()) {
                if (declared.type() == DependencyType.PEER
                        || declared.type() == DependencyType.DEV && !context.settings().pinDevDependencies()) {
                    continue; // peer ranges are a contract with the consumer, not something to pin
                }
                DependencySpec spec = DependencySpec.parse(declared.name(), declared.spec());
                if (spec.isPinned()) {
                    continue;
                }
                String lockedVersion = locked.get(declared.name());
                String advice = lockedVersion == null ? "" : "; the lockfile has " + lockedVersion;
                findings.add(Finding.of(UNPINNED_RANGE, declared.name(), lockedVersion,
                        declared.name() + "@\"" + declared.spec() + "\" in " + declared.type().section()
                                + " is " + kind(spec) + ", not an exact version" + advice, declared.location()));
            }
        }
        return findings;
    }

    private static Map<String, String> lockedVersions(ProjectContext context, String importerPath) {
        Map<String, String> locked = new LinkedHashMap<>();
        if (context.lockfile() == null) {
            return locked;
        }
        Map<String, PackageNode> nodes = context.lockfile().graph().packagesByKey();
        for (Edge edge : context.lockfile().graph().directEdges(importerPath)) {
            PackageNode node = nodes.get(edge.to());
            if (node != null && !node.version().isEmpty()) {
                locked.putIfAbsent(edge.name(), node.version());
            }
        }
        return locked;
    }

    private static String kind(DependencySpec spec) {
        return switch (spec) {
            case DependencySpec.Alias alias -> "an alias of " + alias.targetName() + " with " + kind(alias.target());
            case DependencySpec.Exact exact -> "an exact version";
            case DependencySpec.RangeSpec range -> "a range";
            case DependencySpec.Tag tag -> "the dist-tag '" + tag.tag() + "'";
            case DependencySpec.Git git -> git.committish() == null ? "a git repository's default branch"
                    : "the git ref '" + git.committish() + "'";
            case DependencySpec.RemoteTarball tarball -> "a tarball URL";
            case DependencySpec.Local local -> "a local path";
            case DependencySpec.Workspace workspace -> "a workspace range";
            case DependencySpec.Other other -> "a " + other.protocol() + " reference";
            case DependencySpec.Invalid invalid -> "not a valid dependency spec (" + invalid.reason() + ")";
        };
    }
}
