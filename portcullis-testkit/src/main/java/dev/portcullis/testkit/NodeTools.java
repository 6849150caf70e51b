package dev.portcullis.testkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real npm packages that differential tests and benchmarks compare against (the {@code semver} package,
 * lockfile-lint …), pinned by {@code portcullis-testkit/node-tools/package-lock.json} and installed on first
 * use with {@code npm ci --ignore-scripts}. A file lock keeps parallel test JVMs from installing twice.
 */
public final class NodeTools {
    private NodeTools() {
    }

    /** The node-tools directory, with its node_modules installed. */
    public static Path installed() {
        return installed("node-tools");
    }

    /**
     * The directory {@code portcullis-testkit/<name>} (node-tools, node-clients), with the node_modules its
     * package-lock.json pins installed.
     */
    public static synchronized Path installed(String name) {
        Path dir = Fixtures.repoRoot().resolve("portcullis-testkit").resolve(name);
        Path marker = dir.resolve("node_modules/.portcullis-installed");
        try (RandomAccessFile lockFile = new RandomAccessFile(dir.resolve(".install.lock").toFile(), "rw");
             FileLock lock = lockFile.getChannel().lock()) {
            if (Files.exists(marker) && Files.getLastModifiedTime(marker).compareTo(
                    Files.getLastModifiedTime(dir.resolve("package-lock.json"))) >= 0) {
                return dir;
            }
            run(dir, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error");
            Files.writeString(marker, "installed\n");
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot install node tools in " + dir, e);
        }
    }

    /** Runs {@code node script args…} in the node-tools directory and returns its standard output. */
    public static String node(List<String> args, String stdin) {
        Path dir = installed();
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(args);
        return runWithInput(dir, stdin, command.toArray(new String[0]));
    }

    private static String run(Path dir, String... command) {
        return runWithInput(dir, null, command);
    }

    private static String runWithInput(Path dir, String stdin, String... command) {
        try {
            Path err = Files.createTempFile("node-tools", ".err");
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(err.toFile()).start();
            Thread writer = new Thread(() -> {
                try (var out = process.getOutputStream()) {
                    if (stdin != null) {
                        out.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // the process closed its input early; its exit code tells what happened
                }
            });
            writer.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            writer.join();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                        + Files.readString(err));
            }
            Files.deleteIfExists(err);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }
}
