package dev.portcullis.yaml;

/**
 * What a YAML reader of untrusted input accepts, as named configuration rather than constants at each call site.
 *
 * @param maxCodePoints the largest document, in code points; the parser stops there instead of exhausting the heap
 * @param maxAliases how many aliases a collection may use (0 refuses them): the bound on "billion laughs" documents
 * @param duplicateKeys whether a key may repeat in one mapping (the later wins); hand-written configuration says no
 */
public record YamlLimits(int maxCodePoints, int maxAliases, boolean duplicateKeys) {
    /** snakeyaml-engine's own bound on aliases, kept for files that legitimately use anchors (CI workflows). */
    public static final int DEFAULT_ALIASES = 50;

    public YamlLimits {
        if (maxCodePoints <= 0 || maxAliases < 0) {
            throw new IllegalArgumentException("maxCodePoints must be positive and maxAliases not negative");
        }
    }

    /**
     * Hand-written configuration (the policy, rule files): few aliases, and a repeated key is a mistake to report,
     * not a value to pick silently.
     */
    public static YamlLimits configuration(int maxCodePoints) {
        return new YamlLimits(maxCodePoints, 10, false);
    }
}
