package dev.portcullis.analysis.meta;

import java.time.Instant;
import java.util.Optional;

import dev.portcullis.model.RuleDescriptor;

/**
 * One rule over a package's registry metadata (its packument and version document, and the tarball's package.json
 * where the tarball was read). Each rule is one small final class listed once in {@link MetadataRules}. A rule
 * whose data the registry does not publish says so through {@link MetadataSink#notChecked} and never guesses.
 */
public interface MetadataRule {
    RuleDescriptor rule();

    void check(PackageMetadata metadata, MetadataSink sink);

    /**
     * When this rule's outcome or wording for {@code metadata} may next change with the clock alone (the facts
     * staying what they are), or empty when it never does: a remembered judgement is not used past that moment
     * ({@code engine.MetadataMemo}). Only a rule that reads {@link PackageMetadata#now()} has one.
     */
    default Optional<Instant> changesAt(PackageMetadata metadata) {
        return Optional.empty();
    }
}
