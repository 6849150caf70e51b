package dev.portcullis.analysis;

import dev.portcullis.js.CommandFacts;
import dev.portcullis.js.Fact;
import dev.portcullis.js.FileFacts;
import dev.portcullis.js.JsFacts;
import dev.portcullis.js.JsLimits;
import dev.portcullis.js.JsOptions;
import dev.portcullis.js.StringPattern;
import java.util.List;

/** The production extractor: the {@code js} package's lexer-based facts, with the rules' string patterns. */
final class JsFactExtractor implements FactExtractor {
    private final JsOptions options;

    JsFactExtractor(List<StringPattern> patterns) {
        this(patterns, JsLimits.defaults());
    }

    JsFactExtractor(List<StringPattern> patterns, JsLimits limits) {
        this.options = new JsOptions(patterns, limits);
    }

    @Override
    public FileFacts file(String path, byte[] content) {
        return JsFacts.extract(path, content, options);
    }

    @Override
    public FileFacts javaScript(String path, byte[] content) {
        return JsFacts.extract(path, content, options, FileFacts.Language.JAVASCRIPT);
    }

    @Override
    public List<Fact> command(String command, int line) {
        return CommandFacts.command(command, line, options);
    }
}
