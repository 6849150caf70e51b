package dev.portcullis.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BesideTest {
    @Test
    void theWorkRunsOnItsOwnThreadAndItsResultIsJoined() throws Exception {
        CountDownLatch callerWent = new CountDownLatch(1);
        Beside<String> work = Beside.start("test-work", () -> {
            callerWent.await(); // only finishes once the caller has gone on: it did not run on the caller's thread
            return Thread.currentThread().getName();
        });
        callerWent.countDown();
        assertThat(work.join()).isEqualTo("test-work");
    }

    @Test
    void whatTheWorkThrowsIsThrownAgainAsItWas() {
        IOException io = new IOException("registry down");
        assertThatThrownBy(() -> Beside.start("io", () -> {
            throw io;
        }).join()).isSameAs(io);
        UncheckedIOException unchecked = new UncheckedIOException(io);
        assertThatThrownBy(() -> Beside.start("runtime", () -> {
            throw unchecked;
        }).join()).isSameAs(unchecked);
        assertThatThrownBy(() -> Beside.start("checked", () -> {
            throw new Exception("other");
        }).join()).isInstanceOf(IOException.class).hasMessageContaining("other");
    }
}
