package dev.portcullis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.json.Json;
import dev.portcullis.model.Finding;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning UIs (GitHub, GitLab, Azure DevOps): every rule in tool.driver.rules, every
 * finding a result pointing at a line of the lockfile, package.json or workflow. Serialised from records.
 */
public final class SarifReporter implements Reporter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper MAPPER = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    record Text(String text) {
    }

    record Configuration(String level) {
    }

    record RuleProperties(@JsonProperty("security-severity") String securitySeverity, List<String> tags) {
    }

    @JsonPropertyOrder({"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration",
            "properties"})
    record Rule(String id, String name, Text shortDescription, Text fullDescription, Text help,
                Configuration defaultConfiguration, RuleProperties properties) {
    }

    @JsonPropertyOrder({"name", "version", "informationUri", "rules"})
    record Driver(String name, String version, String informationUri, List<Rule> rules) {
    }

    record Tool(Driver driver) {
    }

    record ArtifactLocation(String uri) {
    }

    record Region(Integer startLine) {
    }

    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    record SarifLocation(PhysicalLocation physicalLocation) {
    }

    @JsonPropertyOrder({"severity", "package", "version", "evidence"})
    record ResultProperties(String severity, @JsonProperty("package") String packageName, String version,
                            String evidence) {
    }

    @JsonPropertyOrder({"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints", "properties"})
    record Result(String ruleId, int ruleIndex, String level, Text message, List<SarifLocation> locations,
                  Map<String, String> partialFingerprints, ResultProperties properties) {
    }

    @JsonPropertyOrder({"tool", "results"})
    record Run(Tool tool, List<Result> results) {
    }

    @JsonPropertyOrder({"$schema", "version", "runs"})
    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    @Override
    public void write(ScanReport report, Writer out) throws IOException {
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (RuleDescriptor rule : report.rules()) {
            index.put(rule.id(), rules.size());
            rules.add(rule(rule));
        }
        List<Result> results = new ArrayList<>();
        for (Finding finding : report.result().findings()) {
            Integer ruleIndex = index.get(finding.rule().id());
            if (ruleIndex == null) {
                throw new IllegalStateException("finding of a rule missing from the catalogue: " + finding.rule().id());
            }
            Region region = finding.location().line() > 0 ? new Region(finding.location().line()) : null;
            results.add(new Result(finding.rule().id(), ruleIndex, level(finding.severity()),
                    new Text(finding.message() + ". " + finding.rule().howToFix()),
                    List.of(new SarifLocation(new PhysicalLocation(new ArtifactLocation(finding.location().file()),
                            region))),
                    Map.of("portcullis/v1", fingerprint(finding)),
                    new ResultProperties(finding.severity().id(), finding.packageName(), finding.version(),
                            finding.evidence())));
        }
        Log log = new Log(SCHEMA, "2.1.0", List.of(new Run(new Tool(new Driver("Portcullis", report.toolVersion(),
                null, rules)), results)));
        MAPPER.writeValue(new JsonReporter.NonClosingWriter(out), log);
        out.write("\n");
    }

    /** One catalogue rule as SARIF describes it (shared with the inspect reporter). */
    static Rule rule(RuleDescriptor rule) {
        return new Rule(rule.id(), rule.title(), new Text(rule.title()), new Text(rule.why()),
                new Text(rule.why() + "\n\nHow to fix: " + rule.howToFix()),
                new Configuration(level(rule.defaultSeverity())),
                new RuleProperties(securitySeverity(rule.defaultSeverity()), List.of("security", "supply-chain",
                        rule.group())));
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub code scanning ranks security results by this 0–10 score. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    /** Stable across runs and line moves: rule, package, version and file, not the line or the wording. */
    private static String fingerprint(Finding finding) {
        String key = finding.rule().id() + "|" + finding.packageName() + "|" + finding.version() + "|"
                + finding.location().file() + "|" + (finding.packageName() == null ? finding.message() : "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
