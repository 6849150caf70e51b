package dev.portcullis.analysis.meta;

import dev.portcullis.model.RuleDescriptor;

/**
 * One rule over a package's registry metadata (its packument and version document, and the tarball's package.json
 * where the tarball was read). Each rule is one small final class listed once in {@link MetadataRules}. A rule
 * whose data the registry does not publish says so through {@link MetadataSink#notChecked} and never guesses.
 */
public interface MetadataRule {
    RuleDescriptor rule();

    void check(PackageMetadata metadata, MetadataSink sink);
}
