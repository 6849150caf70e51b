package dev.portcullis.analysis.meta;

import dev.portcullis.model.DependencyGraph;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.Edge;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
        String lower = m.name().toLowerCase(Locale.ROOT);
        if (m.settings().typosquatAllow().contains(lower) || m.settings().platformPackages().contains(lower)) {
            return;
        }
        (index == null ? TyposquatIndex.bundled() : index).match(m.name()).ifPresent(match -> sink.report(RULE, m,
                m.name() + " " + match.kind().description() + " the popular package " + match.target() + " ("
                        + String.format(Locale.ROOT, "%,d", match.downloads()) + " downloads a month)",
                match.kind() == TyposquatIndex.Kind.TYPO ? "edit distance " + match.distance() : null));
    }

    /**
     * The names (lower case) that a locked package lists in its optionalDependencies within its own family: the
     * platform builds a package ships as separate packages ({@code esbuild} → {@code @esbuild/linux-x64},
     * {@code @swc/core} → {@code @swc/core-linux-x64-gnu}, {@code sharp} → {@code @img/sharp-linux-x64}). Nobody types these
     * names: the parent's manifest asks for them, so a look-alike name among them is not a mistyped install. The
     * parent itself (and whatever the project depends on directly) is still judged.
     */
    public static Set<String> platformPackages(DependencyGraph graph) {
        Map<String, PackageNode> byKey = graph.packagesByKey();
        Set<String> out = new TreeSet<>();
        for (Edge e : graph.edges()) {
            PackageNode parent = byKey.get(e.from());
            PackageNode child = byKey.get(e.to());
            if (e.type() == DependencyType.OPTIONAL && parent != null && child != null
                    && sameFamily(parent.name(), child.name())) {
                out.add(child.name().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * Whether {@code child} is named in {@code parent}'s family: in the parent's own scope, in the scope named
     * after the parent ({@code @turbo/…} of {@code turbo}), or the parent's name with a part added
     * ({@code lightningcss-linux-x64-gnu}, {@code @img/sharp-wasm32} of {@code sharp}).
     */
    static boolean sameFamily(String parent, String child) {
        String p = parent.toLowerCase(Locale.ROOT);
        String c = child.toLowerCase(Locale.ROOT);
        String parentScope = scope(p);
        String childScope = scope(c);
        String parentBare = bare(p);
        String childBare = bare(c);
        if (childScope != null && (childScope.equals(parentScope) || childScope.equals(parentBare))) {
            return true;
        }
        return childBare.startsWith(parentBare + "-");
    }

    private static String scope(String name) {
        return name.startsWith("@") && name.indexOf('/') > 1 ? name.substring(1, name.indexOf('/')) : null;
    }

    private static String bare(String name) {
        return scope(name) == null ? name : name.substring(name.indexOf('/') + 1);
    }
}
