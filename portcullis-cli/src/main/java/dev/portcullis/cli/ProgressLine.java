package dev.portcullis.cli;

import dev.portcullis.engine.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line on standard error, rewritten in place ({@code \r}), saying how far a long run is: packages done of
 * total and megabytes read. Only used when standard error is a terminal: logs and pipes get nothing.
 */
final class ProgressLine implements Progress {
    /** Redrawing more often than this only costs time. */
    private static final long MIN_INTERVAL_NANOS = 100_000_000L;
    private final PrintWriter err;
    private long lastDrawn;
    private boolean drawn;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(int done, int total, long bytes) {
        long now = System.nanoTime();
        if (done != total && drawn && now - lastDrawn < MIN_INTERVAL_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        err.print(String.format(Locale.ROOT, "\rinspecting packages %d/%d, %.1f MB", done, total, bytes / 1e6));
        err.flush();
    }

    /** Clears the line so that the report (or an error) starts on a clean one. */
    synchronized void finish() {
        if (drawn) {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }
}
