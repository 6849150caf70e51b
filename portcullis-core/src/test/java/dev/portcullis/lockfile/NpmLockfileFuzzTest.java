package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.model.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Any bytes either read as a package-lock or fail with {@link InputException}, quickly. Seeds are the npm
 * fixtures and earlier findings in {@code src/test/resources/dev/portcullis/lockfile/NpmLockfileFuzzTestInputs};
 * a plain {@code mvn test} runs them, {@code JAZZER_FUZZ=1} fuzzes.
 */
class NpmLockfileFuzzTest {
    /** Far above the few milliseconds a fuzzer-sized input takes; only a pathological slowdown reaches it. */
    private static final long MAX_MILLIS = 5_000;

    private final NpmLockfileReader reader = new NpmLockfileReader();

    @FuzzTest(maxDuration = "3m")
    void readsOrRejectsAnyInput(byte[] input) throws IOException {
        long start = System.nanoTime();
        try {
            reader.read("package-lock.json", new ByteArrayInputStream(input));
        } catch (InputException e) {
            assertThat(e.location().file()).isEqualTo("package-lock.json");
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(MAX_MILLIS);
    }
}
