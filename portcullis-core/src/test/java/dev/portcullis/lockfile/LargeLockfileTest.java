package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Lockfile;
import dev.portcullis.testkit.ChildJvm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scale: 100,000 packages read within a 256 MB heap (a child JVM, since this one's heap is bigger and shared),
 * and 5,000 packages read fast once warm. Both print what they measured.
 */
class LargeLockfileTest {
    private static final int HUGE = 100_000;
    private static final int MEDIUM = 5_000;

    interface Writes {
        void write(Writer out, int n) throws IOException;
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("pnpm", "pnpm-lock.yaml", (Writes) SyntheticLockfiles::pnpmV9, new PnpmLockfileReader()),
                Arguments.of("bun", "bun.lock", (Writes) SyntheticLockfiles::bun, new BunLockfileReader()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void readsOneHundredThousandPackagesIn256Megabytes(String format, String fileName, Writes writes,
                                                       LockfileReader reader, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(fileName);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writes.write(out, HUGE);
        }
        ChildJvm.Result result = ChildJvm.run(ReadLockfileMain.class, List.of("-Xmx256m"), List.of(format, file.toString()));
        System.out.printf("%s: %,d packages (%,d bytes) in a 256 MB heap: %s%n", format, HUGE, Files.size(file),
                result.stdout().strip());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).startsWith("packages=" + HUGE + " ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void readsFiveThousandPackagesOnceWarm(String format, String fileName, Writes writes, LockfileReader reader)
            throws Exception {
        StringWriter text = new StringWriter();
        writes.write(text, MEDIUM);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 30; i++) {
            reader.read(fileName, new ByteArrayInputStream(bytes));
        }
        long[] millis = new long[15];
        Lockfile lockfile = null;
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            lockfile = reader.read(fileName, new ByteArrayInputStream(bytes));
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%s: %,d packages, warm: median %d ms, min %d ms, max %d ms%n", format, MEDIUM,
                millis[millis.length / 2], millis[0], millis[millis.length - 1]);
        // the times are printed, not asserted (a shared CI machine is too noisy for a budget); the benchmarks
        // in portcullis-bench measure them
        assertThat(lockfile.graph().packages()).hasSizeGreaterThanOrEqualTo(MEDIUM);
    }
}
