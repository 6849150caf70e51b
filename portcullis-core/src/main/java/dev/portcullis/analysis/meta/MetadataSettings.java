package dev.portcullis.analysis.meta;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The policy's settings for the metadata rules, handed down by the engine (the policy package comes after this one).
 *
 * @param minReleaseAge a version younger than this is {@code meta/too-new}
 * @param unmaintainedAfter no release for this long is {@code meta/unmaintained}
 * @param dormantAfter a release after a gap this long is {@code meta/dormant-revival}
 * @param privateScopes scopes that are the organisation's own ({@code @acme})
 * @param privatePackages name patterns that are the organisation's own ({@code acme-*}, {@code internal-tool})
 * @param typosquatAllow names never reported as typosquats
 * @param publicRegistryHosts hosts of public registries, where a private name must never resolve
 * @param platformPackages names that a locked package lists in its optionalDependencies within its own family
 *     ({@code @esbuild/linux-x64} of {@code esbuild}): the run's lockfile says who installs them, so they are never
 *     typosquats ({@link Typosquat#platformPackages})
 */
public record MetadataSettings(Duration minReleaseAge, Duration unmaintainedAfter, Duration dormantAfter,
                               List<String> privateScopes, List<String> privatePackages, Set<String> typosquatAllow,
                               Set<String> publicRegistryHosts, Set<String> platformPackages) {
    public static final Duration DEFAULT_MIN_RELEASE_AGE = Duration.ofDays(3);
    public static final Duration DEFAULT_UNMAINTAINED_AFTER = Duration.ofDays(3 * 365);
    public static final Duration DEFAULT_DORMANT_AFTER = Duration.ofDays(365);
    public static final Set<String> PUBLIC_REGISTRY_HOSTS = Set.of("registry.npmjs.org", "registry.yarnpkg.com",
            "registry.npmmirror.com");

    public MetadataSettings {
        Objects.requireNonNull(minReleaseAge, "minReleaseAge");
        Objects.requireNonNull(unmaintainedAfter, "unmaintainedAfter");
        Objects.requireNonNull(dormantAfter, "dormantAfter");
        privateScopes = List.copyOf(privateScopes);
        privatePackages = List.copyOf(privatePackages);
        typosquatAllow = Set.copyOf(typosquatAllow);
        publicRegistryHosts = Set.copyOf(publicRegistryHosts);
        platformPackages = Set.copyOf(platformPackages);
    }

    /** The policy's settings, before a lockfile names any platform package. */
    public MetadataSettings(Duration minReleaseAge, Duration unmaintainedAfter, Duration dormantAfter,
                            List<String> privateScopes, List<String> privatePackages, Set<String> typosquatAllow,
                            Set<String> publicRegistryHosts) {
        this(minReleaseAge, unmaintainedAfter, dormantAfter, privateScopes, privatePackages, typosquatAllow,
                publicRegistryHosts, Set.of());
    }

    /** These settings for a run whose lockfile lists these platform packages. */
    public MetadataSettings withPlatformPackages(Set<String> names) {
        return new MetadataSettings(minReleaseAge, unmaintainedAfter, dormantAfter, privateScopes, privatePackages,
                typosquatAllow, publicRegistryHosts, names);
    }

    public static MetadataSettings defaults() {
        return new MetadataSettings(DEFAULT_MIN_RELEASE_AGE, DEFAULT_UNMAINTAINED_AFTER, DEFAULT_DORMANT_AFTER,
                List.of(), List.of(), Set.of(), PUBLIC_REGISTRY_HOSTS);
    }
}
