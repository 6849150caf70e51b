package dev.portcullis.report;

import dev.portcullis.report.SbomReport.Component;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/** The human summary of an SBOM: what it holds, by scope and source, one line per component. */
final class SbomText {
    void write(SbomReport report, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("Portcullis ").append(report.toolVersion()).append(" — sbom of ").append(report.root().name());
        if (!report.root().version().isEmpty()) {
            s.append('@').append(report.root().version());
        }
        s.append("\n\n");
        Map<String, Integer> byScope = new TreeMap<>();
        for (Component c : report.components()) {
            byScope.merge(c.scope().id(), 1, Integer::sum);
            s.append("  ").append(String.format("%-8s", c.scope().id())).append(' ').append(c.purl());
            if (!c.licenses().isEmpty()) {
                s.append("  ").append(String.join(", ", c.licenses()));
            }
            s.append('\n');
        }
        for (String warning : report.warnings()) {
            s.append("warning: ").append(warning).append('\n');
        }
        long edges = report.dependencies().values().stream().mapToLong(java.util.List::size).sum();
        s.append('\n').append(report.components().size()).append(" components (");
        s.append(String.join(", ", byScope.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()));
        s.append("), ").append(edges).append(" dependency relations; --format cyclonedx or spdx for the document\n");
        out.write(s.toString());
    }
}
