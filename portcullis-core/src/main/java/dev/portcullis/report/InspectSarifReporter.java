package dev.portcullis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.json.Json;
import dev.portcullis.model.Finding;
import dev.portcullis.model.RuleDescriptor;
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
 * SARIF 2.1.0 of an inspect run: one run, the rule catalogue in tool.driver.rules, one result per finding whose
 * artifact is {@code name@version/path} inside the package, and the targets that could not be inspected as
 * error notifications of the invocation. Serialised from records, sharing the scan reporter's shapes.
 */
public final class InspectSarifReporter implements InspectReporter {
    private static final ObjectMapper MAPPER = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @JsonPropertyOrder({"severity", "package", "version", "verdict", "evidence"})
    record ResultProperties(String severity, @JsonProperty("package") String packageName, String version,
                            String verdict, String evidence) {
    }

    @JsonPropertyOrder({"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints", "properties"})
    record Result(String ruleId, int ruleIndex, String level, SarifReporter.Text message,
                  List<SarifReporter.SarifLocation> locations, Map<String, String> partialFingerprints,
                  ResultProperties properties) {
    }

    record Notification(String level, SarifReporter.Text message) {
    }

    @JsonPropertyOrder({"executionSuccessful", "toolExecutionNotifications"})
    record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {
    }

    @JsonPropertyOrder({"tool", "invocations", "results"})
    record Run(SarifReporter.Tool tool, List<Invocation> invocations, List<Result> results) {
    }

    @JsonPropertyOrder({"$schema", "version", "runs"})
    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    @Override
    public void write(InspectReport report, Writer out) throws IOException {
        List<SarifReporter.Rule> rules = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (RuleDescriptor rule : report.rules()) {
            index.put(rule.id(), rules.size());
            rules.add(SarifReporter.rule(rule));
        }
        List<Result> results = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>();
        for (InspectReport.Result target : report.results()) {
            if (target.error() != null) {
                notifications.add(new Notification("error", new SarifReporter.Text(target.target()
                        + " could not be inspected: " + target.error().message())));
                continue;
            }
            for (Finding finding : target.findings()) {
                Integer ruleIndex = index.get(finding.rule().id());
                if (ruleIndex == null) {
                    throw new IllegalStateException("finding of a rule missing from the catalogue: "
                            + finding.rule().id());
                }
                String uri = target.label() + "/" + finding.location().file();
                SarifReporter.Region region = finding.location().line() > 0
                        ? new SarifReporter.Region(finding.location().line()) : null;
                results.add(new Result(finding.rule().id(), ruleIndex, SarifReporter.level(finding.severity()),
                        new SarifReporter.Text(finding.message() + ". " + finding.rule().howToFix()),
                        List.of(new SarifReporter.SarifLocation(new SarifReporter.PhysicalLocation(
                                new SarifReporter.ArtifactLocation(uri), region))),
                        Map.of("portcullis/v1", fingerprint(finding.rule().id() + "|" + uri + "|"
                                + finding.message())),
                        new ResultProperties(finding.severity().id(), target.name(), target.version(),
                                target.verdict().id(), finding.evidence())));
            }
        }
        Run run = new Run(new SarifReporter.Tool(new SarifReporter.Driver("Portcullis", report.toolVersion(), null,
                rules)), List.of(new Invocation(notifications.isEmpty(), notifications)), results);
        MAPPER.writeValue(new JsonReporter.NonClosingWriter(out), new Log(SarifReporter.SCHEMA, "2.1.0",
                List.of(run)));
        out.write("\n");
    }

    /** Stable across runs and line moves: rule, package, version, file and message, not the line. */
    private static String fingerprint(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
