package dev.portcullis.report;

import java.io.IOException;
import java.io.Writer;

/** Writes any report in one format. Implementations are pure: same report, same bytes. */
public interface Reporter {
    void write(Report report, Writer out) throws IOException;
}
