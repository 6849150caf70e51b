package dev.portcullis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where commands write their report: standard output, or a file replaced atomically (never half-written). */
final class ReportOutput {
    private ReportOutput() {
    }

    /** Writes a report to a writer. */
    interface Body {
        void write(Writer out) throws IOException;
    }

    /**
     * Writes to {@code file} when given — through a temporary file beside it, moved into place, so that a reader
     * (a CI upload step) never sees a partial report — else to {@code stdout}.
     */
    static void write(Path file, PrintWriter stdout, Body body) throws IOException {
        if (file == null) {
            body.write(stdout);
            stdout.flush();
            return;
        }
        Path target = file.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                body.write(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
