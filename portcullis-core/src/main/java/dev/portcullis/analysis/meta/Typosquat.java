package dev.portcullis.analysis.meta;

import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.util.Locale;

/**
 * {@code meta/typosquat}: the name imitates a popular package (see {@link TyposquatIndex}). Popular packages
 * themselves (the bundled list of the most downloaded ones) and the policy's {@code typosquat.allow} are exempt.
 * Judged on the name alone, so it needs no registry data.
 */
public final class Typosquat implements MetadataRule {
    static final RuleDescriptor RULE = new RuleDescriptor("meta/typosquat", Severity.HIGH,
            "Name imitates a popular package",
            "Typosquats — crossenv for cross-env, lodahs for lodash, look-alike letters, a scope turned into a "
                    + "prefix — are published to catch a mistyped install; they usually work like the real package "
                    + "and steal credentials or environment variables on install.",
            "Check that this is the package you meant: if not, replace it with the popular one and rotate the "
                    + "secrets of every machine that installed it; if it is, add it to `typosquat.allow` in "
                    + "portcullis.yml.");

    private final TyposquatIndex index;

    /** Judged against the bundled popularity list. */
    public Typosquat() {
        this(null);
    }

    /** @param index the index to use, or null for the bundled one (built on first use) */
    public Typosquat(TyposquatIndex index) {
        this.index = index;
    }

    @Override
    public RuleDescriptor rule() {
        return RULE;
    }

    @Override
    public void check(PackageMetadata m, MetadataSink sink) {
        if (m.settings().typosquatAllow().contains(m.name().toLowerCase(Locale.ROOT))) {
            return;
        }
        (index == null ? TyposquatIndex.bundled() : index).match(m.name()).ifPresent(match -> sink.report(RULE, m,
                m.name() + " " + match.kind().description() + " the popular package " + match.target() + " ("
                        + String.format(Locale.ROOT, "%,d", match.downloads()) + " downloads a month)",
                match.kind() == TyposquatIndex.Kind.TYPO ? "edit distance " + match.distance() : null));
    }
}
