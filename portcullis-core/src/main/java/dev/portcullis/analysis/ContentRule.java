package dev.portcullis.analysis;

import dev.portcullis.js.StringPattern;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One content rule, as read from {@code resources/rules/<name>.yaml}.
 *
 * @param descriptor      id, default severity, title, why and how to fix, for findings and the catalogue
 * @param category        what kind of behaviour it describes (credential-theft, dropper, install-time …)
 * @param scope           which facts are combined: one file's, or also the whole install flow's
 * @param installTime     true when the rule looks only at install-time code
 * @param notMinified     true when facts from minified files are ignored
 * @param installSeverity severity when the match lies in install-time code, or null for the default severity
 * @param maxLineSpan     when positive, the facts that satisfy the match in one file must lie within this many lines
 *                        of each other (a stealer reads and sends in one place; a 100,000-line bundle mentions
 *                        .npmrc in one module and fetch in another); 0 for the same line, -1 for no limit
 * @param match           the condition over facts
 * @param strings         patterns the rule asks the fact extractor to look for in string literals
 */
record ContentRule(RuleDescriptor descriptor, String category, Scope scope, boolean installTime, boolean notMinified,
                   Severity installSeverity, int maxLineSpan, Condition match, List<StringPattern> strings) {

    /** Which facts a rule combines. */
    enum Scope {
        /** The facts of one file at a time. */
        SAME_FILE,
        /** One file at a time, and also all install-time files together (package.json's lifecycle commands included). */
        INSTALL_FLOW
    }

    ContentRule {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(match, "match");
        strings = List.copyOf(strings);
        if (maxLineSpan < -1) {
            throw new IllegalArgumentException("maxLineSpan must be >= -1, got " + maxLineSpan);
        }
    }

    String id() {
        return descriptor.id();
    }
}
