package dev.portcullis.lockfile;

import dev.portcullis.model.Lockfile;
import dev.portcullis.testkit.SyntheticNpmLockfile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The child JVM of {@link NpmLargeLockfileTest}, free of the test JVM's agents (Jazzer instruments every class it
 * sees) and with a heap of its own. {@code read <file>} reads one package-lock and prints its size and time;
 * {@code warm <packages>} reads a synthetic lockfile of that many packages 30 times, then prints the median
 * CPU and wall times of 21 more reads.
 */
public final class NpmLargeLockfileMain {
    private NpmLargeLockfileMain() {
    }

    public static void main(String[] args) throws Exception {
        NpmLockfileReader reader = new NpmLockfileReader();
        if (args[0].equals("read")) {
            long start = System.nanoTime();
            Lockfile lockfile;
            try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
                lockfile = reader.read("package-lock.json", in);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("read " + lockfile.graph().packages().size() + " packages and "
                    + lockfile.graph().edges().size() + " edges in " + millis + " ms");
            return;
        }
        StringWriter text = new StringWriter();
        SyntheticNpmLockfile.write(text, Integer.parseInt(args[1]));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 30; i++) {
            reader.read("package-lock.json", new ByteArrayInputStream(bytes));
        }
        // CPU time of the reading thread as well as wall time: on a shared machine the wall clock also counts
        // the time other processes hold the cores
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[21];
        long[] cpu = new long[21];
        int packages = 0;
        for (int i = 0; i < wall.length; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            packages = reader.read("package-lock.json", new ByteArrayInputStream(bytes)).graph().packages().size();
            cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
            wall[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.println(packages + " packages warm: median cpu " + cpu[10] + " ms, median wall " + wall[10]
                + " ms, max wall " + wall[20] + " ms");
    }
}
