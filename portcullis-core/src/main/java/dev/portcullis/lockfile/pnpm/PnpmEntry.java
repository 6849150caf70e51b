package dev.portcullis.lockfile.pnpm;

import dev.portcullis.model.InputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@code packages:} or {@code snapshots:}, kept compact: the lockfile's YAML tree of the entry is
 * dropped as soon as this is made, so a huge lockfile is held only as these.
 *
 * @param dev pnpm 5/6's {@code dev:} (true, false, or null when absent: used by both prod and dev)
 * @param requiresBuild pnpm 5/6's {@code requiresBuild:}; null when absent
 */
record PnpmEntry(String key, int line, String name, String version, Resolution resolution, Boolean dev,
                 boolean optional, Boolean requiresBuild, List<String> os, List<String> cpu,
                 Map<String, String> dependencies, Map<String, String> optionalDependencies, Set<String> peers) {

    /** {@code resolution:} as written; all fields null when absent. */
    record Resolution(String integrity, String tarball, String type, String repo, String commit, String directory) {
        static final Resolution NONE = new Resolution(null, null, null, null, null, null);
    }

    PnpmEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(resolution, "resolution");
        os = List.copyOf(os);
        cpu = List.copyOf(cpu);
        // insertion-ordered and unmodifiable: Map.copyOf would iterate in a different order on every run
        dependencies = ordered(dependencies);
        optionalDependencies = ordered(optionalDependencies);
        peers = Set.copyOf(peers);
    }

    static PnpmEntry of(String key, YMap map) throws InputException {
        YMap resolution = map.map("resolution");
        Resolution r = resolution == null ? Resolution.NONE : new Resolution(resolution.string("integrity"),
                resolution.string("tarball"), resolution.string("type"), resolution.string("repo"),
                resolution.string("commit"), resolution.string("directory"));
        String dev = map.string("dev");
        String requiresBuild = map.string("requiresBuild");
        YMap peers = map.map("peerDependencies");
        return new PnpmEntry(key, map.line(), map.string("name"), map.string("version"), r,
                dev == null ? null : Boolean.valueOf(dev.equals("true")),
                map.isTrue("optional"),
                requiresBuild == null ? null : Boolean.valueOf(requiresBuild.equals("true")),
                map.strings("os"), map.strings("cpu"),
                map.stringMap("dependencies"), map.stringMap("optionalDependencies"),
                peers == null ? Set.of() : Set.copyOf(peers.keys()));
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
