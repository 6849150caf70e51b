package dev.portcullis.policy;

import dev.portcullis.analysis.meta.MetadataSettings;
import dev.portcullis.model.Location;
import dev.portcullis.model.Severity;
import dev.portcullis.model.Verdict;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * portcullis.yml, read and validated. Defaults (an absent file) are safe: fail on high, only the configured
 * registries, no remote sources, every dependency pinned, no install scripts allowed.
 *
 * @param file where it was read from, or null for the built-in defaults
 * @param failOn the lowest severity that fails the run
 * @param allowedHosts registry hosts allowed in addition to those configured in .npmrc
 * @param allowedRemoteSources package names or URL/path prefixes allowed to come from git, URLs or local paths
 * @param pinDevDependencies whether devDependencies must be exact versions too
 * @param scriptAllowlist packages allowed to run install scripts ({@code name@version-or-range})
 * @param rules per-rule severity overrides; a null severity turns the rule off
 * @param ignores accepted findings, each with a reason
 * @param verdict how a package's findings become its verdict in {@code inspect} and {@code scan --deep}
 * @param failOnVerdict the mildest package verdict that fails {@code inspect} (review or block; never allow)
 * @param metadata the settings of the registry-metadata rules ({@code meta/*})
 * @param privateHosts hosts a download may reach although they resolve to a loopback, private or link-local
 *     address (an internal tarball host that is not a configured registry); configured registries need no entry
 * @param deny package versions never let in, each with its reason ({@code deny:})
 * @param allow package versions let in whatever their findings say, each with its reason ({@code allow:})
 * @param provenance who must build which packages ({@code provenance:}), checked by {@code verify}
 */
public record Policy(String file, Severity failOn, List<String> allowedHosts, List<String> allowedRemoteSources,
                     boolean pinDevDependencies, List<String> scriptAllowlist, Map<String, RuleOverride> rules,
                     List<Ignore> ignores, VerdictThresholds verdict, Verdict failOnVerdict, Metadata metadata,
                     List<String> privateHosts, List<PackageEntry> deny, List<PackageEntry> allow,
                     List<ProvenancePin> provenance) {

    /**
     * The build a package (or every package of a scope) must come from: {@code verify} reports a version whose
     * provenance names another repository or workflow, or that has none.
     *
     * @param pattern a package name, or a scope as {@code @scope/*}
     * @param repository the source repository ({@code github.com/o/r}; scheme and {@code .git} optional)
     * @param workflow the workflow file in the building repository ({@code .github/workflows/release.yml}), or null
     *     for any
     */
    public record ProvenancePin(String pattern, String repository, String workflow, Location location) {
        public ProvenancePin {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(location, "location");
        }

        public boolean matches(String name) {
            return pattern.endsWith("/*") ? name.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(name);
        }
    }

    /** The pin of {@code name}: its own, else its scope's. */
    public java.util.Optional<ProvenancePin> provenancePin(String name) {
        return provenance.stream().filter(p -> p.pattern().equals(name)).findFirst()
                .or(() -> provenance.stream().filter(p -> p.matches(name)).findFirst());
    }

    /** A policy without provenance pins. */
    public Policy(String file, Severity failOn, List<String> allowedHosts, List<String> allowedRemoteSources,
                  boolean pinDevDependencies, List<String> scriptAllowlist, Map<String, RuleOverride> rules,
                  List<Ignore> ignores, VerdictThresholds verdict, Verdict failOnVerdict, Metadata metadata,
                  List<String> privateHosts, List<PackageEntry> deny, List<PackageEntry> allow) {
        this(file, failOn, allowedHosts, allowedRemoteSources, pinDevDependencies, scriptAllowlist, rules, ignores,
                verdict, failOnVerdict, metadata, privateHosts, deny, allow, List.of());
    }

    /**
     * The metadata rules' settings.
     *
     * @param minReleaseAge versions younger than this are {@code meta/too-new} (default 3 days)
     * @param unmaintainedAfter no release for this long is {@code meta/unmaintained} (default 3 years)
     * @param privateScopes the organisation's scopes ({@code @acme}), for {@code meta/dependency-confusion}
     * @param privatePackages the organisation's unscoped names or patterns ({@code acme-*})
     * @param typosquatAllow names never reported by {@code meta/typosquat}
     */
    public record Metadata(Duration minReleaseAge, Duration unmaintainedAfter, List<String> privateScopes,
                           List<String> privatePackages, List<String> typosquatAllow) {
        public static final Metadata DEFAULTS = new Metadata(MetadataSettings.DEFAULT_MIN_RELEASE_AGE,
                MetadataSettings.DEFAULT_UNMAINTAINED_AFTER, List.of(), List.of(), List.of());

        public Metadata {
            Objects.requireNonNull(minReleaseAge, "minReleaseAge");
            Objects.requireNonNull(unmaintainedAfter, "unmaintainedAfter");
            privateScopes = List.copyOf(privateScopes);
            privatePackages = List.copyOf(privatePackages);
            typosquatAllow = List.copyOf(typosquatAllow);
        }

        /** The settings the rules read. */
        public MetadataSettings settings() {
            return new MetadataSettings(minReleaseAge, unmaintainedAfter, MetadataSettings.DEFAULT_DORMANT_AFTER,
                    privateScopes, privatePackages, typosquatAllow.stream()
                    .map(n -> n.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet()),
                    MetadataSettings.PUBLIC_REGISTRY_HOSTS);
        }
    }

    /** A rule's severity as the policy sets it; {@code severity} null means the rule is off. */
    public record RuleOverride(String rule, Severity severity, Location location) {
        public RuleOverride {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * An accepted finding. {@code packageName}, {@code version} and {@code file} narrow it when given;
     * {@code until} is the last day it applies, or null for no expiry.
     */
    public record Ignore(String rule, String packageName, String version, String file, String reason, LocalDate until,
                         Location location) {
        public Ignore {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(location, "location");
        }
    }

    public Policy {
        Objects.requireNonNull(failOn, "failOn");
        allowedHosts = List.copyOf(allowedHosts);
        allowedRemoteSources = List.copyOf(allowedRemoteSources);
        scriptAllowlist = List.copyOf(scriptAllowlist);
        rules = Map.copyOf(rules);
        ignores = List.copyOf(ignores);
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(failOnVerdict, "failOnVerdict");
        Objects.requireNonNull(metadata, "metadata");
        privateHosts = List.copyOf(privateHosts);
        deny = List.copyOf(deny);
        allow = List.copyOf(allow);
        provenance = List.copyOf(provenance);
        if (failOnVerdict == Verdict.ALLOW) {
            throw new IllegalArgumentException("failOnVerdict must be review or block: allow would fail every run");
        }
    }

    /** A policy without deny or allow entries. */
    public Policy(String file, Severity failOn, List<String> allowedHosts, List<String> allowedRemoteSources,
                  boolean pinDevDependencies, List<String> scriptAllowlist, Map<String, RuleOverride> rules,
                  List<Ignore> ignores, VerdictThresholds verdict, Verdict failOnVerdict, Metadata metadata,
                  List<String> privateHosts) {
        this(file, failOn, allowedHosts, allowedRemoteSources, pinDevDependencies, scriptAllowlist, rules, ignores,
                verdict, failOnVerdict, metadata, privateHosts, List.of(), List.of(), List.of());
    }

    /** A policy that names no private host. */
    public Policy(String file, Severity failOn, List<String> allowedHosts, List<String> allowedRemoteSources,
                  boolean pinDevDependencies, List<String> scriptAllowlist, Map<String, RuleOverride> rules,
                  List<Ignore> ignores, VerdictThresholds verdict, Verdict failOnVerdict, Metadata metadata) {
        this(file, failOn, allowedHosts, allowedRemoteSources, pinDevDependencies, scriptAllowlist, rules, ignores,
                verdict, failOnVerdict, metadata, List.of());
    }

    /** A policy with the default metadata settings. */
    public Policy(String file, Severity failOn, List<String> allowedHosts, List<String> allowedRemoteSources,
                  boolean pinDevDependencies, List<String> scriptAllowlist, Map<String, RuleOverride> rules,
                  List<Ignore> ignores, VerdictThresholds verdict, Verdict failOnVerdict) {
        this(file, failOn, allowedHosts, allowedRemoteSources, pinDevDependencies, scriptAllowlist, rules, ignores,
                verdict, failOnVerdict, Metadata.DEFAULTS);
    }

    /** A policy with the default verdict settings (block on critical, review on high, fail on block). */
    public Policy(String file, Severity failOn, List<String> allowedHosts, List<String> allowedRemoteSources,
                  boolean pinDevDependencies, List<String> scriptAllowlist, Map<String, RuleOverride> rules,
                  List<Ignore> ignores) {
        this(file, failOn, allowedHosts, allowedRemoteSources, pinDevDependencies, scriptAllowlist, rules, ignores,
                VerdictThresholds.defaults(), Verdict.BLOCK);
    }

    public static Policy defaults() {
        return new Policy(null, Severity.HIGH, List.of(), List.of(), true, List.of(), Map.of(), List.of());
    }

    public Policy withFailOn(Severity severity) {
        return new Policy(file, severity, allowedHosts, allowedRemoteSources, pinDevDependencies, scriptAllowlist,
                rules, ignores, verdict, failOnVerdict, metadata, privateHosts, deny, allow, provenance);
    }

    /** The {@code deny:} entry naming {@code name@version}, if any. */
    public java.util.Optional<PackageEntry> denied(String name, String version) {
        return deny.stream().filter(e -> e.matches(name, version)).findFirst();
    }

    /** The {@code allow:} entry naming {@code name@version}, if any. */
    public java.util.Optional<PackageEntry> allowed(String name, String version) {
        return allow.stream().filter(e -> e.matches(name, version)).findFirst();
    }

    /** Whether the policy turned this rule off. */
    public boolean off(String rule) {
        RuleOverride override = rules.get(rule);
        return override != null && override.severity() == null;
    }
}
