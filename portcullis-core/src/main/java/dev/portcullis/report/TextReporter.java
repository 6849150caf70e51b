package dev.portcullis.report;

import java.io.IOException;
import java.io.Writer;

/** The human report of every command; colour (ANSI) only when writing to a terminal. */
public final class TextReporter implements Reporter {
    private final boolean colour;

    public TextReporter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        switch (report) {
            case ScanReport scan -> new ScanText(colour).write(scan, out);
            case InspectReport inspect -> new InspectText(colour).write(inspect, out);
            case DiffReport diff -> new DiffText(colour).write(diff, out);
            case SbomReport sbom -> new SbomText().write(sbom, out);
            case VerifyReport verify -> new VerifyText(colour).write(verify, out);
        }
    }
}
