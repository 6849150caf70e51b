package dev.portcullis.report;

import java.io.IOException;
import java.io.Writer;

/** The SBOM document formats; of the reports, only an SBOM is one ({@link ReportFormat#CYCLONEDX}, {@link ReportFormat#SPDX}). */
final class SbomReporter implements Reporter {
    private final ReportFormat format;

    SbomReporter(ReportFormat format) {
        this.format = format;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        if (!(report instanceof SbomReport sbom)) {
            throw new IllegalArgumentException(format.id() + " renders SBOMs only");
        }
        switch (format) {
            case CYCLONEDX -> new SbomCycloneDx().write(sbom, out);
            case SPDX -> new SbomSpdx().write(sbom, out);
            case TEXT, JSON, SARIF, MARKDOWN -> throw new IllegalArgumentException(format.id()
                    + " is not an SBOM format");
        }
    }
}
