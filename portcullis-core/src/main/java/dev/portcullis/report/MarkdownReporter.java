package dev.portcullis.report;

import java.io.IOException;
import java.io.Writer;

/** Markdown for pull-request comments; of the reports, only a diff is one ({@link ReportFormat#MARKDOWN}). */
public final class MarkdownReporter implements Reporter {
    @Override
    public void write(Report report, Writer out) throws IOException {
        switch (report) {
            case DiffReport diff -> new DiffMarkdown().write(diff, out);
            case ScanReport scan -> throw new IllegalArgumentException("markdown renders diff reports only");
            case InspectReport inspect -> throw new IllegalArgumentException("markdown renders diff reports only");
            case SbomReport sbom -> throw new IllegalArgumentException("markdown renders diff reports only");
            case VerifyReport verify -> throw new IllegalArgumentException("markdown renders diff reports only");
        }
    }
}
