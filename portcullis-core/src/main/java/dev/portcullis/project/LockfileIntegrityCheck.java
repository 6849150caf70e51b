package dev.portcullis.project;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.LockfileFormat;
import dev.portcullis.model.PackageFlag;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.model.Source;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What lockfile-lint checks, on every format: how each locked package is fetched (https, from an allowed
 * registry, with a strong integrity hash) and whether its tarball URL names the package it claims to be.
 */
public final class LockfileIntegrityCheck implements ProjectCheck {

    public static final RuleDescriptor INSECURE_URL = new RuleDescriptor("lockfile/insecure-url", Severity.HIGH,
            "Package fetched over an unencrypted connection",
            "A resolved URL with http:// or git:// can be altered in transit by anyone on the network path, and the "
                    + "lockfile then locks whatever arrived.",
            "Point the entry at https:// (or git+ssh:// / git+https:// for git), for example by fixing the registry "
                    + "URL in .npmrc and regenerating the lockfile.");
    public static final RuleDescriptor FOREIGN_HOST = new RuleDescriptor("lockfile/foreign-host", Severity.HIGH,
            "Package fetched from a host that is not an allowed registry",
            "An entry resolved to an unexpected host is the signature of lockfile injection: a pull request that "
                    + "swaps one URL makes every install download the attacker's tarball.",
            "Regenerate the entry from your registry, or, if the host is legitimate, add it to "
                    + "registries.allowedHosts in portcullis.yml or configure it in .npmrc.");
    public static final RuleDescriptor MISSING_INTEGRITY = new RuleDescriptor("lockfile/missing-integrity",
            Severity.HIGH,
            "Package without an integrity hash",
            "Without a hash the client installs whatever the URL serves today; a compromised registry or mirror "
                    + "goes unnoticed.",
            "Regenerate the lockfile with a current client (delete the entry and install again) so that it records "
                    + "a sha512 integrity.");
    public static final RuleDescriptor WEAK_INTEGRITY = new RuleDescriptor("lockfile/weak-integrity", Severity.MEDIUM,
            "Package pinned only by a weak hash",
            "SHA-1 (and anything weaker) is broken for collision resistance; a hash an attacker can match does not "
                    + "pin the content.",
            "Regenerate the entry so that it records a sha512 integrity (npm, yarn >= 1.10 and pnpm do by default).");
    public static final RuleDescriptor NAME_MISMATCH = new RuleDescriptor("lockfile/name-mismatch", Severity.CRITICAL,
            "Tarball URL names another package or version",
            "When the resolved URL points at a different package or version than the entry claims, the install "
                    + "silently gets other code than the one reviewed: the classic lockfile-injection attack.",
            "Do not merge the change that introduced it; regenerate the entry from the registry and review who "
                    + "edited the lockfile.");

    private static final List<String> STRONG_ALGORITHMS = List.of("sha256", "sha384", "sha512");
    private static final Pattern SRI = Pattern.compile("\\s*[A-Za-z0-9]+-.*", Pattern.DOTALL);
    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    @Override
    public List<RuleDescriptor> rules() {
        return List.of(INSECURE_URL, FOREIGN_HOST, MISSING_INTEGRITY, WEAK_INTEGRITY, NAME_MISMATCH);
    }

    @Override
    public List<Finding> check(ProjectContext context) {
        Lockfile lockfile = context.lockfile();
        if (lockfile == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (PackageNode node : lockfile.graph().packages()) {
            checkUrl(node, context.settings(), findings);
            checkIntegrity(node, lockfile.format(), findings);
            checkName(node, findings);
        }
        return findings;
    }

    private static void checkUrl(PackageNode node, ProjectSettings settings, List<Finding> findings) {
        String url = switch (node.source()) {
            case Source.Registry r -> r.tarballUrl();
            case Source.RemoteTarball t -> t.url();
            case Source.Git g -> g.url();
            case Source.Local l -> null;
            case Source.Workspace w -> null;
        };
        if (url == null) {
            return;
        }
        String scheme = scheme(url);
        if (scheme.equals("http") || scheme.equals("git") || scheme.equals("git+http")) {
            findings.add(Finding.of(INSECURE_URL, node.name(), node.version(),
                    node.id() + " is fetched over " + scheme + "://, without encryption: " + url, node.location()));
        }
        if (node.source() instanceof Source.Git) {
            return; // git repositories are remote sources, reported by lockfile/remote-source
        }
        Optional<String> host = host(url);
        if (host.isEmpty()) {
            findings.add(Finding.of(FOREIGN_HOST, node.name(), node.version(),
                    node.id() + " is fetched from an address without a recognisable host: " + url, node.location()));
        } else if (!settings.allowedHosts().contains(host.get())) {
            findings.add(Finding.of(FOREIGN_HOST, node.name(), node.version(),
                    node.id() + " is fetched from " + host.get() + ", which is not an allowed registry (allowed: "
                            + String.join(", ", settings.allowedHosts().stream().sorted().toList()) + ")",
                    node.location()));
        }
    }

    private static void checkIntegrity(PackageNode node, LockfileFormat format, List<Finding> findings) {
        boolean fetched = node.source() instanceof Source.Registry || node.source() instanceof Source.RemoteTarball;
        if (!fetched || node.has(PackageFlag.BUNDLED)) {
            return; // git, local and workspace packages have no registry hash; bundled ones ship inside another tarball
        }
        boolean platformSpecific = !node.os().isEmpty() || !node.cpu().isEmpty();
        if (format == LockfileFormat.YARN_BERRY && platformSpecific && node.integrity() == null) {
            return; // berry records a checksum only for packages it fetched; the others are checked when fetched
        }
        String integrity = node.integrity();
        if (integrity == null || integrity.isBlank()) {
            String sha1 = sha1Fragment(node.resolved());
            if (sha1 != null) {
                findings.add(Finding.of(WEAK_INTEGRITY, node.name(), node.version(),
                        node.id() + " is pinned only by the SHA-1 in its URL fragment (#" + sha1 + ")",
                        node.location()));
            } else {
                findings.add(Finding.of(MISSING_INTEGRITY, node.name(), node.version(),
                        node.id() + " has no integrity hash", node.location()));
            }
            return;
        }
        if (!isSri(integrity)) {
            return; // yarn berry's checksum: its own sha512-based format
        }
        boolean strong = false;
        List<String> algorithms = new ArrayList<>();
        for (String part : WHITESPACE.split(integrity.trim())) {
            int dash = part.indexOf('-');
            String algorithm = dash > 0 ? part.substring(0, dash).toLowerCase(Locale.ROOT) : part;
            algorithms.add(algorithm);
            strong |= STRONG_ALGORITHMS.contains(algorithm);
        }
        if (!strong) {
            findings.add(Finding.of(WEAK_INTEGRITY, node.name(), node.version(),
                    node.id() + " is pinned only by " + String.join(", ", algorithms), node.location()));
        }
    }

    private static void checkName(PackageNode node, List<Finding> findings) {
        String url = switch (node.source()) {
            case Source.Registry r -> r.tarballUrl();
            case Source.RemoteTarball t -> null; // an arbitrary URL may be named anything
            case Source.Git g -> null;
            case Source.Local l -> null;
            case Source.Workspace w -> null;
        };
        if (url == null || node.version().isEmpty()) {
            return;
        }
        Optional<TarballName> named = TarballName.parse(url);
        if (named.isEmpty()) {
            return; // registries with their own URL layout (GitHub Packages' /download/) cannot be checked by name
        }
        TarballName tarball = named.get();
        if (!tarball.name().equals(node.name()) || !tarball.version().equals(node.version())) {
            findings.add(Finding.of(NAME_MISMATCH, node.name(), node.version(),
                    "the entry for " + node.id() + " resolves to a tarball of " + tarball.name() + "@"
                            + tarball.version() + ": " + url, node.location()));
        }
    }

    /** Name and version as a registry tarball URL spells them: {@code …/@scope/name/-/name-1.2.3.tgz}. */
    record TarballName(String name, String version) {
        static Optional<TarballName> parse(String url) {
            String path;
            try {
                path = URI.create(stripFragment(url)).getRawPath();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (path == null) {
                return Optional.empty();
            }
            path = URLDecoder.decode(path, StandardCharsets.UTF_8);
            int marker = path.lastIndexOf("/-/");
            if (marker < 0 || !path.endsWith(".tgz")) {
                return Optional.empty();
            }
            String before = path.substring(0, marker);
            String file = path.substring(marker + 3, path.length() - 4);
            int slash = before.lastIndexOf('/');
            String last = before.substring(slash + 1);
            String name = last;
            if (slash > 0) {
                int previous = before.lastIndexOf('/', slash - 1);
                String scope = before.substring(previous + 1, slash);
                if (scope.startsWith("@")) {
                    name = scope + "/" + last;
                }
            }
            if (!file.startsWith(last + "-")) {
                return Optional.of(new TarballName(name, "?" + file));
            }
            return Optional.of(new TarballName(name, file.substring(last.length() + 1)));
        }
    }

    private static boolean isSri(String integrity) {
        return SRI.matcher(integrity).matches();
    }

    private static String sha1Fragment(String resolved) {
        if (resolved == null) {
            return null;
        }
        int hash = resolved.lastIndexOf('#');
        if (hash < 0) {
            return null;
        }
        String fragment = resolved.substring(hash + 1);
        return SHA1_HEX.matcher(fragment).matches() ? fragment : null;
    }

    static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    static String scheme(String url) {
        int colon = url.indexOf("://");
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    static Optional<String> host(String url) {
        try {
            String host = URI.create(stripFragment(url)).getHost();
            return Optional.ofNullable(host).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
