package dev.portcullis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.json.Json;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Severity;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.project.Footprint;
import dev.portcullis.project.MicroPackages;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented JSON contract (docs/output-formats.md), serialised from records: field names and order are
 * part of the contract, so the records here are the contract's source of truth.
 */
final class ScanJson {
    private static final ObjectMapper MAPPER = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @JsonPropertyOrder({"name", "version"})
    record Tool(String name, String version) {
    }

    @JsonPropertyOrder({"file", "line"})
    record LocationJson(String file, int line) {
    }

    @JsonPropertyOrder({"rule", "severity", "package", "version", "message", "evidence", "howToFix", "location",
            "ignored"})
    record FindingJson(String rule, String severity, @com.fasterxml.jackson.annotation.JsonProperty("package") String packageName,
                       String version, String message, String evidence, String howToFix, LocationJson location,
                       IgnoreJson ignored) {
    }

    @JsonPropertyOrder({"name", "version", "verdict"})
    record PackageJson(String name, String version, String verdict) {
    }

    @JsonPropertyOrder({"inspected", "packages"})
    record DeepJson(int inspected, List<PackageJson> packages) {
    }

    @JsonPropertyOrder({"reason", "until", "location"})
    record IgnoreJson(String reason, String until, LocationJson location) {
    }

    @JsonPropertyOrder({"findings", "packages", "instances", "direct", "transitive", "prod", "dev", "optional",
            "maxDepth", "multipleVersions", "installScripts", "replaceable"})
    record SummaryJson(Map<String, Integer> findings, int packages, int instances, int direct, int transitive,
                       int prod, int dev, int optional, int maxDepth, Map<String, List<String>> multipleVersions,
                       List<String> installScripts, List<MicroPackages.Replacement> replaceable) {
    }

    @JsonPropertyOrder({"tool", "lockfile", "passed", "failOn", "findings", "ignored", "summary", "unchecked", "notes",
            "gate", "deep"})
    record ReportJson(Tool tool, ScanReport.LockfileSummary lockfile, boolean passed, String failOn,
                      List<FindingJson> findings, List<FindingJson> ignored, SummaryJson summary,
                      List<String> unchecked, List<String> notes, GateJson gate, DeepJson deep) {
    }

    /** How the exit code was decided: {@code passed} is the gate's answer, the policy's verdict is the report's. */
    @JsonPropertyOrder({"passed", "reportOnly", "failOnUnchecked"})
    record GateJson(boolean passed, boolean reportOnly, boolean failOnUnchecked) {
    }

    void write(ScanReport report, Writer out) throws IOException {
        PolicyResult result = report.result();
        List<FindingJson> findings = result.findings().stream().map(f -> finding(f, null)).toList();
        List<FindingJson> ignored = result.ignored().stream()
                .map(i -> finding(i.finding(), new IgnoreJson(i.ignore().reason(),
                        i.ignore().until() == null ? null : i.ignore().until().toString(),
                        location(i.ignore().location())))).toList();
        ReportJson json = new ReportJson(new Tool("portcullis", report.toolVersion()), report.lockfile(),
                result.passed(), result.failOn().id(), findings, ignored, summary(report), report.unchecked(),
                report.notes(), new GateJson(report.passedGate(), report.gate().reportOnly(),
                        report.gate().failOnUnchecked()),
                report.deep() == null ? null : new DeepJson(report.deep().inspected(), report.deep().packages().stream()
                        .map(p -> new PackageJson(p.name(), p.version(), p.verdict().id())).toList()));
        MAPPER.writeValue(new NonClosingWriter(out), json);
        out.write("\n");
    }

    static SummaryJson summary(ScanReport report) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            counts.put(s.id(), 0);
        }
        report.result().findings().forEach(f -> counts.merge(f.severity().id(), 1, Integer::sum));
        Footprint fp = report.footprint();
        return new SummaryJson(counts, fp.packages(), fp.instances(), fp.direct(), fp.transitive(), fp.prod(),
                fp.dev(), fp.optional(), fp.maxDepth(), new java.util.TreeMap<>(fp.multipleVersions()),
                fp.installScripts(), fp.replaceable());
    }

    static FindingJson finding(Finding f, IgnoreJson ignore) {
        return new FindingJson(f.rule().id(), f.severity().id(), f.packageName(), f.version(), f.message(),
                f.evidence(), f.rule().howToFix(), location(f.location()), ignore);
    }

    static LocationJson location(dev.portcullis.model.Location location) {
        return new LocationJson(location.file(), location.line());
    }
}
