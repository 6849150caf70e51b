package dev.portcullis.engine;

import dev.portcullis.analysis.PackageAnalyzer;

/**
 * The default rule set, loaded from the classpath once, when first asked for: it is immutable data and thread-safe,
 * so every pipeline and the rule catalogue share it rather than parsing the rules again.
 */
final class Analyzers {
    private Analyzers() {
    }

    private static final class Holder {
        static final PackageAnalyzer DEFAULT = PackageAnalyzer.withDefaultRules();
    }

    static PackageAnalyzer defaults() {
        return Holder.DEFAULT;
    }
}
