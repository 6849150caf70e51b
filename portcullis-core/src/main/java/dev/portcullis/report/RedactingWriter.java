package dev.portcullis.report;

import dev.portcullis.model.Redaction;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer that passes each line through {@link Redaction#redact} on its way out: every {@link Reporter} writes
 * through one ({@link ReportFormat#reporter}), so no format can print a token that reached a message or evidence.
 */
final class RedactingWriter extends Writer {
    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    RedactingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            line.append(c);
            if (c == '\n') {
                emit();
            }
        }
    }

    private void emit() throws IOException {
        if (!line.isEmpty()) {
            out.write(Redaction.redact(line.toString()));
            line.setLength(0);
        }
    }

    /** Writes the last line (one without a newline) and flushes; the report is complete. */
    void finish() throws IOException {
        emit();
        out.flush();
    }

    /** Flushes whole lines only: a secret split across a flush would escape a per-part redaction. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Finishes, and leaves the underlying writer open: it belongs to the caller. */
    @Override
    public void close() throws IOException {
        finish();
    }
}
