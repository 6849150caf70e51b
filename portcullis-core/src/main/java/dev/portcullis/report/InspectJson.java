package dev.portcullis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.json.Json;
import dev.portcullis.model.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The documented inspect JSON (docs/inspect.md, docs/inspect-report.schema.json), serialised from these records:
 * {@code {"results":[{"target","name","version","verdict","findings":[{"rule","severity","file","line",
 * "message","evidence"}]}]}}, plus {@code error} on a target that failed and {@code warnings} when there are any.
 */
final class InspectJson {
    private static final ObjectMapper MAPPER = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    @JsonPropertyOrder({"rule", "severity", "file", "line", "message", "evidence"})
    record FindingJson(String rule, String severity, String file, int line, String message, String evidence) {
    }

    @JsonPropertyOrder({"target", "name", "version", "verdict", "findings", "error"})
    record ResultJson(String target, String name, String version, String verdict, List<FindingJson> findings,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    @JsonPropertyOrder({"results", "warnings"})
    record ReportJson(List<ResultJson> results, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {
    }

    void write(InspectReport report, Writer out) throws IOException {
        List<ResultJson> results = report.results().stream().map(InspectJson::result).toList();
        MAPPER.writeValue(new NonClosingWriter(out), new ReportJson(results, report.warnings()));
        out.write("\n");
    }

    private static ResultJson result(InspectReport.Result r) {
        return new ResultJson(r.target(), r.name(), r.version(), r.verdict() == null ? null : r.verdict().id(),
                r.findings().stream().map(InspectJson::finding).toList(),
                r.error() == null ? null : r.error().message());
    }

    private static FindingJson finding(Finding f) {
        return new FindingJson(f.rule().id(), f.severity().id(), f.location().file(), f.location().line(),
                f.message(), f.evidence());
    }
}
