package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.model.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Any bytes either read as a yarn lockfile or fail with {@link InputException} — never another exception, a hang
 * or a graph the model rejects. Seeds are the fixtures (in YarnLockfileFuzzTestInputs/); in a normal test run Jazzer
 * replays them, with JAZZER_FUZZ=1 it fuzzes one target for maxDuration.
 */
class YarnLockfileFuzzTest {
    /**
     * Far above any read of a fuzzer-sized input (a few KiB), far below a hang; checked while fuzzing
     * ({@code JAZZER_FUZZ=1}) only: a shared CI machine is too noisy for a time budget in the seed replay.
     */
    private static final long MAX_READ_NANOS = 5_000_000_000L;
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;

    @FuzzTest(maxDuration = "3m")
    void classicReadsOrRejects(byte[] data) throws IOException {
        readsOrRejects(new YarnClassicLockfileReader(), data);
    }

    @FuzzTest(maxDuration = "3m")
    void berryReadsOrRejects(byte[] data) throws IOException {
        readsOrRejects(new YarnBerryLockfileReader(), data);
    }

    private static void readsOrRejects(LockfileReader reader, byte[] data) throws IOException {
        long start = System.nanoTime();
        try {
            assertThat(reader.read("yarn.lock", new ByteArrayInputStream(data)).graph()).isNotNull();
        } catch (InputException e) {
            assertThat(e.location().file()).isEqualTo("yarn.lock");
        }
        if (FUZZING) {
            assertThat(System.nanoTime() - start).isLessThan(MAX_READ_NANOS);
        }
    }
}
