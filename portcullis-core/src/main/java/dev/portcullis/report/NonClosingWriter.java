package dev.portcullis.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/** Jackson closes the writer it is given; the caller owns it. */
final class NonClosingWriter extends FilterWriter {
    NonClosingWriter(Writer out) {
        super(out);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
