package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Lockfile;
import dev.portcullis.testkit.ChildJvm;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Size limits of the yarn readers: a huge lockfile in a small heap, and the time to read a large one. */
class YarnLockfileScaleTest {
    private static final int HUGE = 100_000;
    private static final int LARGE = 5_000;
    /** The brief's budget for a warm read of 5,000 packages, measured in thread CPU time (see below). */
    private static final long WARM_READ_LIMIT_MS = 200;

    /** 100,000 entries read in a child JVM limited to 256 MiB of heap: the readers keep one entry's tree at a time. */
    @ParameterizedTest(name = "reads 100,000 {0} entries with -Xmx256m")
    @ValueSource(strings = {"classic", "berry"})
    void readsAHugeLockfileInABoundedHeap(String format, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("yarn.lock");
        write(format, file, HUGE);

        ChildJvm.Result result = ChildJvm.run(YarnLockfileReadMain.class, List.of("-Xmx256m"), List.of(format, file.toString()));

        System.out.println("yarn " + format + ", " + HUGE + " entries (" + Files.size(file) / (1 << 20) + " MiB), -Xmx256m: "
                + result.stdout().strip());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        int expectedPackages = HUGE;
        assertThat(result.stdout()).startsWith(expectedPackages + " packages, ");
    }

    /**
     * Reading 5,000 packages takes well under 200 ms once the JIT has warmed up (median of ten reads). The limit is
     * checked on the reading thread's CPU time, which a machine shared with other builds does not inflate; the
     * wall time is printed beside it.
     */
    @ParameterizedTest(name = "reads 5,000 {0} packages quickly once warm")
    @ValueSource(strings = {"classic", "berry"})
    void readsALargeLockfileQuickly(String format, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("yarn.lock");
        write(format, file, LARGE);
        byte[] bytes = Files.readAllBytes(file);
        LockfileReader reader = format.equals("classic") ? new YarnClassicLockfileReader() : new YarnBerryLockfileReader();
        for (int i = 0; i < 20; i++) {
            reader.read("yarn.lock", new ByteArrayInputStream(bytes));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpuMillis = new long[10];
        long[] wallMillis = new long[10];
        Lockfile lockfile = null;
        for (int i = 0; i < cpuMillis.length; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            lockfile = reader.read("yarn.lock", new ByteArrayInputStream(bytes));
            wallMillis[i] = (System.nanoTime() - start) / 1_000_000;
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        }
        Arrays.sort(cpuMillis);
        Arrays.sort(wallMillis);

        System.out.println("yarn " + format + ", " + LARGE + " packages: median " + cpuMillis[5] + " ms CPU, "
                + wallMillis[5] + " ms wall (max " + wallMillis[9] + " ms)");
        assertThat(lockfile.graph().packages()).hasSize(LARGE);
        assertThat(cpuMillis[5]).isLessThan(WARM_READ_LIMIT_MS);
    }

    private static void write(String format, Path file, int packages) throws Exception {
        if (format.equals("classic")) {
            YarnSyntheticLockfiles.writeClassic(file, packages);
        } else {
            YarnSyntheticLockfiles.writeBerry(file, packages);
        }
    }
}
