package dev.portcullis.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.portcullis.diff.PackageDiff;
import dev.portcullis.model.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 of a diff: one result per new finding of a new version (what the change brings in), its artifact
 * {@code name@version/path}; packages that could not be compared as error notifications. Shares the shapes of
 * the other SARIF writers ({@link Sarif}).
 */
final class DiffSarif {
    @JsonPropertyOrder({"severity", "package", "from", "to", "verdict", "evidence"})
    record ResultProperties(String severity, @JsonProperty("package") String packageName, String from, String to,
                            String verdict, String evidence) {
    }

    @JsonPropertyOrder({"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints", "properties"})
    record Result(String ruleId, int ruleIndex, String level, Sarif.Text message,
                  List<Sarif.SarifLocation> locations, Map<String, String> partialFingerprints,
                  ResultProperties properties) {
    }

    @JsonPropertyOrder({"tool", "invocations", "results"})
    record Run(Sarif.Tool tool, List<InspectSarif.Invocation> invocations, List<Result> results) {
    }

    @JsonPropertyOrder({"$schema", "version", "runs"})
    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    void write(DiffReport report, Writer out) throws IOException {
        Sarif.Rules rules = Sarif.Rules.of(report.rules());
        List<Result> results = new ArrayList<>();
        List<InspectSarif.Notification> notifications = new ArrayList<>();
        for (DiffReport.Entry entry : report.entries()) {
            if (entry.error() != null) {
                notifications.add(new InspectSarif.Notification("error", new Sarif.Text(entry.label()
                        + " could not be compared: " + entry.error().message())));
                continue;
            }
            PackageDiff d = entry.diff();
            for (Finding finding : d.newFindings()) {
                String file = finding.location().file();
                String uri = file.startsWith(d.name() + "@") ? file : d.name() + "@" + d.to() + "/" + file;
                Sarif.Region region = finding.location().line() > 0
                        ? new Sarif.Region(finding.location().line()) : null;
                results.add(new Result(finding.rule().id(), rules.indexOf(finding.rule()),
                        Sarif.level(finding.severity()),
                        new Sarif.Text(finding.message() + ". " + finding.rule().howToFix()),
                        List.of(new Sarif.SarifLocation(new Sarif.PhysicalLocation(
                                new Sarif.ArtifactLocation(uri), region))),
                        Map.of("portcullis/v1", Sarif.fingerprint(finding.rule().id() + "|" + uri + "|"
                                + finding.message())),
                        new ResultProperties(finding.severity().id(), d.name(), d.from(), d.to(),
                                entry.verdict() == null ? null : entry.verdict().id(), finding.evidence())));
            }
        }
        Run run = new Run(new Sarif.Tool(new Sarif.Driver("Portcullis", report.toolVersion(), null,
                rules.list())), List.of(new InspectSarif.Invocation(notifications.isEmpty(), notifications)), results);
        Sarif.MAPPER.writeValue(new NonClosingWriter(out), new Log(Sarif.SCHEMA, "2.1.0", List.of(run)));
        out.write("\n");
    }
}
