package dev.portcullis.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.portcullis.model.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 of an inspect run: one run, the rule catalogue in tool.driver.rules, one result per finding whose
 * artifact is {@code name@version/path} inside the package, and the targets that could not be inspected as
 * error notifications of the invocation. Serialised from records, sharing the scan reporter's shapes.
 */
final class InspectSarif {

    @JsonPropertyOrder({"severity", "package", "version", "verdict", "evidence"})
    record ResultProperties(String severity, @JsonProperty("package") String packageName, String version,
                            String verdict, String evidence) {
    }

    @JsonPropertyOrder({"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints", "properties"})
    record Result(String ruleId, int ruleIndex, String level, Sarif.Text message,
                  List<Sarif.SarifLocation> locations, Map<String, String> partialFingerprints,
                  ResultProperties properties) {
    }

    record Notification(String level, Sarif.Text message) {
    }

    @JsonPropertyOrder({"executionSuccessful", "toolExecutionNotifications"})
    record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {
    }

    @JsonPropertyOrder({"tool", "invocations", "results"})
    record Run(Sarif.Tool tool, List<Invocation> invocations, List<Result> results) {
    }

    @JsonPropertyOrder({"$schema", "version", "runs"})
    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    void write(InspectReport report, Writer out) throws IOException {
        Sarif.Rules rules = Sarif.Rules.of(report.rules());
        List<Result> results = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>();
        for (InspectReport.Result target : report.results()) {
            if (target.error() != null) {
                notifications.add(new Notification("error", new Sarif.Text(target.target()
                        + " could not be inspected: " + target.error().message())));
                continue;
            }
            for (Finding finding : target.findings()) {
                int ruleIndex = rules.indexOf(finding.rule());
                String uri = target.label() + "/" + finding.location().file();
                Sarif.Region region = finding.location().line() > 0
                        ? new Sarif.Region(finding.location().line()) : null;
                results.add(new Result(finding.rule().id(), ruleIndex, Sarif.level(finding.severity()),
                        new Sarif.Text(finding.message() + ". " + finding.rule().howToFix()),
                        List.of(new Sarif.SarifLocation(new Sarif.PhysicalLocation(
                                new Sarif.ArtifactLocation(uri), region))),
                        // stable across runs and line moves: rule, package, version, file and message
                        Map.of("portcullis/v1", Sarif.fingerprint(finding.rule().id() + "|" + uri + "|"
                                + finding.message())),
                        new ResultProperties(finding.severity().id(), target.name(), target.version(),
                                target.verdict().id(), finding.evidence())));
            }
        }
        Run run = new Run(new Sarif.Tool(new Sarif.Driver("Portcullis", report.toolVersion(), null,
                rules.list())), List.of(new Invocation(notifications.isEmpty(), notifications)), results);
        Sarif.MAPPER.writeValue(new NonClosingWriter(out), new Log(Sarif.SCHEMA, "2.1.0",
                List.of(run)));
        out.write("\n");
    }
}
