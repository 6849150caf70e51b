package dev.portcullis.js;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pattern the rule set looks for in decoded string literals (miner pools, wallet addresses, webhook hosts …).
 * A literal that matches yields a {@link FactKind#STRING_MATCH} fact whose detail is {@code name}.
 */
public record StringPattern(String name, Pattern pattern) {
    public StringPattern {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
    }
}
