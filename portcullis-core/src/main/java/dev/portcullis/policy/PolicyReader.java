package dev.portcullis.policy;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Problems;
import dev.portcullis.model.Redaction;
import dev.portcullis.model.Severity;
import dev.portcullis.model.Verdict;
import dev.portcullis.yaml.Yaml;
import dev.portcullis.yaml.YamlLimits;
import dev.portcullis.yaml.YamlNodes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads portcullis.yml. Walks the YAML node tree (snakeyaml-engine keeps every node's line) rather than binding
 * to classes, so that every problem — an unknown key, a misspelt rule id, an ignore without a reason — is
 * reported with its line, and nothing unknown is silently dropped.
 */
public final class PolicyReader {
    /** A policy file is a few kilobytes; anything this large is not one. */
    private static final int MAX_POLICY_CHARS = 1 << 20;

    private final Set<String> knownRules;
    private String file;

    /** @param knownRules the rule ids of the catalogue; a policy naming another id is an error (a typo) */
    public PolicyReader(Set<String> knownRules) {
        this.knownRules = Set.copyOf(knownRules);
    }

    public Policy read(String fileName, String yaml) throws InputException {
        this.file = fileName;
        if (yaml.length() > MAX_POLICY_CHARS) {
            throw new InputException(Location.of(fileName), "the policy is larger than " + MAX_POLICY_CHARS
                    + " characters; this is not a policy file");
        }
        Optional<Node> root;
        try {
            root = new Compose(Yaml.settings(fileName, YamlLimits.configuration(MAX_POLICY_CHARS))).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new InputException(new Location(fileName, line), "malformed YAML: "
                    + Redaction.quoting(e.getProblem()));
        } catch (YamlEngineException e) {
            throw new InputException(Location.of(fileName), "malformed YAML: "
                    + Redaction.quoting(Problems.describe(e).lines().findFirst().orElse("")));
        }
        Policy defaults = Policy.defaults();
        if (root.isEmpty()) {
            return new Policy(fileName, defaults.failOn(), List.of(), List.of(), true, List.of(), Map.of(), List.of());
        }
        Map<String, Node> top = mapping(root.get(), "the policy", Set.of("failOn", "registries", "remoteSources",
                "pinning", "scripts", "rules", "ignore", "verdict", "minReleaseAge", "unmaintainedAfter",
                "privateScopes", "privatePackages", "typosquat", "deny", "allow", "provenance"));
        Severity failOn = top.containsKey("failOn") ? severity(top.get("failOn")) : defaults.failOn();
        List<String> hosts = List.of();
        List<String> privateHosts = List.of();
        if (top.containsKey("registries")) {
            Map<String, Node> registries = mapping(top.get("registries"), "registries",
                    Set.of("allowedHosts", "privateHosts"));
            hosts = registries.containsKey("allowedHosts") ? strings(registries.get("allowedHosts")) : List.of();
            privateHosts = registries.containsKey("privateHosts") ? strings(registries.get("privateHosts"))
                    : List.of();
        }
        List<String> remote = List.of();
        if (top.containsKey("remoteSources")) {
            Map<String, Node> remoteSources = mapping(top.get("remoteSources"), "remoteSources", Set.of("allow"));
            remote = remoteSources.containsKey("allow") ? strings(remoteSources.get("allow")) : List.of();
        }
        boolean pinDev = true;
        if (top.containsKey("pinning")) {
            Map<String, Node> pinning = mapping(top.get("pinning"), "pinning", Set.of("devDependencies"));
            pinDev = !pinning.containsKey("devDependencies") || bool(pinning.get("devDependencies"));
        }
        List<String> allow = List.of();
        if (top.containsKey("scripts")) {
            Map<String, Node> scripts = mapping(top.get("scripts"), "scripts", Set.of("allow"));
            allow = scripts.containsKey("allow") ? scriptEntries(scripts.get("allow")) : List.of();
        }
        Map<String, Policy.RuleOverride> rules = top.containsKey("rules") ? rules(top.get("rules")) : Map.of();
        List<Policy.Ignore> ignores = top.containsKey("ignore") ? ignores(top.get("ignore")) : List.of();
        VerdictThresholds thresholds = defaults.verdict();
        Verdict failOnVerdict = defaults.failOnVerdict();
        if (top.containsKey("verdict")) {
            Map<String, Node> verdict = mapping(top.get("verdict"), "verdict", Set.of("block", "review", "failOn"));
            Severity block = verdict.containsKey("block") ? severity(verdict.get("block")) : thresholds.block();
            Severity review = verdict.containsKey("review") ? severity(verdict.get("review")) : thresholds.review();
            if (!block.atLeast(review)) {
                throw new InputException(location(top.get("verdict")), "verdict.block (" + block.id()
                        + ") must be at least as severe as verdict.review (" + review.id() + ")");
            }
            thresholds = new VerdictThresholds(block, review);
            if (verdict.containsKey("failOn")) {
                String text = scalar(verdict.get("failOn"), "verdict.failOn");
                failOnVerdict = switch (text) {
                    case "review" -> Verdict.REVIEW;
                    case "block" -> Verdict.BLOCK;
                    default -> throw new InputException(location(verdict.get("failOn")),
                            "verdict.failOn must be review or block, not '" + text + "'");
                };
            }
        }
        return new Policy(fileName, failOn, hosts, remote, pinDev, allow, rules, ignores, thresholds, failOnVerdict,
                metadata(top), privateHosts, packageEntries(top.get("deny"), "deny"),
                packageEntries(top.get("allow"), "allow"), top.containsKey("provenance")
                ? provenance(top.get("provenance")) : List.of());
    }

    /** {@code provenance: {name-or-@scope/*: {repository: …, workflow: …}}}. */
    private List<Policy.ProvenancePin> provenance(Node node) throws InputException {
        List<Policy.ProvenancePin> pins = new java.util.ArrayList<>();
        for (Map.Entry<String, Node> entry : mapping(node, "provenance", null).entrySet()) {
            String what = "provenance." + entry.getKey();
            Map<String, Node> pin = mapping(entry.getValue(), what, Set.of("repository", "workflow"));
            if (!pin.containsKey("repository")) {
                throw new InputException(location(entry.getValue()), what + " needs a repository "
                        + "(for example github.com/owner/repo)");
            }
            pins.add(new Policy.ProvenancePin(entry.getKey(), scalar(pin.get("repository"), what + ".repository"),
                    pin.containsKey("workflow") ? scalar(pin.get("workflow"), what + ".workflow") : null,
                    location(entry.getValue())));
        }
        return pins;
    }

    private Policy.Metadata metadata(Map<String, Node> top) throws InputException {
        Policy.Metadata d = Policy.Metadata.DEFAULTS;
        java.time.Duration minAge = top.containsKey("minReleaseAge") ? duration(top.get("minReleaseAge"),
                "minReleaseAge") : d.minReleaseAge();
        java.time.Duration unmaintained = top.containsKey("unmaintainedAfter") ? duration(top.get("unmaintainedAfter"),
                "unmaintainedAfter") : d.unmaintainedAfter();
        if (unmaintained.isZero()) {
            throw new InputException(location(top.get("unmaintainedAfter")), "unmaintainedAfter must be longer than 0;"
                    + " turn the rule off with `rules: {meta/unmaintained: off}` instead");
        }
        List<String> scopes = top.containsKey("privateScopes") ? strings(top.get("privateScopes")) : List.of();
        SequenceNode scopeNodes = scopes.isEmpty() ? null : (SequenceNode) top.get("privateScopes");
        for (int i = 0; i < scopes.size(); i++) {
            if (!scopes.get(i).matches("@?[a-z0-9][a-z0-9._~-]*(/\\*)?")) {
                throw new InputException(location(scopeNodes.getValue().get(i)), "privateScopes: '" + scopes.get(i)
                        + "' is not a scope; write it as @acme");
            }
        }
        List<String> packages = top.containsKey("privatePackages") ? strings(top.get("privatePackages")) : List.of();
        List<String> typosquatAllow = List.of();
        if (top.containsKey("typosquat")) {
            Map<String, Node> typosquat = mapping(top.get("typosquat"), "typosquat", Set.of("allow"));
            typosquatAllow = typosquat.containsKey("allow") ? strings(typosquat.get("allow")) : List.of();
        }
        return new Policy.Metadata(minAge, unmaintained, scopes, packages, typosquatAllow);
    }

    private java.time.Duration duration(Node node, String what) throws InputException {
        String text = scalar(node, what);
        try {
            return dev.portcullis.model.Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(location(node), what + ": " + e.getMessage());
        }
    }

    private Map<String, Policy.RuleOverride> rules(Node node) throws InputException {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(org.snakeyaml.engine.v2.nodes.Tag.NULL)) {
            return Map.of();
        }
        Map<String, Node> entries = mapping(node, "rules", null);
        Map<String, Policy.RuleOverride> rules = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            knownRule(entry.getKey(), entry.getValue());
            String value = scalar(entry.getValue(), "rules." + entry.getKey());
            Severity severity = value.equals("off") ? null : severity(entry.getValue());
            rules.put(entry.getKey(), new Policy.RuleOverride(entry.getKey(), severity, location(entry.getValue())));
        }
        return rules;
    }

    private List<Policy.Ignore> ignores(Node node) throws InputException {
        List<Policy.Ignore> ignores = new ArrayList<>();
        for (Node item : sequence(node, "ignore")) {
            Map<String, Node> fields = mapping(item, "an ignore entry",
                    Set.of("rule", "package", "version", "file", "reason", "until"));
            if (!fields.containsKey("rule")) {
                throw new InputException(location(item), "an ignore entry needs 'rule' (the rule id it accepts)");
            }
            if (!fields.containsKey("reason") || scalar(fields.get("reason"), "reason").isBlank()) {
                throw new InputException(location(item),
                        "an ignore entry needs a 'reason': say why the finding is accepted");
            }
            String rule = scalar(fields.get("rule"), "rule");
            knownRule(rule, fields.get("rule"));
            LocalDate until = null;
            if (fields.containsKey("until")) {
                String text = scalar(fields.get("until"), "until");
                try {
                    until = LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new InputException(location(fields.get("until")),
                            "'until' must be a date like 2027-01-31, not '" + text + "'");
                }
            }
            ignores.add(new Policy.Ignore(rule, optional(fields, "package"), optional(fields, "version"),
                    optional(fields, "file"), scalar(fields.get("reason"), "reason"), until, location(item)));
        }
        return ignores;
    }

    /** {@code deny:} or {@code allow:}: a list of {@code - package: name@version} with a required reason. */
    private List<PackageEntry> packageEntries(Node node, String what) throws InputException {
        if (node == null) {
            return List.of();
        }
        List<PackageEntry> entries = new ArrayList<>();
        for (Node item : sequence(node, what)) {
            Map<String, Node> fields = mapping(item, "a " + what + " entry", Set.of("package", "reason"));
            if (!fields.containsKey("package")) {
                throw new InputException(location(item), "a " + what + " entry needs 'package' (name@version)");
            }
            if (!fields.containsKey("reason") || scalar(fields.get("reason"), "reason").isBlank()) {
                throw new InputException(location(item), "a " + what + " entry needs a 'reason': say why");
            }
            String spec = scalar(fields.get("package"), "package");
            entries.add(PackageEntry.parse(spec, scalar(fields.get("reason"), "reason"), location(item))
                    .orElseThrow(() -> new InputException(location(fields.get("package")), what + ": '" + spec
                            + "' is not a package name with an optional @version or @range")));
        }
        return entries;
    }

    private String optional(Map<String, Node> fields, String key) throws InputException {
        return fields.containsKey(key) ? scalar(fields.get(key), key) : null;
    }

    private List<String> scriptEntries(Node node) throws InputException {
        List<String> entries = strings(node);
        for (int i = 0; i < entries.size(); i++) {
            try {
                dev.portcullis.project.ScriptAllowlist.parse(entries.get(i));
            } catch (IllegalArgumentException e) {
                throw new InputException(location(((SequenceNode) node).getValue().get(i)),
                        "scripts.allow: " + e.getMessage() + " (write name@1.2.3 or name@range)");
            }
        }
        return entries;
    }

    private void knownRule(String rule, Node node) throws InputException {
        if (!knownRules.contains(rule)) {
            throw new InputException(location(node), "unknown rule id '" + rule + "'; `portcullis rules` lists them");
        }
    }

    private Severity severity(Node node) throws InputException {
        String text = scalar(node, "severity");
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(location(node), e.getMessage());
        }
    }

    private boolean bool(Node node) throws InputException {
        String text = scalar(node, "a boolean");
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InputException(location(node), "expected true or false, not '" + text + "'");
        };
    }

    private Map<String, Node> mapping(Node node, String what, Set<String> allowed) throws InputException {
        return new YamlNodes(file).mapping(node, what, allowed);
    }

    private List<Node> sequence(Node node, String what) throws InputException {
        return new YamlNodes(file).sequence(node, what);
    }

    private List<String> strings(Node node) throws InputException {
        List<String> values = new ArrayList<>();
        for (Node item : sequence(node, "this setting")) {
            values.add(scalar(item, "a list item"));
        }
        return values;
    }

    private String scalar(Node node, String what) throws InputException {
        return new YamlNodes(file).scalar(node, what);
    }

    private Location location(Node node) {
        return new YamlNodes(file).location(node);
    }
}
