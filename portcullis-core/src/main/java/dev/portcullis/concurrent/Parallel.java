package dev.portcullis.concurrent;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Bounded, streaming parallel work: every loop of the engine that fetches or analyses many things goes through
 * here. At most {@link #limit()} items are in flight at once, and a new item is taken from the source only when one
 * finishes, so nothing ever holds a future (or the result) of every item: a 100,000-package scan stays within a
 * small heap. Network work runs on virtual threads, CPU work on {@code limit} platform threads.
 *
 * <p>A task that throws stops the work: no further item starts, the running ones finish, and the first failure is
 * rethrown. Tasks report expected failures as values (a failed download is a result, not an exception).
 *
 * @param limit how many items run at once (at least 1)
 * @param virtual run on virtual threads (I/O) rather than a fixed pool of platform threads (CPU)
 */
public record Parallel(int limit, boolean virtual) {
    public Parallel {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** For network work: {@code limit} requests at once, each on its own virtual thread. */
    public static Parallel io(int limit) {
        return new Parallel(limit, true);
    }

    /** For CPU work: {@code threads} platform threads. */
    public static Parallel cpu(int threads) {
        return new Parallel(threads, false);
    }

    /**
     * Runs {@code action} on every item, at most {@link #limit()} at once, taking items from {@code items} only as
     * earlier ones finish. {@code action} runs concurrently with itself: what it shares must be thread-safe.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting; running items finish first
     */
    public <T> void forEach(Iterable<? extends T> items, Consumer<? super T> action) throws InterruptedException {
        Semaphore permits = new Semaphore(limit);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (ExecutorService pool = virtual ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newFixedThreadPool(limit, Thread.ofPlatform().daemon().name("portcullis-", 0).factory())) {
            Iterator<? extends T> it = items.iterator();
            while (it.hasNext() && failure.get() == null) {
                permits.acquire();
                T item = it.next();
                pool.execute(() -> {
                    try {
                        if (failure.get() == null) {
                            action.accept(item);
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /**
     * The results of {@code function} on every item, in the order of {@code items}; as {@link #forEach}, so only the
     * results (reduce an item to what is needed inside {@code function}) are held, never every input's work.
     */
    public <T, R> List<R> map(List<? extends T> items, Function<? super T, ? extends R> function)
            throws InterruptedException {
        AtomicReferenceArray<R> out = new AtomicReferenceArray<>(items.size());
        forEach(IntStream.range(0, items.size())::iterator, i -> out.set(i, function.apply(items.get(i))));
        List<R> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            results.add(out.get(i));
        }
        return results;
    }
}
