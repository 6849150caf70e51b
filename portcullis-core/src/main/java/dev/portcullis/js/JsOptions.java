package dev.portcullis.js;

import java.util.List;
import java.util.Objects;

/**
 * What the rule set asks the extractor to look for beyond the fixed fact vocabulary, and its limits.
 *
 * @param patterns checked against every decoded string literal and command word; a match gives
 *                 {@link FactKind#STRING_MATCH} with the pattern's name as detail
 * @param limits   bounds on work and output per file
 */
public record JsOptions(List<StringPattern> patterns, JsLimits limits) {
    public JsOptions {
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(limits, "limits");
    }

    /** No patterns, {@link JsLimits#defaults()}. */
    public static JsOptions defaults() {
        return new JsOptions(List.of(), JsLimits.defaults());
    }
}
