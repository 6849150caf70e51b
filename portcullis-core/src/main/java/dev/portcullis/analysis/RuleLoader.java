package dev.portcullis.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.portcullis.js.FactKind;
import dev.portcullis.js.StringPattern;
import dev.portcullis.json.Json;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.yaml.Yaml;
import dev.portcullis.yaml.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads content rules: {@code rules/index.txt} lists the rule files, each is YAML validated against
 * {@code rules/rule.schema.json} (unknown keys, wrong types and bad severities are rejected there, naming file and
 * key), then checked for what a schema cannot say (fact ids exist, regexes compile, id matches the file name,
 * a condition is a fact or a group but not both) and bound to {@link ContentRule}.
 */
final class RuleLoader {
    /** A rule file is a few kilobytes; refusing large ones keeps a broken build from loading garbage. */
    private static final int MAX_RULE_CHARS = 64 * 1024;
    private static final Set<String> GROUP_KEYS = Set.of("all", "any", "none");
    private static final Set<String> FACT_KEYS = Set.of("fact", "detail", "evidence", "minDepth", "maxDepth");

    /** The schema every rule file follows, or null when the files were checked against it at build time. */
    private final JsonSchema schema;

    private RuleLoader(JsonSchema schema) {
        this.schema = schema;
    }

    /** Checks each rule file against {@code rules/rule.schema.json} too: for rule files not checked at build time. */
    static RuleLoader validating() {
        try (InputStream in = resource("rules/rule.schema.json")) {
            return new RuleLoader(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read rules/rule.schema.json from the classpath", e);
        }
    }

    /**
     * For the rule files shipped in the jar, which RuleLoaderTest checks against the schema at build time: loading
     * the schema validator costs more start-up time than all the rules together (docs/development.md has the
     * figures). Every check the schema cannot express still runs.
     */
    static RuleLoader bundled() {
        return new RuleLoader(null);
    }

    /** Every rule listed in {@code rules/index.txt} on the classpath, in index order. */
    List<ContentRule> loadIndex() throws RuleException {
        String index;
        try (InputStream in = resource("rules/index.txt")) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleException("cannot read rules/index.txt from the classpath", e);
        }
        List<ContentRule> rules = new ArrayList<>();
        for (String file : indexEntries(index)) {
            String yaml;
            try (InputStream in = resource("rules/" + file)) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RuleException("rules/index.txt lists " + file + ", which cannot be read", e);
            }
            rules.add(parse(file, yaml));
        }
        checkUnique(rules);
        return List.copyOf(rules);
    }

    /** The file names index.txt lists: one per line, blank lines and {@code #} comments skipped. */
    static List<String> indexEntries(String index) {
        return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static void checkUnique(List<ContentRule> rules) throws RuleException {
        Map<String, Long> counts = rules.stream().collect(Collectors.groupingBy(ContentRule::id, Collectors.counting()));
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted()
                .toList();
        if (!twice.isEmpty()) {
            throw new RuleException("two rules share the id " + String.join(", ", twice));
        }
        Map<String, String> patterns = new HashMap<>();
        for (ContentRule rule : rules) {
            for (StringPattern string : rule.strings()) {
                String before = patterns.putIfAbsent(string.name(), string.pattern().pattern());
                if (before != null && !before.equals(string.pattern().pattern())) {
                    throw new RuleException(rule.id() + ": the string pattern '" + string.name()
                            + "' is defined differently by another rule; give it another name");
                }
            }
        }
    }

    /** One rule file; {@code file} is its name (for messages and the id check). */
    ContentRule parse(String file, String yaml) throws RuleException {
        if (yaml.length() > MAX_RULE_CHARS) {
            throw new RuleException(file + ": larger than " + MAX_RULE_CHARS + " characters; not a rule file");
        }
        Object loaded;
        try {
            loaded = new Load(Yaml.settings(file, YamlLimits.configuration(MAX_RULE_CHARS))).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new RuleException(file + ": malformed YAML: " + e.getMessage(), e);
        }
        JsonNode node = Json.mapper().valueToTree(loaded);
        Set<ValidationMessage> errors = schema == null ? Set.of() : schema.validate(node);
        if (!errors.isEmpty()) {
            String messages = errors.stream().map(ValidationMessage::getMessage).sorted()
                    .collect(Collectors.joining("; "));
            throw new RuleException(file + ": does not follow rules/rule.schema.json: " + messages);
        }
        String id = node.get("id").asText();
        String expectedFile = id.substring(id.indexOf('/') + 1) + ".yaml";
        if (!file.endsWith(expectedFile) || (file.length() > expectedFile.length()
                && file.charAt(file.length() - expectedFile.length() - 1) != '/')) {
            throw new RuleException(file + ": the rule id " + id + " belongs in a file named " + expectedFile);
        }
        RuleDescriptor descriptor = new RuleDescriptor(id, Severity.parse(node.get("severity").asText()),
                node.get("title").asText().strip(), oneLine(node.get("description").asText()),
                oneLine(node.get("fix").asText()));
        Severity installSeverity = node.has("installSeverity") ? Severity.parse(node.get("installSeverity").asText())
                : null;
        ContentRule.Scope scope = "install-flow".equals(node.path("scope").asText("same-file"))
                ? ContentRule.Scope.INSTALL_FLOW : ContentRule.Scope.SAME_FILE;
        Condition match = condition(file, "match", node.get("match"));
        if (match.triggers().isEmpty()) {
            throw new RuleException(file + ": match needs a fact that must be present (all or any); "
                    + "a rule of only 'none' would fire on every file");
        }
        List<StringPattern> strings = new ArrayList<>();
        JsonNode stringsNode = node.path("strings");
        for (int i = 0; i < stringsNode.size(); i++) {
            JsonNode s = stringsNode.get(i);
            strings.add(new StringPattern(s.get("name").asText(),
                    regex(file, "strings[" + i + "].pattern", s.get("pattern").asText())));
        }
        return new ContentRule(descriptor, node.get("category").asText(), scope, node.path("installTime").asBoolean(),
                node.path("notMinified").asBoolean(), installSeverity, node.path("maxLineSpan").asInt(-1), match, strings);
    }

    private static Condition condition(String file, String where, JsonNode node) throws RuleException {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        boolean fact = keys.stream().anyMatch(FACT_KEYS::contains);
        boolean group = keys.stream().anyMatch(GROUP_KEYS::contains);
        if (fact && group) {
            throw new RuleException(file + ": " + where + " mixes a fact condition (" + FACT_KEYS.stream().sorted()
                    .collect(Collectors.joining(", ")) + ") with a group (all, any, none); nest the group instead");
        }
        if (fact) {
            if (!node.has("fact")) {
                throw new RuleException(file + ": " + where + " has " + keys + " but no 'fact'");
            }
            String id = node.get("fact").asText();
            FactKind kind = FactKind.byId(id);
            if (kind == null) {
                throw new RuleException(file + ": " + where + ".fact: unknown fact '" + id + "' (known: "
                        + Arrays.stream(FactKind.values()).map(FactKind::id).collect(Collectors.joining(", ")) + ")");
            }
            Pattern detail = node.has("detail") ? regex(file, where + ".detail", node.get("detail").asText()) : null;
            Pattern evidence = node.has("evidence") ? regex(file, where + ".evidence", node.get("evidence").asText())
                    : null;
            int minDepth = node.path("minDepth").asInt(0);
            int maxDepth = node.has("maxDepth") ? node.get("maxDepth").asInt() : Integer.MAX_VALUE;
            if (maxDepth < minDepth) {
                throw new RuleException(file + ": " + where + ": maxDepth " + maxDepth + " is below minDepth " + minDepth);
            }
            return new Condition.FactIs(kind, detail, evidence, minDepth, maxDepth);
        }
        List<Condition> all = new ArrayList<>();
        // Keys in a fixed order so the witnesses (and so the findings) do not depend on YAML key order.
        for (String key : List.of("all", "any", "none")) {
            if (!node.has(key)) {
                continue;
            }
            List<Condition> parts = new ArrayList<>();
            Iterator<JsonNode> items = node.get(key).elements();
            for (int i = 0; items.hasNext(); i++) {
                parts.add(condition(file, where + "." + key + "[" + i + "]", items.next()));
            }
            all.add(switch (key) {
                case "all" -> new Condition.All(parts);
                case "any" -> new Condition.Any(parts);
                default -> new Condition.None(parts);
            });
        }
        return all.size() == 1 ? all.getFirst() : new Condition.All(all);
    }

    private static Pattern regex(String file, String where, String regex) throws RuleException {
        try {
            return dev.portcullis.js.StringPattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleException(file + ": " + where + ": not a valid regular expression: " + e.getDescription()
                    + " in '" + regex + "'", e);
        }
    }

    /** YAML folded text keeps a trailing newline and may wrap; the catalogue wants one line. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath");
        }
        return in;
    }
}
