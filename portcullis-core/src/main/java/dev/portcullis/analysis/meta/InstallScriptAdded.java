package dev.portcullis.analysis.meta;

import dev.portcullis.model.LifecycleScripts;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.registry.PackageSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code meta/install-script-added}: this version has a lifecycle script that installing it from the registry runs
 * ({@code preinstall}, {@code install}, {@code postinstall}; not {@code prepare}, see {@link LifecycleScripts}) that
 * the previous version — by semver order among published versions, not
 * by time — did not. Worms and hijacked releases add exactly this.
 */
public final class InstallScriptAdded implements MetadataRule {
    static final RuleDescriptor RULE = new RuleDescriptor("meta/install-script-added", Severity.HIGH,
            "Version adds an install-time lifecycle script",
            "A package that gains a preinstall/install/postinstall script in a new version runs new code on every "
                    + "machine that installs it; compromised releases (Shai-Hulud, the eslint-config-prettier "
                    + "hijack) added exactly that.",
            "Read the added script (`portcullis inspect NAME@VERSION`); keep the previous version until the "
                    + "change is explained, and allow the script in `scripts.allow` only once reviewed.");

    @Override
    public RuleDescriptor rule() {
        return RULE;
    }

    @Override
    public void check(PackageMetadata m, MetadataSink sink) {
        PackageSummary.VersionFacts doc = m.versionFacts().orElse(null);
        if (doc == null) {
            return;
        }
        if (m.summary().get().abbreviated()) {
            sink.notChecked(RULE, "the registry " + m.registry() + " served only abbreviated documents (no scripts)");
            return;
        }
        PackageSummary.VersionFacts previous = m.previous().orElse(null);
        if (previous == null) {
            return; // the first version: scripts/install-script reports install scripts as such
        }
        List<String> added = new ArrayList<>();
        for (String script : LifecycleScripts.FROM_TARBALL) {
            if (doc.installScripts().containsKey(script) && !previous.installScripts().containsKey(script)) {
                added.add(script);
            }
        }
        if (!added.isEmpty()) {
            StringBuilder evidence = new StringBuilder();
            for (String script : added) {
                String body = doc.installScripts().get(script);
                evidence.append(evidence.isEmpty() ? "" : "; ").append(script).append(": ")
                        .append(body.length() > 200 ? body.substring(0, 200) + "…" : body);
            }
            sink.report(RULE, m, m.id() + " adds " + String.join(", ", added) + " script(s) that "
                    + previous.version() + " did not have", evidence.toString());
        }
    }
}
