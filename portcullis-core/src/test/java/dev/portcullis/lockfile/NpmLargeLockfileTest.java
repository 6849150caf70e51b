package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Lockfile;
import dev.portcullis.testkit.ChildJvm;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

        ChildJvm.Result result = ChildJvm.run(NpmLargeLockfileMain.class, List.of("-Xmx256m"), List.of(lockfile.toString()));

        System.out.println("npm 100,000 packages (" + Files.size(lockfile) / (1 << 20) + " MiB), -Xmx256m: " + result.stdout().strip());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        // 1,000 root edges, two per package, one to each of the 20,000 nested instances; packages 26,666 and
        // 66,666 name the same dependency twice, which counts once
        assertThat(result.stdout()).startsWith("read 100000 packages and 220998 edges in ");
    }

    @Test
    void reads5000PackagesQuicklyOnceWarm() throws Exception {
        StringWriter text = new StringWriter();
        SyntheticNpmLockfile.write(text, 5_000);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        NpmLockfileReader reader = new NpmLockfileReader();
        for (int i = 0; i < 30; i++) {
            reader.read("package-lock.json", new ByteArrayInputStream(bytes));
        }
        long[] millis = new long[21];
        Lockfile last = null;
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            last = reader.read("package-lock.json", new ByteArrayInputStream(bytes));
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);

        System.out.println("npm 5,000 packages warm: median " + millis[10] + " ms, max " + millis[20] + " ms");
        assertThat(last.graph().packages()).hasSize(5_000);
        // the goal is well under 200 ms; the bound leaves room for a busy shared machine
        assertThat(millis[10]).isLessThan(200);
    }
}
