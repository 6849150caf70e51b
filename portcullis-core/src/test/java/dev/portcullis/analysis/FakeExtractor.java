package dev.portcullis.analysis;

import dev.portcullis.js.Fact;
import dev.portcullis.js.FactKind;
import dev.portcullis.js.FileFacts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-built facts for tests of the rules: each line of a file (and each command) written as
 * {@code kind detail} or {@code kind detail depth} yields that fact at that line; a first line {@code #minified}
 * marks the file minified. Lets the evaluator, reachability and verdicts be tested apart from the extractor.
 */
final class FakeExtractor implements FactExtractor {
    private final Map<String, List<Fact>> commands;

    FakeExtractor(Map<String, List<Fact>> commands) {
        this.commands = Map.copyOf(commands);
    }

    FakeExtractor() {
        this(Map.of());
    }

    @Override
    public FileFacts file(String path, byte[] content) {
        List<Fact> facts = new ArrayList<>();
        boolean minified = false;
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("#minified")) {
                minified = true;
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            facts.add(fact(line, i + 1));
        }
        return new FileFacts(path, FileFacts.Language.JAVASCRIPT, facts, content.length, minified);
    }

    @Override
    public List<Fact> command(String command, int line) {
        return commands.getOrDefault(command, List.of()).stream()
                .map(f -> new Fact(f.kind(), line, f.detail(), f.evidence(), f.depth())).toList();
    }

    static Fact fact(String spec, int line) {
        String[] parts = spec.split(" ");
        FactKind kind = FactKind.byId(parts[0]);
        if (kind == null) {
            throw new IllegalArgumentException("no fact kind " + parts[0]);
        }
        String detail = parts.length > 1 ? parts[1] : "";
        int depth = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        return new Fact(kind, line, detail, spec, depth);
    }
}
