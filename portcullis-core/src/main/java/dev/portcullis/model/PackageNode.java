package dev.portcullis.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One locked package instance: npm may hold the same name@version in several places of the tree,
 * yarn and pnpm hold each once.
 *
 * @param key unique within its graph, as the lockfile names it ({@code node_modules/a/node_modules/b},
 *            {@code a@1.0.0}, {@code /a@1.0.0(peer@2.0.0)} …)
 * @param name the package's real name (for an alias {@code "x": "npm:y@1"} this is {@code y})
 * @param alias the name it is installed under when that differs from {@code name}, else null
 * @param version the exact version; for git, tarball and local sources the version its manifest states,
 *                or the empty string when the lockfile does not say
 * @param source where it comes from
 * @param resolved the resolved address exactly as written in the lockfile, or null when absent
 * @param integrity the integrity string exactly as written (SRI or yarn berry checksum), or null when absent
 * @param flags the flags the lockfile records (or the reader derived from its structure)
 * @param installScripts whether it runs install-time scripts, as far as the lockfile tells
 * @param os the {@code os} restriction the lockfile records, empty when none
 * @param cpu the {@code cpu} restriction the lockfile records, empty when none
 * @param bins the command names of its {@code bin} entries when the lockfile records them, else empty
 * @param location the line of this entry in the lockfile
 */
public record PackageNode(String key, String name, String alias, String version, Source source,
                          String resolved, String integrity, Set<PackageFlag> flags,
                          InstallScripts installScripts, List<String> os, List<String> cpu,
                          List<String> bins, Location location) {
    public PackageNode {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(installScripts, "installScripts");
        Objects.requireNonNull(location, "location");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        os = List.copyOf(os);
        cpu = List.copyOf(cpu);
        bins = List.copyOf(bins);
        if (alias != null && alias.equals(name)) {
            alias = null;
        }
    }

    /** The name this instance is installed and required under. */
    public String installedName() {
        return alias != null ? alias : name;
    }

    /** {@code name@version}. */
    public String id() {
        return name + "@" + version;
    }

    public boolean has(PackageFlag flag) {
        return flags.contains(flag);
    }
}
