package dev.portcullis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.diff.PackageDiff;
import dev.portcullis.json.Json;
import dev.portcullis.model.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The documented diff JSON (docs/diff.md, docs/diff-report.schema.json), serialised from these records: what was
 * compared, then one entry per package, the most important first, with its change, the new version's verdict and
 * each kind of change as a list; {@code error} instead on a package that could not be compared.
 */
final class DiffJson {
    private static final ObjectMapper MAPPER = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    @JsonPropertyOrder({"fromFiles", "toFiles", "fromBytes", "toBytes", "change"})
    record SizeJson(int fromFiles, int toFiles, long fromBytes, long toBytes, long change) {
    }

    @JsonPropertyOrder({"path", "status", "content", "fromBytes", "toBytes", "note", "diff"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FileJson(String path, String status, String content, long fromBytes, long toBytes, String note,
                    String diff) {
    }

    @JsonPropertyOrder({"capability", "change", "file", "line", "detail", "evidence", "newToPackage"})
    record CapabilityJson(String capability, String change, String file, int line, String detail, String evidence,
                          boolean newToPackage) {
    }

    @JsonPropertyOrder({"script", "from", "to"})
    record ScriptJson(String script, String from, String to) {
    }

    @JsonPropertyOrder({"type", "name", "from", "to"})
    record DependencyJson(String type, String name, String from, String to) {
    }

    @JsonPropertyOrder({"what", "from", "to"})
    record PublicationJson(String what, String from, String to) {
    }

    @JsonPropertyOrder({"rule", "severity", "file", "line", "message", "evidence"})
    record FindingJson(String rule, String severity, String file, int line, String message, String evidence) {
    }

    @JsonPropertyOrder({"name", "from", "to", "change", "verdict", "importance", "size", "newFindings", "scripts",
            "publication", "capabilities", "capabilitiesOmitted", "dependencies", "files", "filesOmitted", "error"})
    record EntryJson(String name, String from, String to, String change, String verdict, Long importance,
                     SizeJson size, List<FindingJson> newFindings, List<ScriptJson> scripts,
                     List<PublicationJson> publication, List<CapabilityJson> capabilities,
                     Integer capabilitiesOmitted, List<DependencyJson> dependencies, List<FileJson> files,
                     Integer filesOmitted, @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    @JsonPropertyOrder({"from", "to", "passed", "packages", "warnings", "unchecked"})
    record ReportJson(String from, String to, boolean passed, List<EntryJson> packages,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unchecked) {
    }

    void write(DiffReport report, Writer out) throws IOException {
        List<EntryJson> entries = report.entries().stream().map(DiffJson::entry).toList();
        MAPPER.writeValue(new NonClosingWriter(out), new ReportJson(report.from(), report.to(),
                report.passed() && report.worstError() == null, entries, report.warnings(), report.unchecked()));
        out.write("\n");
    }

    private static EntryJson entry(DiffReport.Entry entry) {
        PackageDiff d = entry.diff();
        if (d == null) {
            return new EntryJson(entry.label(), null, null, null, null, null, null, List.of(), List.of(), List.of(),
                    List.of(), null, List.of(), List.of(), null, entry.error().message());
        }
        PackageDiff.Size s = d.size();
        return new EntryJson(d.name(), d.from(), d.to(), d.kind().id(),
                entry.verdict() == null ? null : entry.verdict().id(), d.importance(),
                new SizeJson(s.fromFiles(), s.toFiles(), s.fromBytes(), s.toBytes(), s.change()),
                d.newFindings().stream().map(DiffJson::finding).toList(),
                d.scripts().stream().map(c -> new ScriptJson(c.script(), c.from(), c.to())).toList(),
                d.publication().stream().map(c -> new PublicationJson(c.what(), c.from(), c.to())).toList(),
                d.capabilities().stream().map(c -> new CapabilityJson(c.capability().id(), c.direction().id(),
                        c.file(), c.line(), c.detail(), c.evidence(), c.newToPackage())).toList(),
                d.capabilitiesOmitted(),
                d.dependencies().stream().map(c -> new DependencyJson(c.type(), c.name(), c.from(), c.to())).toList(),
                d.files().stream().map(f -> new FileJson(f.path(), f.status().id(), f.content().id(), f.fromBytes(),
                        f.toBytes(), f.note(), f.diff())).toList(),
                d.filesOmitted(), null);
    }

    private static FindingJson finding(Finding f) {
        return new FindingJson(f.rule().id(), f.severity().id(), f.location().file(), f.location().line(),
                f.message(), f.evidence());
    }
}
