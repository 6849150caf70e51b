package dev.portcullis.concurrent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One piece of work run on its own thread beside the caller's, joined where its result is needed: a stage that
 * waits on the network goes on while another stage runs (a scan's advisory request beside its metadata stage).
 * What it throws is thrown again by {@link #join}. (Work that only needs a core gains nothing on a machine whose
 * cores the other stage already uses: measured, the project checks beside the judgements made a warm scan slower.)
 */
public final class Beside<T> {
    private final FutureTask<T> task;

    private Beside(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} on a new daemon thread named {@code name}. */
    public static <T> Beside<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(Objects.requireNonNull(work, "work"));
        Thread.ofPlatform().name(name).daemon().start(task);
        return new Beside<>(task);
    }

    /**
     * The work's result, once it is done; its IOException, RuntimeException or Error as it was thrown.
     *
     * @throws InterruptedIOException when this thread is interrupted while waiting (the work is cancelled)
     */
    public T join() throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for work beside this one");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    /** Gives the work up: the caller failed and will not join it. */
    public void cancel() {
        task.cancel(true);
    }
}
