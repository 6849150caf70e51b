package dev.portcullis.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    /** Copies the fixture directory {@code fixture} to {@code target} (created), for a test that edits its copy. */
    public static Path copy(String fixture, Path target) throws IOException {
        Path source = path(fixture);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, java.nio.file.LinkOption.NOFOLLOW_LINKS); // links stay links (pnpm trees)
                }
            }
        }
        return target;
    }
}
