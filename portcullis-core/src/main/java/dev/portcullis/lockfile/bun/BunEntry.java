package dev.portcullis.lockfile.bun;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of bun.lock's {@code packages:}: its install path key ({@code parent/child} for a copy that is not
 * hoisted), the {@code name@spec} it resolves to, and what its metadata object records.
 *
 * @param registry the second field of a registry entry ("" for the default registry); null for other shapes
 * @param extra the last string of a non-registry entry: integrity for tarballs, the commit or tag for git
 */
record BunEntry(String key, int line, String name, String spec, String registry, String integrity, String extra,
                Map<String, String> dependencies, Map<String, String> optionalDependencies,
                Map<String, String> peerDependencies, Set<String> optionalPeers, List<String> os, List<String> cpu,
                List<String> bins, boolean bundled, Boolean hasInstallScript) {

    BunEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        dependencies = ordered(dependencies);
        optionalDependencies = ordered(optionalDependencies);
        peerDependencies = ordered(peerDependencies);
        optionalPeers = Set.copyOf(optionalPeers);
        os = List.copyOf(os);
        cpu = List.copyOf(cpu);
        bins = List.copyOf(bins);
    }

    // insertion order, so edges come out in lockfile order on every run (Map.copyOf would shuffle them)
    private static Map<String, String> ordered(Map<String, String> map) {
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
