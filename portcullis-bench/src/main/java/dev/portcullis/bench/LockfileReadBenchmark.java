package dev.portcullis.bench;

import dev.portcullis.lockfile.LockfileReader;
import dev.portcullis.lockfile.LockfileReaders;
import dev.portcullis.lockfile.ManifestReader;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.Manifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads per second of each lockfile that {@code portcullis-bench/scripts/make-5000.sh OUTDIR} wrote, through the
 * reader registry exactly as a scan finds it: {@link LockfileReaders#find} on the name and first 4 KiB, then
 * {@link LockfileReader#read(String, InputStream, Manifest, Map)} with the project's package.json. Nothing here knows
 * a format. The file is held in memory so that the disk is not measured; the manifest is read once, outside the
 * measurement. Same heap bound as the {@code scan} benchmark.
 *
 * <pre>java -jar portcullis-bench/target/benchmarks.jar LockfileReadBenchmark -p dir=/tmp/portcullis-5000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:+UseSerialGC"})
public class LockfileReadBenchmark {
    /** What a reader is shown to recognise its file, as the scan's project loader shows it. */
    private static final int HEAD_BYTES = 4096;

    /** The OUTDIR given to make-5000.sh. */
    @Param("/tmp/portcullis-5000")
    public String dir;

    /** One lockfile of OUTDIR, relative to it: the format's directory and the file name. */
    @Param({"npm/package-lock.json", "yarn-classic/yarn.lock", "yarn-berry/yarn.lock", "pnpm/pnpm-lock.yaml",
            "bun/bun.lock"})
    public String lockfile;

    private String fileName;
    private byte[] bytes;
    private Manifest manifest;
    private LockfileReader reader;

    @Setup
    public void load() throws IOException, InputException {
        Path path = Path.of(dir).resolve(lockfile);
        Path projectDir = path.getParent();
        fileName = path.getFileName().toString();
        bytes = Files.readAllBytes(path);
        try (InputStream in = Files.newInputStream(projectDir.resolve("package.json"))) {
            manifest = new ManifestReader().read("package.json", in);
        }
        String head = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(Arrays.copyOf(bytes, Math.min(bytes.length, HEAD_BYTES))))
                .toString();
        reader = LockfileReaders.find(fileName, head).orElseThrow(() -> new IllegalStateException(
                "no registered LockfileReader claims " + path + " (LockfileReaders.ALL has " + LockfileReaders.ALL.size()
                        + " readers)"));
    }

    /** The project has no workspaces, so the readers get none. */
    @Benchmark
    public Lockfile read() throws IOException, InputException {
        return reader.read(fileName, new ByteArrayInputStream(bytes), manifest, Map.of());
    }
}
