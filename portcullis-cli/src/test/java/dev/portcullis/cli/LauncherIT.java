package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher, bin/portcullis, over the jar this build packaged, in a copy of the repository's layout that holds
 * only the launcher, the jar and the training project (so it never rebuilds): it trains its start-up archive once
 * even when the training scan finds something (exit 1), and gives the JVM a bounded default heap.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LauncherIT {
    @TempDir
    static Path root;

    private static Path archive;

    @BeforeAll
    static void layout() throws IOException {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Files.createDirectories(root.resolve("bin"));
        for (String script : List.of("portcullis", "find-jdk.sh")) {
            Path copy = Files.copy(repo.resolve("bin").resolve(script), root.resolve("bin").resolve(script));
            copy.toFile().setExecutable(true);
        }
        Path target = Files.createDirectories(root.resolve("portcullis-cli/target"));
        Files.copy(Path.of("target/portcullis.jar"), target.resolve("portcullis.jar"));
        // what the training run (Training) reads: a real project with its recorded registry documents, and the
        // medium project locked by every package manager
        for (String fixture : List.of("real-projects/express-4", "medium")) {
            Path from = repo.resolve("portcullis-testkit/fixtures").resolve(fixture);
            Path to = root.resolve("portcullis-testkit/fixtures").resolve(fixture);
            Files.createDirectories(to.getParent());
            try (var files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                }
            }
        }
        String major = Runtime.version().feature() >= 25 ? "aot" : "jsa";
        archive = target.resolve("portcullis." + major);
    }

    @Test
    void trainsOnceWhateverTheScansFind() throws Exception {
        Path project = Files.createTempDirectory(root, "project");
        Files.writeString(project.resolve("package.json"),
                "{\"name\":\"p\",\"version\":\"1.0.0\",\"dependencies\":{\"esbuild\":\"0.25.0\"}}");
        Files.writeString(project.resolve("package-lock.json"), """
                {"name":"p","version":"1.0.0","lockfileVersion":3,"requires":true,"packages":{
                  "":{"name":"p","version":"1.0.0","dependencies":{"esbuild":"0.25.0"}},
                  "node_modules/esbuild":{"version":"0.25.0","hasInstallScript":true,
                    "resolved":"https://registry.npmjs.org/esbuild/-/esbuild-0.25.0.tgz",
                    "integrity":"sha512-BXq5mqc8ltbaN34cDqWuYKyNhX8D/Z0J1xdtdQ8UcIIIyJyz+ZMKUt58tF3SrZ85jcfN/PZYhjR5uDQAYNVbuw=="}}}
                """);
        Files.writeString(project.resolve("portcullis.yml"), "failOn: high\nscripts:\n  allow: []\n");

        Result first = run(Map.of(), "scan", project.toString(), "--offline");
        assertThat(first.exit()).as(first.output()).isEqualTo(1); // an install script nobody allowed
        assertThat(archive).exists();
        assertThat(archive.resolveSibling(archive.getFileName() + ".jdk")).exists();
        FileTime trained = Files.getLastModifiedTime(archive);

        Result second = run(Map.of(), "scan", project.toString(), "--offline");
        assertThat(second.exit()).as(second.output()).isEqualTo(1);
        Result third = run(Map.of(), "--version");
        assertThat(third.exit()).as(third.output()).isZero();
        assertThat(Files.getLastModifiedTime(archive)).as("trained again").isEqualTo(trained);
    }

    @Test
    void boundsTheHeapUnlessTheUserSetsIt() throws Exception {
        Result bounded = run(Map.of("PORTCULLIS_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");
        assertThat(bounded.exit()).as(bounded.output()).isZero();
        assertThat(bounded.output()).containsPattern("MaxHeapSize\\s+=\\s+536870912\\b");

        Result chosen = run(Map.of("PORTCULLIS_JAVA_OPTS", "-Xmx300m -XX:+PrintFlagsFinal"), "--version");
        assertThat(chosen.exit()).as(chosen.output()).isZero();
        assertThat(chosen.output()).containsPattern("MaxHeapSize\\s+=\\s+314572800\\b");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/portcullis").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("PORTCULLIS_CACHE", root.resolve("user-cache").toString());
        pb.environment().put("PORTCULLIS_DB", root.resolve("user-advisories.db").toString());
        pb.environment().remove("PORTCULLIS_JAVA_OPTS");
        pb.environment().remove("CI"); // CI turns on scan's --fail-on-unchecked
        pb.environment().putAll(env);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return new Result(process.exitValue(), output);
    }
}
