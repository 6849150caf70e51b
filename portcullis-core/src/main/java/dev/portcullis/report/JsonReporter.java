package dev.portcullis.report;

import java.io.IOException;
import java.io.Writer;

/**
 * The documented JSON of every command (docs/output-formats.md, docs/*.schema.json), serialised from records whose
 * field names and order are the contract.
 */
public final class JsonReporter implements Reporter {
    @Override
    public void write(Report report, Writer out) throws IOException {
        switch (report) {
            case ScanReport scan -> new ScanJson().write(scan, out);
            case InspectReport inspect -> new InspectJson().write(inspect, out);
            case DiffReport diff -> new DiffJson().write(diff, out);
            case SbomReport sbom -> throw new IllegalArgumentException("an SBOM is written as cyclonedx or spdx");
            case VerifyReport verify -> new VerifyJson().write(verify, out);
        }
    }
}
