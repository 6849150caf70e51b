package dev.portcullis.registry;

import dev.portcullis.model.Problems;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The deadlines of {@link RegistryLimits} applied to one client's requests: the time to the first byte (the
 * request's own timeout), the time to the body's last byte, and the time of the whole run. The JDK client bounds
 * the first two phases itself but not the reading of a body, so a watch interrupts a read that outlives its
 * deadline; the JDK's response stream then fails with an IOException, which is reported with the limit named.
 */
final class Deadlines {
    private final RegistryLimits limits;
    private final long runEnds;
    private final ScheduledThreadPoolExecutor timer;

    Deadlines(RegistryLimits limits) {
        this.limits = limits;
        this.runEnds = System.nanoTime() + limits.runTimeout().toNanos();
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "portcullis-registry-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        // an idle client keeps no thread: the timer's thread ends a while after the last request
        timer.setKeepAliveTime(30, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    /** The timeout to the first byte of a request starting now, within what is left of the run. */
    Duration firstByte(URI url) throws RegistryException {
        return Duration.ofNanos(Math.min(limits.requestTimeout().toNanos(), left(url)));
    }

    /** Starts the body deadline of a request whose headers just arrived, on the calling thread. */
    Watch body(URI url) throws RegistryException {
        long nanos = Math.min(limits.bodyTimeout().toNanos(), left(url));
        Watch watch = new Watch(Thread.currentThread());
        watch.future = timer.schedule(watch::fire, nanos, TimeUnit.NANOSECONDS);
        return watch;
    }

    /** What went wrong, the limit named when a deadline cut the request off. */
    String explain(IOException e, Watch watch) {
        if (watch != null && watch.fired()) {
            return runOver() ? "no complete answer before the run's registry time of " + seconds(limits.runTimeout())
                    + " ran out (RegistryLimits.runTimeout)"
                    : "the body did not arrive within " + seconds(limits.bodyTimeout()) + " (RegistryLimits.bodyTimeout)";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + seconds(limits.connectTimeout()) + " (RegistryLimits.connectTimeout)";
        }
        if (e instanceof HttpTimeoutException) {
            return runOver() ? "no answer before the run's registry time of " + seconds(limits.runTimeout())
                    + " ran out (RegistryLimits.runTimeout)"
                    : "no answer within " + seconds(limits.requestTimeout()) + " (RegistryLimits.requestTimeout)";
        }
        return Problems.describe(e);
    }

    private long left(URI url) throws RegistryException {
        long left = runEnds - System.nanoTime();
        if (left <= 0) {
            throw new RegistryException("not fetching " + url + ": the run's registry time of "
                    + seconds(limits.runTimeout()) + " is spent (RegistryLimits.runTimeout)");
        }
        return left;
    }

    private boolean runOver() {
        return runEnds - System.nanoTime() <= 0;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** One body's deadline: interrupts its thread if still open then; close it when the body is read. */
    static final class Watch implements AutoCloseable {
        private final Thread thread;
        private ScheduledFuture<?> future;
        private boolean fired;
        private boolean closed;

        private Watch(Thread thread) {
            this.thread = thread;
        }

        private synchronized void fire() {
            if (!closed) {
                fired = true;
                thread.interrupt();
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            boolean interrupted;
            synchronized (this) {
                closed = true;
                interrupted = fired;
            }
            future.cancel(false);
            if (interrupted) {
                // The interrupt was ours, for the read it cut off; it must not reach the caller's next wait.
                Thread.interrupted();
            }
        }
    }
}
