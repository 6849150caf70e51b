package dev.portcullis.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM with the test's class path and a heap of its own, so a test can prove that
 * reading a huge input stays within a bounded heap (the test JVM's own heap is shared and larger).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** The child's exit code, standard output and standard error. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static Result run(Class<?> mainClass, List<String> jvmArgs, List<String> args) {
        List<String> command = command(mainClass, jvmArgs, args);
        try {
            Path out = Files.createTempFile("child-jvm", ".out");
            Path err = Files.createTempFile("child-jvm", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            // the child is the test's, not the CI runner's: CI turns on scan's --fail-on-unchecked
            builder.environment().remove("CI");
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("child JVM timed out: " + command);
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Starts a main class in a fresh JVM and returns at once: for servers, which a test stops with
     * {@link Process#destroy()} (SIGTERM) or {@link Process#destroyForcibly()} (SIGKILL). Standard error goes to
     * {@code stderr}; standard output is the process's input stream.
     */
    public static Process start(Class<?> mainClass, List<String> jvmArgs, List<String> args, Path stderr)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(mainClass, jvmArgs, args)).redirectError(stderr.toFile());
        builder.environment().remove("CI");
        return builder.start();
    }

    private static List<String> command(Class<?> mainClass, List<String> jvmArgs, List<String> args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }
}
