package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.model.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Any bytes given to the pnpm reader either read into a graph or are refused with an {@link InputException},
 * never anything else, and quickly. Seeds (src/test/resources/…/PnpmLockfileReaderFuzzTestInputs) are copies of
 * the fixtures and the inputs fuzzing found; plain {@code mvn test} runs them, {@code JAZZER_FUZZ=1} fuzzes.
 */
class PnpmLockfileReaderFuzzTest {
    /** Far above any real read of a fuzzer-sized input; catches super-linear blow-ups, not noise. */
    private static final long MAX_MILLIS = 2_000;

    private final LockfileReader reader = new PnpmLockfileReader();

    @FuzzTest(maxDuration = "3m")
    void anyInputReadsOrIsRefusedWithInputException(byte[] input) {
        long start = System.nanoTime();
        try {
            reader.read("pnpm-lock.yaml", new ByteArrayInputStream(input));
        } catch (InputException refused) {
            assertThat(refused.location().file()).isEqualTo("pnpm-lock.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory stream cannot fail", e);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(MAX_MILLIS);
    }
}
