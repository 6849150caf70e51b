package dev.portcullis.analysis.meta;

import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.registry.PackageSummary;
import java.util.List;

/**
 * {@code meta/provenance-downgrade}: earlier versions carried attestations ({@code dist.attestations}: npm
 * provenance or a trusted publisher's statement) and this one carries none — the signature of a release made outside
 * the project's CI, typically with a stolen token. The public registry signs every version
 * ({@code dist.signatures}); a document in which no version is signed nor attested comes from a registry that strips
 * them, and the run says once that it could not check.
 */
public final class ProvenanceDowngrade implements MetadataRule {
    static final RuleDescriptor RULE = new RuleDescriptor("meta/provenance-downgrade", Severity.HIGH,
            "Version without the provenance attestations earlier versions had",
            "A project that publishes from CI with provenance does not stop doing so by accident; a version without "
                    + "it was most likely published from somewhere else, for instance with a stolen token.",
            "Do not install this version until the project confirms it (`npm audit signatures` shows the "
                    + "attestations); stay on the last attested version.");

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
        if (m.summary().get().versions().values().stream().noneMatch(d -> d.signed() || d.attested())) {
            sink.notChecked(RULE, "the registry " + m.registry()
                    + " publishes neither dist.signatures nor dist.attestations");
            return;
        }
        if (doc.attested()) {
            return;
        }
        List<String> attested = m.earlier().stream().filter(PackageSummary.VersionFacts::attested)
                .map(PackageSummary.VersionFacts::version).toList(); // in semver order, as earlier() gives them
        if (!attested.isEmpty()) {
            sink.report(RULE, m, m.id() + " has no provenance attestation, but earlier versions of " + m.name()
                    + " had (latest attested: " + attested.get(attested.size() - 1) + ")",
                    attested.size() + " earlier attested version(s)");
        }
    }
}
