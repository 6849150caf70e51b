package dev.portcullis.analysis.meta;

import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;

/**
 * {@code meta/unpublished}: the locked version no longer exists in the registry, or the whole package is gone (404).
 * npm removes malware this way; a lockfile still naming such a version installs it from caches and mirrors.
 */
public final class Unpublished implements MetadataRule {
    static final RuleDescriptor RULE = new RuleDescriptor("meta/unpublished", Severity.HIGH,
            "Locked version no longer in the registry",
            "Versions and packages disappear from the registry mostly because they were malware (npm's security "
                    + "team removes them) or because their author withdrew them; a lockfile that still names one "
                    + "installs it wherever a cache or mirror kept it.",
            "Find out why it was removed (the package's repository, npm's advisories); remove it from the tree, "
                    + "or move to a version the registry still serves, and check machines that installed it.");

    @Override
    public RuleDescriptor rule() {
        return RULE;
    }

    @Override
    public void check(PackageMetadata m, MetadataSink sink) {
        if (m.summary().isEmpty()) {
            sink.report(RULE, m, m.name() + " is not in the registry " + m.registry()
                    + " (404): the package was removed — often because it was malware", null);
        } else if (m.versionFacts().isEmpty()) {
            String unpublished = m.summary().get().versions().isEmpty() ? "; the registry lists no version at all"
                    : "";
            sink.report(RULE, m, m.id() + " is no longer in the registry " + m.registry()
                    + ": the version was removed — often because it was malware" + unpublished, null);
        }
    }
}
