package dev.portcullis.engine;

import dev.portcullis.lockfile.LockfileReader;
import dev.portcullis.lockfile.LockfileReaders;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Redaction;
import dev.portcullis.model.Source;
import dev.portcullis.semver.Version;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two lockfiles → the pairs of registry versions to compare: per package name, the versions only the new lockfile
 * locks are paired with the versions only the old one locks (each new version with the highest old one not above
 * it, else the lowest above it); what is left over was added or removed. A version locked by both with a different
 * integrity is compared with itself, each side verified against its own lockfile's integrity: a lockfile edited to
 * point at other bytes shows as an integrity failure. Packages from git, URLs, directories and workspaces are not
 * registry versions and are counted apart.
 */
final class LockfileDiff {
    private LockfileDiff() {
    }

    /**
     * The pairs and a note on what was left out.
     *
     * @param skipped one sentence per kind of change not compared (non-registry sources), or none
     */
    record Pairs(List<PackageDiffStage.Pair> pairs, List<String> skipped) {
        Pairs {
            pairs = List.copyOf(pairs);
            skipped = List.copyOf(skipped);
        }
    }

    /** A lockfile of any format, read from {@code bytes}; its format from {@code fileName} and its first characters. */
    static Lockfile read(String shown, String fileName, byte[] bytes) throws InputException, IOException {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        LockfileReader reader = LockfileReaders.find(fileName, head).orElseThrow(() -> new InputException(
                Location.of(shown), "not a lockfile format Portcullis reads (package-lock.json, npm-shrinkwrap.json, "
                + "pnpm-lock.yaml, yarn.lock or bun.lock, by name; it begins '" + Redaction.snippet(head) + "')"));
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return reader.read(shown, in);
        }
    }

    /** @param locked how a locked registry package is fetched (its URL and integrity, as {@code scan --deep} does) */
    static Pairs pairs(Lockfile from, Lockfile to, java.util.function.Function<PackageNode, PackageDiffStage.Locked> locked) {
        Map<String, Map<String, PackageNode>> old = registryVersions(from);
        Map<String, Map<String, PackageNode>> neu = registryVersions(to);
        List<PackageDiffStage.Pair> pairs = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(old.keySet());
        names.addAll(neu.keySet());
        for (String name : names) {
            Map<String, PackageNode> a = old.getOrDefault(name, Map.of());
            Map<String, PackageNode> b = neu.getOrDefault(name, Map.of());
            List<String> removed = sorted(a.keySet().stream().filter(v -> !b.containsKey(v)).toList());
            List<String> added = sorted(b.keySet().stream().filter(v -> !a.containsKey(v)).toList());
            for (String version : a.keySet()) {
                if (b.containsKey(version) && otherBytes(a.get(version).integrity(), b.get(version).integrity())) {
                    pairs.add(new PackageDiffStage.Pair(locked.apply(a.get(version)), locked.apply(b.get(version))));
                }
            }
            for (String version : added) {
                String partner = partner(version, removed);
                if (partner != null) {
                    removed.remove(partner);
                }
                pairs.add(new PackageDiffStage.Pair(partner == null ? null : locked.apply(a.get(partner)),
                        locked.apply(b.get(version))));
            }
            for (String version : removed) {
                pairs.add(new PackageDiffStage.Pair(locked.apply(a.get(version)), null));
            }
        }
        int otherFrom = otherSources(from);
        int otherTo = otherSources(to);
        List<String> skipped = otherFrom + otherTo == 0 ? List.of() : List.of("packages from git, URLs, "
                + "directories and workspaces are not compared (" + otherFrom + " in " + from.file() + ", " + otherTo
                + " in " + to.file() + ")");
        return new Pairs(pairs, skipped);
    }

    /** The highest of {@code candidates} not above {@code version}, else the lowest above it; null when none. */
    private static String partner(String version, List<String> candidates) {
        String best = null;
        for (String candidate : candidates) {
            if (ORDER.compare(candidate, version) <= 0) {
                best = candidate;
            }
        }
        return best != null ? best : candidates.isEmpty() ? null : candidates.getFirst();
    }

    /** Semver order; versions that are not semver after, by text. */
    private static final Comparator<String> ORDER = (x, y) -> {
        var a = Version.parse(x, true);
        var b = Version.parse(y, true);
        if (a.isPresent() && b.isPresent()) {
            int c = a.get().compareTo(b.get());
            return c != 0 ? c : x.compareTo(y);
        }
        return a.isPresent() ? -1 : b.isPresent() ? 1 : x.compareTo(y);
    };

    private static List<String> sorted(List<String> versions) {
        List<String> out = new ArrayList<>(versions);
        out.sort(ORDER);
        return out;
    }

    /** name → version → the first node locking it, registry packages with a version only. */
    private static Map<String, Map<String, PackageNode>> registryVersions(Lockfile lockfile) {
        Map<String, Map<String, PackageNode>> out = new TreeMap<>();
        if (lockfile == null) {
            return out;
        }
        for (PackageNode node : lockfile.graph().packages()) {
            if (node.source() instanceof Source.Registry && !node.version().isEmpty()) {
                out.computeIfAbsent(node.name(), k -> new HashMap<>()).putIfAbsent(node.version(), node);
            }
        }
        return out;
    }

    private static int otherSources(Lockfile lockfile) {
        return lockfile == null ? 0 : (int) lockfile.graph().packages().stream()
                .filter(n -> !(n.source() instanceof Source.Registry) && !(n.source() instanceof Source.Workspace))
                .map(PackageNode::id).distinct().count();
    }

    /** Two integrities of one algorithm that differ: the same version locked to other bytes. */
    private static boolean otherBytes(String a, String b) {
        return a != null && b != null && !a.equals(b) && algorithm(a).equals(algorithm(b));
    }

    private static String algorithm(String integrity) {
        int end = integrity.indexOf('-');
        int slash = integrity.indexOf('/');
        return end < 0 && slash < 0 ? "sha1-hex" : integrity.substring(0, end < 0 || slash >= 0 && slash < end ? slash
                : end);
    }
}
