package dev.portcullis.lockfile;

import dev.portcullis.model.Lockfile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one package-lock (the child JVM of {@link NpmLargeLockfileTest}) and prints what it read and how long it took. */
public final class NpmLargeLockfileMain {
    private NpmLargeLockfileMain() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Lockfile lockfile;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            lockfile = new NpmLockfileReader().read("package-lock.json", in);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("read " + lockfile.graph().packages().size() + " packages and "
                + lockfile.graph().edges().size() + " edges in " + millis + " ms");
    }
}
