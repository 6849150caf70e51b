package dev.portcullis.analysis.meta;

import dev.portcullis.model.RuleDescriptor;
import java.util.List;

/** Every metadata rule, listed once (a test fails when a rule class exists that is not listed here). */
public final class MetadataRules {
    public static final List<MetadataRule> ALL = List.of(new TooNew(), new DormantRevival(), new PublisherChange(),
            new ProvenanceDowngrade(), new InstallScriptAdded(), new ManifestConfusion(), new Typosquat(),
            new DependencyConfusion(), new Deprecated(), new Unpublished(), new Unmaintained());

    private MetadataRules() {
    }

    public static List<RuleDescriptor> rules() {
        return ALL.stream().map(MetadataRule::rule).toList();
    }
}
