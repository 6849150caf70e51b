package dev.portcullis.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format. Implementations are pure: same report, same bytes. */
public interface Reporter {
    void write(ScanReport report, Writer out) throws IOException;
}
