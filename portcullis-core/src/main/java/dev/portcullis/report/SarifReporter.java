package dev.portcullis.report;

import java.io.IOException;
import java.io.Writer;

/** SARIF 2.1.0 of every command, for code-scanning UIs (GitHub, GitLab, Azure DevOps); serialised from records. */
public final class SarifReporter implements Reporter {
    @Override
    public void write(Report report, Writer out) throws IOException {
        switch (report) {
            case ScanReport scan -> new ScanSarif().write(scan, out);
            case InspectReport inspect -> new InspectSarif().write(inspect, out);
            case DiffReport diff -> new DiffSarif().write(diff, out);
            case SbomReport sbom -> throw new IllegalArgumentException("an SBOM is written as cyclonedx or spdx");
            case VerifyReport verify -> new ScanSarif().write(verify.toolVersion(), verify.rules(), verify.result().findings(), out);
        }
    }
}
