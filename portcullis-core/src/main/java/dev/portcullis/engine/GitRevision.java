package dev.portcullis.engine;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A file as a git revision holds it ({@code git show REF:./FILE}), for {@code diff --base}: git itself reads the
 * repository, bounded in size and time. The revision is passed as one argument after a check that it cannot be read
 * as an option.
 */
final class GitRevision {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private GitRevision() {
    }

    /**
     * The file {@code relative} (to {@code dir}) at revision {@code ref}, or empty when the revision has no such file.
     *
     * @throws InputException when {@code ref} is no revision of the repository, {@code dir} is in none, or the file
     *     is larger than {@code maxBytes}
     */
    static Optional<byte[]> show(Path dir, String ref, String relative, long maxBytes) throws InputException,
            IOException {
        if (ref.isBlank() || ref.startsWith("-") || ref.contains(":") || ref.chars().anyMatch(Character::isISOControl)) {
            throw new InputException(Location.of("--base"), "'" + ref + "' is not a git revision");
        }
        Process git;
        try {
            git = new ProcessBuilder("git", "-C", dir.toString(), "show", ref + ":./" + relative).start();
            git.getOutputStream().close();
        } catch (IOException e) {
            throw new InputException(Location.of("--base"), "cannot run git (is it installed and on the PATH?): "
                    + e.getMessage());
        }
        try {
            java.util.concurrent.CompletableFuture<String> errors = new java.util.concurrent.CompletableFuture<>();
            Thread.ofVirtual().start(() -> errors.complete(drain(git.getErrorStream())));
            byte[] bytes;
            try (InputStream in = git.getInputStream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (bytes.length > maxBytes) {
                git.destroyForcibly();
                throw new InputException(Location.of(relative + " at " + ref), "the lockfile is more than " + maxBytes
                        + " bytes (ProjectLimits.maxLockfileBytes): run with a larger heap");
            }
            if (!git.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                git.destroyForcibly();
                throw new IOException("git show " + ref + ":./" + relative + " did not finish within "
                        + DEADLINE.toSeconds() + " s");
            }
            String message = errors.join().strip();
            if (git.exitValue() == 0) {
                return Optional.of(bytes);
            }
            if (message.contains("does not exist in") || message.contains("exists on disk, but not in")) {
                return Optional.empty();
            }
            throw new InputException(Location.of("--base"), "git cannot show " + relative + " at '" + ref + "': "
                    + (message.isEmpty() ? "exit status " + git.exitValue() : message.lines().findFirst()
                    .orElse(message)));
        } catch (InterruptedException e) {
            git.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        }
    }

    /** The first 64 KiB of git's standard error, the rest read and dropped so that git never blocks on it. */
    private static String drain(InputStream err) {
        try (err) {
            String text = new String(err.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            err.transferTo(java.io.OutputStream.nullOutputStream());
            return text;
        } catch (IOException e) {
            return "";
        }
    }
}
