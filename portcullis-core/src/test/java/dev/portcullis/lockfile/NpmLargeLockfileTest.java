package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.testkit.ChildJvm;
import dev.portcullis.testkit.SyntheticNpmLockfile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large package-locks: 100,000 packages within a 256 MiB heap, and 5,000 packages fast once warm. */
class NpmLargeLockfileTest {

    @Test
    void reads100000PackagesIn256MiBHeap(@TempDir Path dir) throws Exception {
        Path lockfile = dir.resolve("package-lock.json");
        try (Writer out = Files.newBufferedWriter(lockfile, StandardCharsets.UTF_8)) {
            SyntheticNpmLockfile.write(out, 100_000);
        }

        ChildJvm.Result result = ChildJvm.run(NpmLargeLockfileMain.class, List.of("-Xmx256m"), List.of("read", lockfile.toString()));

        System.out.println("npm 100,000 packages (" + Files.size(lockfile) / (1 << 20) + " MiB), -Xmx256m: " + result.stdout().strip());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        // 1,000 root edges, two per package, one to each of the 20,000 nested instances; packages 26,666 and
        // 66,666 name the same dependency twice, which counts once
        assertThat(result.stdout()).startsWith("read 100000 packages and 220998 edges in ");
    }

    @Test
    void reads5000PackagesQuicklyOnceWarm() {
        ChildJvm.Result result = ChildJvm.run(NpmLargeLockfileMain.class, List.of("-Xmx512m"), List.of("warm", "5000"));

        System.out.println("npm " + result.stdout().strip());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Matcher timing = Pattern.compile("5000 packages warm: median cpu (\\d+) ms, median wall \\d+ ms, max wall \\d+ ms\\s*").matcher(result.stdout());
        assertThat(timing.matches()).as(result.stdout()).isTrue();
        // CPU time, so that other processes on a busy shared machine do not fail the test; about 30 ms when idle
        assertThat(Long.parseLong(timing.group(1))).isLessThan(200);
    }
}
