package dev.portcullis.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.diff.PackageDiff.CapabilityChange;
import dev.portcullis.diff.PackageDiff.Content;
import dev.portcullis.diff.PackageDiff.DependencyChange;
import dev.portcullis.diff.PackageDiff.Direction;
import dev.portcullis.diff.PackageDiff.FileChange;
import dev.portcullis.diff.PackageDiff.PublicationChange;
import dev.portcullis.diff.PackageDiff.ScriptChange;
import dev.portcullis.diff.PackageDiff.Status;
import dev.portcullis.js.Fact;
import dev.portcullis.js.FileFacts;
import dev.portcullis.model.Finding;
import dev.portcullis.model.LifecycleScripts;
import dev.portcullis.tarball.TarballFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The diff of two versions of a package — pure: the engine fetches, analyses and judges both sides
 * ({@link PackageSide}) and this compares them. Files by path (content and mode), capabilities by capability, file
 * and detail (a call that moved within a file is not a change; one that appears in a file that had none is),
 * lifecycle scripts, the dependencies of package.json, publication facts and findings by rule and file.
 */
public final class PackageDiffer {
    /**
     * What npm runs when it installs a published package; not {@code prepare}, which it runs only when it builds a
     * package from its sources, and which most published packages carry for their own build.
     */
    static final List<String> SCRIPTS = LifecycleScripts.FROM_TARBALL;
    /** The implicit install script: npm runs {@code node-gyp rebuild} when binding.gyp exists and no install does. */
    static final String IMPLICIT_GYP = "install (implicit: binding.gyp)";
    private static final List<String> DEPENDENCY_TYPES = List.of("dependencies", "optionalDependencies",
            "peerDependencies");
    private static final int MAX_EVIDENCE = 200;

    private final DiffLimits limits;

    public PackageDiffer(DiffLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * What changed from {@code from} to {@code to}.
     *
     * @param from the old version, or null when the package was added
     * @param to the new version, or null when it was removed
     */
    public PackageDiff diff(PackageSide from, PackageSide to) {
        if (from == null && to == null) {
            throw new IllegalArgumentException("a diff needs at least one side");
        }
        String name = to != null && !to.name().isEmpty() ? to.name() : from != null ? from.name() : "";
        PackageDiff.Kind kind = from == null ? PackageDiff.Kind.ADDED : to == null ? PackageDiff.Kind.REMOVED
                : PackageDiff.Kind.CHANGED;
        PackageDiff.Size size = new PackageDiff.Size(from == null ? 0 : from.files().size(),
                to == null ? 0 : to.files().size(), from == null ? 0 : from.bytes(), to == null ? 0 : to.bytes());
        String fromVersion = from == null ? null : from.version();
        String toVersion = to == null ? null : to.version();
        if (to == null) {
            return new PackageDiff(name, fromVersion, null, kind, size, List.of(), 0, List.of(), 0, List.of(),
                    List.of(), List.of(), List.of());
        }
        List<FileChange> files = files(from, to);
        int filesOmitted = Math.max(0, files.size() - limits.maxFiles());
        List<CapabilityChange> capabilities = capabilities(from, to);
        int capabilitiesOmitted = Math.max(0, capabilities.size() - limits.maxCapabilityChanges());
        return new PackageDiff(name, fromVersion, toVersion, kind, size,
                files.subList(0, files.size() - filesOmitted), filesOmitted,
                capabilities.subList(0, capabilities.size() - capabilitiesOmitted), capabilitiesOmitted,
                scripts(from, to), dependencies(from, to), publication(from, to), newFindings(from, to));
    }

    // ---- files

    private List<FileChange> files(PackageSide from, PackageSide to) {
        Map<String, TarballFile> old = byPath(from);
        Map<String, TarballFile> neu = byPath(to);
        Map<String, Boolean> minifiedByFacts = new HashMap<>();
        for (PackageSide side : from == null ? List.of(to) : List.of(from, to)) {
            for (FileFacts facts : side.facts()) {
                minifiedByFacts.merge(facts.path(), facts.minified(), Boolean::logicalOr);
            }
        }
        Set<String> paths = new TreeSet<>(old.keySet());
        paths.addAll(neu.keySet());
        List<FileChange> changes = new ArrayList<>();
        int budget = limits.maxDiffLinesPerPackage();
        for (String path : paths) {
            TarballFile a = old.get(path);
            TarballFile b = neu.get(path);
            if (a != null && b != null && a.buffer().equals(b.buffer()) && a.mode() == b.mode()) {
                continue;
            }
            Status status = a == null ? Status.ADDED : b == null ? Status.REMOVED : Status.CHANGED;
            FileChange change = fileChange(path, status, a, b, minifiedByFacts.getOrDefault(path, false),
                    from != null && budget > 0, budget);
            if (change.diff() != null) {
                budget -= (int) change.diff().lines().count();
            }
            changes.add(change);
        }
        // removed and changed files before added ones of the same rank would hide what is new: new files lead
        changes.sort(Comparator.comparing((FileChange c) -> switch (c.status()) {
            case ADDED -> 0;
            case CHANGED -> 1;
            case REMOVED -> 2;
        }).thenComparing(FileChange::path));
        return changes;
    }

    private FileChange fileChange(String path, Status status, TarballFile a, TarballFile b, boolean minifiedFact,
                                  boolean showDiff, int budget) {
        long fromBytes = a == null ? 0 : a.size();
        long toBytes = b == null ? 0 : b.size();
        List<String> notes = new ArrayList<>();
        if (a != null && b != null && a.mode() != b.mode()) {
            notes.add("mode " + Integer.toOctalString(a.mode()) + " → " + Integer.toOctalString(b.mode()));
        }
        if (TextDiff.binary(a) || TextDiff.binary(b)) {
            return new FileChange(path, status, fromBytes, toBytes, Content.BINARY, null, joined(notes));
        }
        if (fromBytes > limits.maxTextFileBytes() || toBytes > limits.maxTextFileBytes()) {
            notes.add("larger than " + limits.maxTextFileBytes() / 1024 + " KiB: not diffed");
            return new FileChange(path, status, fromBytes, toBytes, Content.LARGE, null, joined(notes));
        }
        String oldText = a == null ? null : a.text();
        String newText = b == null ? null : b.text();
        if (minifiedFact || oldText != null && TextDiff.minified(oldText)
                || newText != null && TextDiff.minified(newText)) {
            return new FileChange(path, status, fromBytes, toBytes, Content.MINIFIED, null, joined(notes));
        }
        if (status == Status.REMOVED || (oldText != null && oldText.equals(newText))) {
            return new FileChange(path, status, fromBytes, toBytes, Content.TEXT, null, joined(notes));
        }
        List<String> oldLines = oldText == null ? null : TextDiff.lines(oldText);
        List<String> newLines = TextDiff.lines(newText);
        if (oldLines != null && oldLines.size() > limits.maxLinesPerSide() || newLines.size() > limits.maxLinesPerSide()) {
            notes.add("more than " + limits.maxLinesPerSide() + " lines: not diffed");
            return new FileChange(path, status, fromBytes, toBytes, Content.LARGE, null, joined(notes));
        }
        if (!showDiff) {
            if (budget <= 0) {
                notes.add("diff not shown: the package's diff reached " + limits.maxDiffLinesPerPackage() + " lines");
            }
            return new FileChange(path, status, fromBytes, toBytes, Content.TEXT, null, joined(notes));
        }
        List<String> unified = TextDiff.unified(path, oldLines, newLines, limits.contextLines());
        int keep = Math.min(unified.size(), Math.min(limits.maxDiffLinesPerFile(), budget));
        if (keep < unified.size()) {
            notes.add((unified.size() - keep) + " more diff lines not shown");
        }
        String diff = unified.isEmpty() ? null : String.join("\n", unified.subList(0, keep)) + "\n";
        return new FileChange(path, status, fromBytes, toBytes, Content.TEXT, diff, joined(notes));
    }

    private static Map<String, TarballFile> byPath(PackageSide side) {
        Map<String, TarballFile> out = new HashMap<>();
        if (side != null) {
            side.files().forEach(f -> out.put(f.path(), f));
        }
        return out;
    }

    private static String joined(List<String> notes) {
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    // ---- capabilities

    /** One capability at one place; the key ignores the line, so code that only moved is no change. */
    private record Shown(Capability capability, String file, String detail, int line, String evidence) {
        String key() {
            return capability + "\u0000" + file + "\u0000" + detail;
        }
    }

    private List<CapabilityChange> capabilities(PackageSide from, PackageSide to) {
        Map<String, Shown> old = shown(from);
        Map<String, Shown> neu = shown(to);
        Set<Capability> oldKinds = kinds(old);
        Set<Capability> newKinds = kinds(neu);
        List<CapabilityChange> changes = new ArrayList<>();
        neu.forEach((key, s) -> {
            if (!old.containsKey(key)) {
                changes.add(change(s, Direction.GAINED, !oldKinds.contains(s.capability())));
            }
        });
        old.forEach((key, s) -> {
            if (!neu.containsKey(key)) {
                changes.add(change(s, Direction.LOST, !newKinds.contains(s.capability())));
            }
        });
        changes.sort(Comparator.comparing(CapabilityChange::direction)
                .thenComparing(c -> !c.newToPackage())
                .thenComparing(CapabilityChange::capability)
                .thenComparing(CapabilityChange::file).thenComparingInt(CapabilityChange::line)
                .thenComparing(CapabilityChange::detail));
        return changes;
    }

    private static CapabilityChange change(Shown s, Direction direction, boolean newToPackage) {
        return new CapabilityChange(s.capability(), direction, s.file(), s.line(), s.detail(), s.evidence(),
                newToPackage);
    }

    private static Map<String, Shown> shown(PackageSide side) {
        Map<String, Shown> out = new LinkedHashMap<>();
        if (side == null) {
            return out;
        }
        for (FileFacts file : side.facts()) {
            for (Fact fact : file.facts()) {
                Capability.of(fact.kind()).ifPresent(capability -> {
                    String evidence = fact.evidence().length() > MAX_EVIDENCE
                            ? fact.evidence().substring(0, MAX_EVIDENCE) + "…" : fact.evidence();
                    Shown s = new Shown(capability, file.path(), fact.detail(), fact.line(), evidence);
                    out.putIfAbsent(s.key(), s);
                });
            }
        }
        return out;
    }

    private static Set<Capability> kinds(Map<String, Shown> shown) {
        Set<Capability> kinds = EnumSet.noneOf(Capability.class);
        shown.values().forEach(s -> kinds.add(s.capability()));
        return kinds;
    }

    // ---- package.json

    private static List<ScriptChange> scripts(PackageSide from, PackageSide to) {
        Map<String, String> old = scripts(from);
        Map<String, String> neu = scripts(to);
        List<ScriptChange> changes = new ArrayList<>();
        Set<String> names = new TreeSet<>(Comparator.comparingInt(PackageDiffer::scriptOrder)
                .thenComparing(Comparator.naturalOrder()));
        names.addAll(old.keySet());
        names.addAll(neu.keySet());
        for (String script : names) {
            String a = old.get(script);
            String b = neu.get(script);
            if (!Objects.equals(a, b)) {
                changes.add(new ScriptChange(script, a, b));
            }
        }
        return changes;
    }

    private static int scriptOrder(String script) {
        int i = SCRIPTS.indexOf(script);
        return i < 0 ? SCRIPTS.size() : i;
    }

    /** The scripts npm runs at install, and the implicit node-gyp build when binding.gyp exists and no install. */
    private static Map<String, String> scripts(PackageSide side) {
        Map<String, String> out = new TreeMap<>();
        if (side == null) {
            return out;
        }
        JsonNode scripts = side.manifest() == null ? null : side.manifest().path("scripts");
        for (String script : SCRIPTS) {
            if (scripts != null && scripts.path(script).isTextual()) {
                out.put(script, scripts.get(script).asText());
            }
        }
        boolean gyp = side.files().stream().anyMatch(f -> f.path().equals("binding.gyp"));
        if (gyp && !out.containsKey("install") && !out.containsKey("preinstall")) {
            out.put(IMPLICIT_GYP, "node-gyp rebuild");
        }
        return out;
    }

    private static List<DependencyChange> dependencies(PackageSide from, PackageSide to) {
        List<DependencyChange> changes = new ArrayList<>();
        for (String type : DEPENDENCY_TYPES) {
            Map<String, String> old = dependencyMap(from, type);
            Map<String, String> neu = dependencyMap(to, type);
            Set<String> names = new TreeSet<>(old.keySet());
            names.addAll(neu.keySet());
            for (String name : names) {
                if (!Objects.equals(old.get(name), neu.get(name))) {
                    changes.add(new DependencyChange(type, name, old.get(name), neu.get(name)));
                }
            }
        }
        Set<String> oldBundled = bundled(from);
        Set<String> newBundled = bundled(to);
        for (String name : new TreeSet<>(union(oldBundled, newBundled))) {
            if (oldBundled.contains(name) != newBundled.contains(name)) {
                changes.add(new DependencyChange("bundleDependencies", name,
                        oldBundled.contains(name) ? "bundled" : null, newBundled.contains(name) ? "bundled" : null));
            }
        }
        // added first, then changed, then removed: what now gets installed leads
        changes.sort(Comparator.comparingInt((DependencyChange c) -> c.from() == null ? 0 : c.to() == null ? 2 : 1));
        return changes;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static Map<String, String> dependencyMap(PackageSide side, String type) {
        Map<String, String> out = new TreeMap<>();
        if (side == null || side.manifest() == null) {
            return out;
        }
        side.manifest().path(type).properties().forEach(e -> out.put(e.getKey(), e.getValue().isTextual()
                ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }

    private static Set<String> bundled(PackageSide side) {
        Set<String> out = new TreeSet<>();
        if (side == null || side.manifest() == null) {
            return out;
        }
        for (String field : List.of("bundleDependencies", "bundledDependencies")) {
            JsonNode list = side.manifest().path(field);
            if (list.isArray()) {
                list.forEach(n -> {
                    if (n.isTextual()) {
                        out.add(n.asText());
                    }
                });
            } else if (list.isBoolean() && list.asBoolean()) {
                out.addAll(dependencyMap(side, "dependencies").keySet());
            }
        }
        return out;
    }

    // ---- publication and findings

    private static List<PublicationChange> publication(PackageSide from, PackageSide to) {
        List<PublicationChange> changes = new ArrayList<>();
        if (from == null) {
            return changes;
        }
        PackageSide.Publication a = from.publication();
        PackageSide.Publication b = to.publication();
        if (a.publisher() != null && b.publisher() != null && !a.publisher().equals(b.publisher())) {
            changes.add(new PublicationChange("publisher", a.publisher(), b.publisher()));
        }
        if (a.provenance() != b.provenance()) {
            changes.add(new PublicationChange("provenance", presence(a.provenance()), presence(b.provenance())));
        }
        if (a.signed() != b.signed()) {
            changes.add(new PublicationChange("signature", presence(a.signed()), presence(b.signed())));
        }
        return changes;
    }

    private static String presence(boolean present) {
        return present ? "present" : "absent";
    }

    private static List<Finding> newFindings(PackageSide from, PackageSide to) {
        Set<String> old = new HashSet<>();
        if (from != null) {
            from.findings().forEach(f -> old.add(findingKey(f, from)));
        }
        return to.findings().stream().filter(f -> !old.contains(findingKey(f, to))).toList();
    }

    /**
     * A finding's identity across versions: its rule, its file inside the package and its message, with the
     * version's own label written out of the file and every number out of the message (metadata and advisory
     * findings name the version; content findings the line, which moves with every edit above it).
     */
    private static String findingKey(Finding f, PackageSide side) {
        String file = f.location().file();
        String label = side.name() + "@" + side.version();
        if (file.equals(label)) {
            file = "";
        } else if (file.startsWith(label + "/")) {
            file = file.substring(label.length() + 1);
        }
        return f.rule().id() + "\u0000" + file + "\u0000" + f.message().replaceAll("[0-9]+", "#");
    }
}
