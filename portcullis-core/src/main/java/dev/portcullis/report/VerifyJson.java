package dev.portcullis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.json.Json;
import dev.portcullis.verify.Identity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The documented verify JSON (docs/verify.md, docs/verify-report.schema.json): the scan's finding shape, what was
 * checked, and who built every version whose provenance verified.
 */
final class VerifyJson {
    private static final ObjectMapper MAPPER = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @JsonPropertyOrder({"file", "format"})
    record LockfileJson(String file, String format) {
    }

    @JsonPropertyOrder({"name", "version", "identity"})
    record ProvenanceJson(String name, String version, Identity identity) {
    }

    @JsonPropertyOrder({"tool", "lockfile", "passed", "failOn", "checked", "findings", "ignored", "provenance",
            "unchecked", "notes"})
    record ReportJson(ScanJson.Tool tool, LockfileJson lockfile, boolean passed, String failOn,
                      VerifyReport.Counts checked, List<ScanJson.FindingJson> findings,
                      List<ScanJson.FindingJson> ignored, List<ProvenanceJson> provenance, List<String> unchecked,
                      List<String> notes) {
    }

    void write(VerifyReport report, Writer out) throws IOException {
        List<ScanJson.FindingJson> findings = report.result().findings().stream()
                .map(f -> ScanJson.finding(f, null)).toList();
        List<ScanJson.FindingJson> ignored = report.result().ignored().stream()
                .map(i -> ScanJson.finding(i.finding(), new ScanJson.IgnoreJson(i.ignore().reason(),
                        i.ignore().until() == null ? null : i.ignore().until().toString(),
                        ScanJson.location(i.ignore().location())))).toList();
        ReportJson json = new ReportJson(new ScanJson.Tool("portcullis", report.toolVersion()),
                new LockfileJson(report.lockfile(), report.format()), report.passedGate(),
                report.result().failOn().id(), report.counts(), findings, ignored, report.provenance().stream()
                .map(p -> new ProvenanceJson(p.name(), p.version(), p.identity())).toList(), report.unchecked(),
                report.notes());
        MAPPER.writeValue(new NonClosingWriter(out), json);
        out.write("\n");
    }
}
