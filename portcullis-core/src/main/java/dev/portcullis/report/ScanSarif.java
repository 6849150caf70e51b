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
 * SARIF 2.1.0 for code-scanning UIs (GitHub, GitLab, Azure DevOps): every rule in tool.driver.rules, every
 * finding a result pointing at a line of the lockfile, package.json or workflow. Serialised from records.
 */
final class ScanSarif {

    @JsonPropertyOrder({"severity", "package", "version", "evidence"})
    record ResultProperties(String severity, @JsonProperty("package") String packageName, String version,
                            String evidence) {
    }

    @JsonPropertyOrder({"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints", "properties"})
    record Result(String ruleId, int ruleIndex, String level, Sarif.Text message, List<Sarif.SarifLocation> locations,
                  Map<String, String> partialFingerprints, ResultProperties properties) {
    }

    @JsonPropertyOrder({"tool", "results"})
    record Run(Sarif.Tool tool, List<Result> results) {
    }

    @JsonPropertyOrder({"$schema", "version", "runs"})
    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    void write(ScanReport report, Writer out) throws IOException {
        write(report.toolVersion(), report.rules(), report.result().findings(), out);
    }

    /** The log of any command whose results are findings located in files (scan, verify). */
    void write(String toolVersion, List<dev.portcullis.model.RuleDescriptor> catalogue, List<Finding> findings,
               Writer out) throws IOException {
        Sarif.Rules rules = Sarif.Rules.of(catalogue);
        List<Result> results = new ArrayList<>();
        for (Finding finding : findings) {
            int ruleIndex = rules.indexOf(finding.rule());
            Sarif.Region region = finding.location().line() > 0 ? new Sarif.Region(finding.location().line()) : null;
            results.add(new Result(finding.rule().id(), ruleIndex, Sarif.level(finding.severity()),
                    new Sarif.Text(finding.message() + ". " + finding.rule().howToFix()),
                    List.of(new Sarif.SarifLocation(new Sarif.PhysicalLocation(new Sarif.ArtifactLocation(finding.location().file()),
                            region))),
                    Map.of("portcullis/v1", fingerprint(finding)),
                    new ResultProperties(finding.severity().id(), finding.packageName(), finding.version(),
                            finding.evidence())));
        }
        Log log = new Log(Sarif.SCHEMA, "2.1.0", List.of(new Run(new Sarif.Tool(new Sarif.Driver("Portcullis", toolVersion,
                null, rules.list())), results)));
        Sarif.MAPPER.writeValue(new NonClosingWriter(out), log);
        out.write("\n");
    }

    /** Stable across runs and line moves: rule, package, version and file, not the line or the wording. */
    private static String fingerprint(Finding finding) {
        String key = finding.rule().id() + "|" + finding.packageName() + "|" + finding.version() + "|"
                + finding.location().file() + "|" + (finding.packageName() == null ? finding.message() : "");
        return Sarif.fingerprint(key);
    }
}
