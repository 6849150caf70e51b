package dev.portcullis.js;

import java.util.List;
import java.util.Objects;

/**
 * What the rule set asks the extractor to look for beyond the fixed fact vocabulary, and its limits. A class rather
 * than a record so that it can carry the patterns' prefilter ({@link PatternScreen}), built once per rule set instead
 * of once per file.
 */
public final class JsOptions {
    private final List<StringPattern> patterns;
    private final JsLimits limits;
    private final PatternScreen screen;

    /**
     * @param patterns checked against every decoded string literal and command word; a match gives
     *                 {@link FactKind#STRING_MATCH} with the pattern's name as detail
     * @param limits   bounds on work and output per file
     */
    public JsOptions(List<StringPattern> patterns, JsLimits limits) {
        this.patterns = List.copyOf(patterns);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.screen = PatternScreen.of(this.patterns.stream().map(StringPattern::pattern).toList());
    }

    /** No patterns, {@link JsLimits#defaults()}. */
    public static JsOptions defaults() {
        return new JsOptions(List.of(), JsLimits.defaults());
    }

    public List<StringPattern> patterns() {
        return patterns;
    }

    public JsLimits limits() {
        return limits;
    }

    /** The patterns that find a match in {@code s}, in order; a literal prefilter ({@link PatternScreen}) first. */
    List<StringPattern> matching(String s) {
        java.util.BitSet found = screen.matches(s);
        if (found.isEmpty()) {
            return List.of();
        }
        return found.stream().mapToObj(patterns::get).toList();
    }

    /** The patterns no literal prefilter stands in front of: they run on every string. */
    List<StringPattern> unscreened() {
        return screen.unscreened().stream().mapToObj(patterns::get).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsOptions other && patterns.equals(other.patterns) && limits.equals(other.limits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(patterns, limits);
    }

    @Override
    public String toString() {
        return "JsOptions[patterns=" + patterns + ", limits=" + limits + "]";
    }
}
