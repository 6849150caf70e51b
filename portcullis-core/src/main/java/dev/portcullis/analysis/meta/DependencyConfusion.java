package dev.portcullis.analysis.meta;

import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code meta/dependency-confusion}: a package the policy declares private ({@code privateScopes},
 * {@code privatePackages}) resolves from a public registry — someone published the organisation's internal name
 * there, and the install took it. Also, conservatively, an unscoped name that starts with one of the private scopes'
 * names ({@code acme-utils} for {@code @acme}) and resolves publicly: reported at medium, since such a name may be a
 * legitimate public package. Nothing is guessed without the policy naming what is private.
 */
public final class DependencyConfusion implements MetadataRule {
    static final RuleDescriptor RULE = new RuleDescriptor("meta/dependency-confusion", Severity.HIGH,
            "Private package name resolved from a public registry",
            "Dependency confusion: an attacker publishes a package under an organisation's internal name on the "
                    + "public registry, and installs configured without a scoped registry take the public one.",
            "Map the scope to the private registry in .npmrc (`@acme:registry=https://npm.acme.internal/`), "
                    + "re-lock, and check machines that installed the public package; list private names in "
                    + "`privateScopes` / `privatePackages`.");

    @Override
    public RuleDescriptor rule() {
        return RULE;
    }

    @Override
    public void check(PackageMetadata m, MetadataSink sink) {
        MetadataSettings s = m.settings();
        if (s.privateScopes().isEmpty() && s.privatePackages().isEmpty()) {
            return;
        }
        Optional<String> host = m.resolved().map(URI::getHost).map(h -> h.toLowerCase(Locale.ROOT));
        if (host.isEmpty() || !s.publicRegistryHosts().contains(host.get()) || m.summary().isEmpty()) {
            return;
        }
        String name = m.name().toLowerCase(Locale.ROOT);
        for (String scope : s.privateScopes()) {
            String bare = scope(scope);
            if (name.startsWith("@" + bare + "/")) {
                sink.report(RULE, m, m.name() + " is in the private scope @" + bare + " but resolves from the public "
                        + "registry " + host.get(), "resolved: " + m.resolved().get());
                return;
            }
        }
        for (String pattern : s.privatePackages()) {
            if (glob(pattern).matcher(name).matches()) {
                sink.report(RULE, m, m.name() + " matches the private package pattern '" + pattern
                        + "' but resolves from the public registry " + host.get(), "resolved: " + m.resolved().get());
                return;
            }
        }
        if (!name.startsWith("@")) {
            for (String scope : s.privateScopes()) {
                String bare = scope(scope);
                if (bare.length() >= 3 && (name.startsWith(bare + "-") || name.startsWith(bare + "."))) {
                    sink.report(RULE, Severity.MEDIUM, m, m.name() + " looks like a package of the private scope @"
                            + bare + " but resolves from the public registry " + host.get()
                            + "; if it is a public package you meant to use, ignore this finding",
                            "resolved: " + m.resolved().get());
                    return;
                }
            }
        }
    }

    /** {@code @acme}, {@code acme}, {@code @acme/*} → {@code acme}. */
    static String scope(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        s = s.startsWith("@") ? s.substring(1) : s;
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    /** A name pattern where {@code *} matches any run of characters; nothing else is special. */
    static Pattern glob(String pattern) {
        java.util.StringJoiner regex = new java.util.StringJoiner(".*");
        for (String part : pattern.trim().toLowerCase(Locale.ROOT).split("\\*", -1)) {
            regex.add(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
