package dev.portcullis.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared fixtures: real lockfiles, projects and recorded client listings under
 * {@code portcullis-testkit/fixtures}, a plain directory so every module's tests and the benchmarks read the
 * same files without copying them out of a jar.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The repository root: the nearest directory upwards from the working directory that holds the testkit. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("portcullis-testkit/fixtures"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find portcullis-testkit/fixtures above " + Path.of("").toAbsolutePath());
    }

    /** {@code fixtures/<relative>}; fails when it does not exist, so a misnamed fixture cannot pass silently. */
    public static Path path(String relative) {
        Path path = repoRoot().resolve("portcullis-testkit/fixtures").resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such fixture: " + path);
        }
        return path;
    }
}
