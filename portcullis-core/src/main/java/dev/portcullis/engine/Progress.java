package dev.portcullis.engine;

/**
 * Told how long work advances (packages done of total, bytes read), so a front end can draw a progress line.
 * The engine never prints; the CLI decides whether anyone is watching (a terminal).
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total, bytes) -> {
    };

    /** Called from worker threads; implementations must be thread-safe and quick. */
    void update(int done, int total, long bytes);
}
