package dev.portcullis.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void mapKeepsTheOrderAsked_virtualAndPlatform() throws InterruptedException {
        List<Integer> items = IntStream.range(0, 500).boxed().toList();
        for (Parallel parallel : List.of(Parallel.io(16), Parallel.cpu(3))) {
            assertThat(parallel.map(items, i -> i * 2)).isEqualTo(IntStream.range(0, 500).map(i -> i * 2).boxed()
                    .toList());
        }
    }

    @Test
    void neverRunsMoreThanTheLimitAtOnce() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Parallel.io(4).forEach(IntStream.range(0, 200).boxed().toList(), i -> {
            int now = running.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            Thread.yield();
            running.decrementAndGet();
        });
        assertThat(most.get()).isBetween(1, 4);
    }

    /** The source is read as work finishes, not up front: a lazy source of a million items is never drained ahead. */
    @Test
    void takesItemsOnlyAsEarlierOnesFinish() throws InterruptedException {
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger worstLead = new AtomicInteger();
        Iterable<Integer> lazy = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return taken.get() < 1_000;
            }

            @Override
            public Integer next() {
                worstLead.accumulateAndGet(taken.get() - finished.get(), Math::max);
                return taken.incrementAndGet();
            }
        };
        Parallel.cpu(2).forEach(lazy, i -> finished.incrementAndGet());
        assertThat(finished.get()).isEqualTo(1_000);
        assertThat(worstLead.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void aFailingTaskStopsTheWorkAndIsRethrown() {
        AtomicInteger started = new AtomicInteger();
        assertThatThrownBy(() -> Parallel.cpu(1).forEach(IntStream.range(0, 1_000).boxed().toList(), i -> {
            started.incrementAndGet();
            if (i == 3) {
                throw new IllegalStateException("broken at " + i);
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("broken at 3");
        assertThat(started.get()).isLessThan(10);
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> Parallel.io(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
