package dev.portcullis.yaml;

/**
 * What a YAML reader of untrusted input accepts, as named configuration rather than constants at each call site.
 *
 * @param maxCodePoints the largest document, in code points; the parser stops there instead of exhausting the heap
 * @param maxAliases how many aliases a collection may use (0 refuses them): the bound on "billion laughs" documents
 * @param duplicateKeys whether a key may repeat in one mapping (the later wins); hand-written configuration says no
 * @param maxExpandedValues how many values a reader that walks parser events (and so expands each alias where it is
 *                      used) may produce from one document, aliases expanded: the composer's alias bound does not
 *                      reach event readers, and 20,000 aliases of a 20,000-value anchor are 400 million values
 */
public record YamlLimits(int maxCodePoints, int maxAliases, boolean duplicateKeys, int maxExpandedValues) {
    /** snakeyaml-engine's own bound on aliases, kept for files that legitimately use anchors (CI workflows). */
    public static final int DEFAULT_ALIASES = 50;
    /** Far above a real CI file's commands (hundreds), far below what exhausts a 256 MB heap. */
    public static final int DEFAULT_EXPANDED_VALUES = 100_000;

    public YamlLimits {
        if (maxCodePoints <= 0 || maxAliases < 0 || maxExpandedValues <= 0) {
            throw new IllegalArgumentException("maxCodePoints and maxExpandedValues must be positive and maxAliases"
                    + " not negative");
        }
    }

    public YamlLimits(int maxCodePoints, int maxAliases, boolean duplicateKeys) {
        this(maxCodePoints, maxAliases, duplicateKeys, DEFAULT_EXPANDED_VALUES);
    }

    /**
     * Hand-written configuration (the policy, rule files): few aliases, and a repeated key is a mistake to report,
     * not a value to pick silently.
     */
    public static YamlLimits configuration(int maxCodePoints) {
        return new YamlLimits(maxCodePoints, 10, false);
    }
}
