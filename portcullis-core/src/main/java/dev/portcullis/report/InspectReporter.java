package dev.portcullis.report;

import java.io.IOException;
import java.io.Writer;

/** Writes an inspect report in one format. Implementations are pure: same report, same bytes. */
public interface InspectReporter {
    void write(InspectReport report, Writer out) throws IOException;
}
