package dev.portcullis.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.json.Json;
import dev.portcullis.yaml.Yaml;
import dev.portcullis.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Finds the shell text in CI files, Dockerfiles, Makefiles and shell scripts, with the line it is on.
 * Never fails: what cannot be parsed is scanned line by line instead, so nothing is missed.
 */
final class CiExtractor {
    /** GitHub: {@code steps[].run}, also in composite actions; the {@code script} of github-script is JavaScript. */
    static final Set<String> GITHUB_KEYS = Set.of("run");
    /** GitLab: job, default and hidden-job scripts. */
    static final Set<String> GITLAB_KEYS = Set.of("script", "before_script", "after_script");

    /**
     * Brackets nested deeper than this are not a CI file: snakeyaml's scanner is quadratic in flow nesting
     * (16,000 {@code [} take seconds), so such text is scanned line by line instead of parsed.
     */
    static final int MAX_FLOW_NESTING = 100;

    private static final Pattern YAML_LINE_PREFIX = Pattern.compile("^\\s*(?:-\\s+)*(?:[A-Za-z_][\\w.-]*:(?:\\s+[|>][-+0-9]*)?(?:\\s+|$))?");
    private static final Pattern DOCKER_INSTRUCTION = Pattern.compile("^\\s*(?:(?i:onbuild)\\s+)?([A-Za-z]+)(?:\\s+|$)");
    private static final Pattern DOCKER_HEREDOC = Pattern.compile("^<<(-?)[\"']?([A-Za-z_][\\w]*)[\"']?\\s*(\\S*)");
    private static final Pattern ESCAPE_DIRECTIVE = Pattern.compile("^#\\s*escape\\s*=\\s*(\\S)\\s*$", Pattern.CASE_INSENSITIVE);
    /** Make conditionals may sit inside a recipe without ending it. */
    private static final Pattern CONDITIONAL = Pattern.compile("\\s*(?:ifeq|ifneq|ifdef|ifndef|else|endif)\\b");
    private static final Set<String> SHELL_INTERPRETERS = Set.of("", "sh", "bash", "/bin/sh", "/bin/bash", "dash", "zsh");

    private CiExtractor() {
    }

    /**
     * The scalars under {@code keys} (a string, or a list of strings, lists flattened as GitLab does) in YAML.
     * Reads parser events, not a node tree: the parser keeps its own stack, so deep nesting cannot overflow
     * ours, and aliases are expanded once per use rather than into a tree.
     */
    static List<ShellSnippet> yaml(String text, Set<String> keys, int maxFileChars) {
        return readYaml(text, keys, maxFileChars).snippets();
    }

    /**
     * The commands of a YAML file, and why it was not read as YAML when a limit stopped that.
     *
     * @param overLimit the limit that made the file be scanned line by line as shell instead, or null
     */
    record YamlRead(List<ShellSnippet> snippets, String overLimit) {
    }

    /** As {@link #yaml}, saying when a limit made the file be scanned line by line. */
    static YamlRead readYaml(String text, Set<String> keys, int maxFileChars) {
        // workflows use anchors (GitLab's extends-by-alias); a repeated key is tolerated as the CI runners do
        YamlLimits limits = new YamlLimits(Math.max(maxFileChars, 1), YamlLimits.DEFAULT_ALIASES, true);
        LoadSettings settings = Yaml.settings("ci", limits);
        if (flowNesting(text) > MAX_FLOW_NESTING) {
            return new YamlRead(yamlLines(text), "brackets nest deeper than " + MAX_FLOW_NESTING);
        }
        List<ShellSnippet> out = new ArrayList<>();
        try {
            walk(new Parse(settings).parseString(text), keys, out, limits.maxExpandedValues());
            return new YamlRead(out, null);
        } catch (ExpansionLimit e) {
            // Aliases that expand beyond the bound (an alias bomb): every line is scanned as shell instead, so a
            // command behind the aliases is still found, in time and memory bounded by the file's size.
            return new YamlRead(yamlLines(text), "its aliases expand to more than " + limits.maxExpandedValues()
                    + " values");
        } catch (YamlEngineException | IllegalArgumentException e) {
            // snakeyaml reports some malformed escapes ("\x}") with NumberFormatException rather than its own
            return new YamlRead(yamlLines(text), null);
        }
    }

    /** The deepest nesting of brackets and braces, counting every one (quoted or not): a cheap upper bound. */
    private static int flowNesting(String text) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return max;
    }

    /** Thrown when aliases expand to more values than {@link YamlLimits#maxExpandedValues()}. */
    private static final class ExpansionLimit extends RuntimeException {
        ExpansionLimit() {
            super(null, null, false, false);
        }
    }

    /** Counts the values the walk produces, aliases expanded. */
    private static final class Budget {
        private final int max;
        private long used;

        Budget(int max) {
            this.max = max;
        }

        void spend(int values) {
            used += values;
            if (used > max) {
                throw new ExpansionLimit();
            }
        }
    }

    /** One open collection while walking YAML events. */
    private static final class Frame {
        final boolean mapping;
        final boolean commands;
        final String anchor;
        boolean expectingKey = true;
        String key;

        Frame(boolean mapping, boolean commands, String anchor) {
            this.mapping = mapping;
            this.commands = commands;
            this.anchor = anchor;
        }
    }

    private static void walk(Iterable<Event> events, Set<String> keys, List<ShellSnippet> out, int maxExpanded) {
        Budget budget = new Budget(maxExpanded);
        List<Frame> stack = new ArrayList<>();
        Map<String, List<ShellSnippet>> anchored = new HashMap<>();
        for (Event event : events) {
            Frame top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    CollectionStartEvent start = (CollectionStartEvent) event;
                    boolean mapping = event.getEventId() == Event.ID.MappingStart;
                    boolean reference = start.getTag().map(t -> t.contains("reference")).orElse(false);
                    String anchor = start.getAnchor().map(Object::toString).orElse(null);
                    boolean commands = !mapping && !reference && inCommandPosition(top, keys);
                    if (anchor != null) {
                        anchored.put(anchor, new ArrayList<>());
                    }
                    stack.add(new Frame(mapping, commands, anchor));
                }
                case MappingEnd, SequenceEnd -> {
                    if (!stack.isEmpty()) {
                        stack.remove(stack.size() - 1);
                    }
                    valueDone(stack);
                }
                case Scalar -> {
                    ScalarEvent scalar = (ScalarEvent) event;
                    if (top != null && top.mapping && top.expectingKey) {
                        top.key = scalar.getValue();
                        top.expectingKey = false;
                        break;
                    }
                    ShellSnippet snippet = snippet(scalar);
                    if (snippet != null) {
                        scalar.getAnchor().ifPresent(a -> anchored.put(a.toString(), List.of(snippet)));
                        addToAnchors(stack, anchored, List.of(snippet), budget);
                        if (inCommandPosition(top, keys)) {
                            budget.spend(1);
                            out.add(snippet);
                        }
                    }
                    valueDone(stack);
                }
                case Alias -> {
                    if (top != null && top.mapping && top.expectingKey) {
                        top.key = null;
                        top.expectingKey = false;
                        break;
                    }
                    // An alias inside an anchored sequence is part of that anchor (b: &b [*a]), so an alias of b
                    // used as a script expands to a's commands: resolved here, within the budget.
                    List<ShellSnippet> aliased = anchored.getOrDefault(((AliasEvent) event).getAlias().toString(),
                            List.of());
                    addToAnchors(stack, anchored, aliased, budget);
                    if (inCommandPosition(top, keys)) {
                        budget.spend(aliased.size());
                        out.addAll(aliased);
                    }
                    valueDone(stack);
                }
                default -> {
                    // stream, document and comment events carry no commands
                }
            }
        }
    }

    /**
     * The values, in each anchored sequence open around them through sequences only (GitLab flattens nested lists
     * of commands; a mapping in between holds other things than commands).
     */
    private static void addToAnchors(List<Frame> stack, Map<String, List<ShellSnippet>> anchored,
                                     List<ShellSnippet> values, Budget budget) {
        if (values.isEmpty()) {
            return;
        }
        for (int i = stack.size() - 1; i >= 0 && !stack.get(i).mapping; i--) {
            Frame frame = stack.get(i);
            if (frame.anchor != null) {
                budget.spend(values.size());
                anchored.computeIfAbsent(frame.anchor, a -> new ArrayList<>()).addAll(values);
            }
        }
    }

    private static boolean inCommandPosition(Frame top, Set<String> keys) {
        if (top == null) {
            return false;
        }
        return top.mapping ? !top.expectingKey && top.key != null && keys.contains(top.key) : top.commands;
    }

    private static void valueDone(List<Frame> stack) {
        if (!stack.isEmpty()) {
            Frame top = stack.get(stack.size() - 1);
            if (top.mapping) {
                top.expectingKey = !top.expectingKey;
            }
        }
    }

    private static ShellSnippet snippet(ScalarEvent scalar) {
        int markLine = scalar.getStartMark().map(m -> m.getLine()).orElse(0);
        return switch (scalar.getScalarStyle()) {
            // a block scalar's indicator is on the key's line; its text starts on the next line, line for line
            case LITERAL -> new ShellSnippet(scalar.getValue(), markLine + 2, true);
            case FOLDED -> new ShellSnippet(scalar.getValue(), markLine + 2, false);
            case PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, JSON_SCALAR_STYLE ->
                    new ShellSnippet(scalar.getValue(), markLine + 1, false);
        };
    }

    /** Malformed YAML: every line as shell, without its list dash and {@code key:} prefix. */
    static List<ShellSnippet> yamlLines(String text) {
        List<ShellSnippet> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher prefix = YAML_LINE_PREFIX.matcher(lines[i]);
            String rest = prefix.lookingAt() ? lines[i].substring(prefix.end()) : lines[i];
            if (!rest.isBlank()) {
                out.add(new ShellSnippet(rest, i + 1, true));
            }
        }
        return out;
    }

    /**
     * The commands of RUN, CMD and ENTRYPOINT: shell form with its continuations (comment lines inside
     * continuations are dropped, as Docker does), exec form JSON arrays, and {@code RUN <<EOF} here-documents
     * whose body is the script. Honours the {@code # escape=} directive.
     */
    static List<ShellSnippet> dockerfile(String text) {
        List<ShellSnippet> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        char escape = '\\';
        boolean directives = true;
        int i = 0;
        while (i < lines.length) {
            String raw = stripCr(lines[i]);
            if (directives) {
                Matcher directive = ESCAPE_DIRECTIVE.matcher(raw.strip());
                if (directive.matches() && (directive.group(1).equals("`") || directive.group(1).equals("\\"))) {
                    escape = directive.group(1).charAt(0);
                    i++;
                    continue;
                }
                directives = raw.strip().startsWith("#") && raw.contains("=");
            }
            if (raw.isBlank() || raw.strip().startsWith("#")) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder logical = new StringBuilder();
            while (true) {
                String current = stripCr(lines[i]);
                boolean comment = i > start && current.strip().startsWith("#");
                String body = comment ? "" : current;
                boolean continues = endsWithEscape(body, escape) || comment;
                if (continues && !comment) {
                    body = body.substring(0, body.stripTrailing().length() - 1) + "\\";
                }
                logical.append(body);
                i++;
                if (!continues || i >= lines.length) {
                    break;
                }
                logical.append(comment ? "\\\n" : "\n");
            }
            instruction(logical.toString(), start + 1, out);
            i = skipHeredocBody(logical.toString(), lines, i, out, start + 1);
        }
        return out;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean endsWithEscape(String line, char escape) {
        String trimmed = line.stripTrailing();
        return !trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == escape;
    }

    private static void instruction(String logical, int line, List<ShellSnippet> out) {
        Matcher m = DOCKER_INSTRUCTION.matcher(logical);
        if (!m.lookingAt()) {
            return;
        }
        String keyword = m.group(1).toUpperCase(Locale.ROOT);
        if (!keyword.equals("RUN") && !keyword.equals("CMD") && !keyword.equals("ENTRYPOINT")) {
            return;
        }
        String rest = logical.substring(m.end());
        while (rest.startsWith("--")) {
            int space = indexOfWhitespace(rest);
            rest = space < 0 ? "" : rest.substring(space).stripLeading();
        }
        if (rest.startsWith("[")) {
            List<String> exec = execForm(rest);
            if (exec != null) {
                out.add(new ShellSnippet(quote(exec), line, false));
                return;
            }
        }
        if (!rest.startsWith("<<")) {
            out.add(new ShellSnippet(rest, line, true));
        }
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code RUN <<EOF [sh]}: the body is the script; other here-documents are data and are skipped. */
    private static int skipHeredocBody(String logical, String[] lines, int next, List<ShellSnippet> out, int line) {
        Matcher m = DOCKER_INSTRUCTION.matcher(logical);
        if (!m.lookingAt()) {
            return next;
        }
        String rest = logical.substring(m.end());
        int at = rest.indexOf("<<");
        if (at < 0 || rest.startsWith("<<<", at)) {
            return next;
        }
        Matcher heredoc = DOCKER_HEREDOC.matcher(rest.substring(at));
        if (!heredoc.lookingAt()) {
            return next;
        }
        boolean stripTabs = !heredoc.group(1).isEmpty();
        String delimiter = heredoc.group(2);
        boolean script = at == 0 && m.group(1).equalsIgnoreCase("RUN") && SHELL_INTERPRETERS.contains(heredoc.group(3));
        int i = next;
        StringBuilder body = new StringBuilder();
        while (i < lines.length) {
            String current = stripCr(lines[i]);
            String compared = stripTabs ? current.replaceFirst("^\t+", "") : current;
            i++;
            if (compared.strip().equals(delimiter)) {
                break;
            }
            body.append(current).append('\n');
        }
        if (script && !body.isEmpty()) {
            out.add(new ShellSnippet(body.toString(), line + 1, true));
        }
        return i;
    }

    private static List<String> execForm(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text.replace("\\\n", ""));
            if (node == null || !node.isArray()) {
                return null;
            }
            List<String> words = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    return null;
                }
                words.add(element.asText());
            }
            return words;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Exec-form words as one shell line, each single-quoted so the splitter gives them back unchanged. */
    static String quote(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return line.toString();
    }

    /**
     * One Makefile rule.
     *
     * @param targets the names before the colon
     * @param prerequisites the names after it (order-only ones included)
     * @param recipe its recipe lines as shell
     */
    record MakeRule(List<String> targets, List<String> prerequisites, List<ShellSnippet> recipe) {
        MakeRule {
            targets = List.copyOf(targets);
            prerequisites = List.copyOf(prerequisites);
            recipe = List.copyOf(recipe);
        }
    }

    /** Every recipe line of a Makefile, in file order. */
    static List<ShellSnippet> makefile(String text) {
        return makeRules(text).stream().flatMap(rule -> rule.recipe().stream()).toList();
    }

    /**
     * The rules of a Makefile with their recipe lines (tab-indented), {@code @ - +} prefixes removed and
     * {@code $$} turned back into {@code $}; a recipe line with continuations is one snippet, and the inline
     * recipe after {@code target: ;} is one too.
     */
    static List<MakeRule> makeRules(String text) {
        List<MakeRule> rules = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        List<String> targets = null;
        List<String> prerequisites = List.of();
        List<ShellSnippet> recipe = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String raw = stripCr(lines[i]);
            if (raw.startsWith("\t") && targets != null) {
                int start = i;
                StringBuilder line = new StringBuilder(stripPrefixes(raw.substring(1)));
                while (endsWithEscape(stripCr(lines[i]), '\\') && i + 1 < lines.length) {
                    i++;
                    String next = stripCr(lines[i]);
                    line.append('\n').append(next.startsWith("\t") ? next.substring(1) : next);
                }
                recipe.add(new ShellSnippet(line.toString().replace("$$", "$"), start + 1, true));
                i++;
                continue;
            }
            if (!raw.isBlank() && !raw.startsWith("#") && !CONDITIONAL.matcher(raw).lookingAt()) {
                if (targets != null) {
                    rules.add(new MakeRule(targets, prerequisites, recipe));
                    targets = null;
                    recipe = new ArrayList<>();
                }
                if (isRuleLine(raw)) {
                    int colon = raw.indexOf(':');
                    int semicolon = raw.indexOf(';', colon);
                    String after = raw.substring(colon + 1, semicolon < 0 ? raw.length() : semicolon);
                    targets = words(raw.substring(0, colon));
                    prerequisites = words(after.replace(":", " ").replace("|", " "));
                    if (semicolon >= 0) {
                        recipe.add(new ShellSnippet(stripPrefixes(raw.substring(semicolon + 1)).replace("$$", "$"),
                                i + 1, true));
                    }
                }
            }
            i++;
        }
        if (targets != null) {
            rules.add(new MakeRule(targets, prerequisites, recipe));
        }
        return rules;
    }

    private static List<String> words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    /** {@code target: prerequisites}, not a variable assignment ({@code X := y}, {@code X = a:b}). */
    private static boolean isRuleLine(String line) {
        int colon = line.indexOf(':');
        if (colon < 0 || line.startsWith("define ")) {
            return false;
        }
        int equals = line.indexOf('=');
        if (equals >= 0 && equals < colon) {
            return false;
        }
        return colon + 1 >= line.length() || line.charAt(colon + 1) != '=';
    }

    private static String stripPrefixes(String recipe) {
        int i = 0;
        while (i < recipe.length() && (recipe.charAt(i) == '@' || recipe.charAt(i) == '-' || recipe.charAt(i) == '+'
                || recipe.charAt(i) == ' ' || recipe.charAt(i) == '\t')) {
            i++;
        }
        return recipe.substring(i);
    }
}
