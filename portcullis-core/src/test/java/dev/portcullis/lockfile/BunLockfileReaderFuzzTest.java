package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.model.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Any bytes given to the bun reader either read into a graph or are refused with an {@link InputException},
 * never anything else, and quickly. Seeds (src/test/resources/…/BunLockfileReaderFuzzTestInputs) are copies of
 * the fixtures and the inputs fuzzing found; plain {@code mvn test} runs them, {@code JAZZER_FUZZ=1} fuzzes.
 */
class BunLockfileReaderFuzzTest {
    /**
     * Far above any real read of a fuzzer-sized input; catches super-linear blow-ups while fuzzing
     * ({@code JAZZER_FUZZ=1}). The seed replay of the test command checks outcomes only: a shared CI machine is too
     * noisy for a time budget.
     */
    private static final long MAX_MILLIS = 2_000;
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;

    private final LockfileReader reader = new BunLockfileReader();

    @FuzzTest(maxDuration = "3m")
    void anyInputReadsOrIsRefusedWithInputException(byte[] input) {
        long start = System.nanoTime();
        try {
            reader.read("bun.lock", new ByteArrayInputStream(input));
        } catch (InputException refused) {
            assertThat(refused.location().file()).isEqualTo("bun.lock");
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory stream cannot fail", e);
        }
        if (FUZZING) {
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(MAX_MILLIS);
        }
    }
}
