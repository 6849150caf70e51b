package dev.portcullis.lockfile;

import dev.portcullis.model.Lockfile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one yarn lockfile in its own JVM (for the bounded-heap test): {@code classic|berry <file>}. Prints the
 * package and edge counts and how long the read took; exits non-zero on any failure, OutOfMemoryError included.
 */
public final class YarnLockfileReadMain {
    private YarnLockfileReadMain() {
    }

    public static void main(String[] args) throws Exception {
        LockfileReader reader = args[0].equals("classic") ? new YarnClassicLockfileReader() : new YarnBerryLockfileReader();
        long start = System.nanoTime();
        Lockfile lockfile;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            lockfile = reader.read("yarn.lock", in);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(lockfile.graph().packages().size() + " packages, " + lockfile.graph().edges().size()
                + " edges in " + millis + " ms");
    }
}
