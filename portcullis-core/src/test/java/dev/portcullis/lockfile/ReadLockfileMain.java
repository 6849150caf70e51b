package dev.portcullis.lockfile;

import dev.portcullis.model.Lockfile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one lockfile in a child JVM with a small heap: {@code <pnpm|bun> <path>}; prints counts and time. */
public final class ReadLockfileMain {
    private ReadLockfileMain() {
    }

    public static void main(String[] args) throws Exception {
        LockfileReader reader = args[0].equals("pnpm") ? new PnpmLockfileReader() : new BunLockfileReader();
        long start = System.nanoTime();
        Lockfile lockfile;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            lockfile = reader.read(Path.of(args[1]).getFileName().toString(), in);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("packages=" + lockfile.graph().packages().size() + " edges=" + lockfile.graph().edges().size()
                + " millis=" + millis);
    }
}
