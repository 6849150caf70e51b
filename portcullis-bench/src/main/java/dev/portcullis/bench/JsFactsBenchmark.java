package dev.portcullis.bench;

import dev.portcullis.js.JsFacts;
import dev.portcullis.js.JsOptions;
import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballFile;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine choice for JavaScript facts, measured: {@link JsFacts#extract} (hand-written lexer plus pattern layer)
 * side by side with a real parser, GraalJS ({@link Context#parse}: parse and build the AST, run nothing), on the same
 * real package files. The files come from the registry at benchmark time through {@code npm pack} (nothing is
 * committed) and are cached in {@code java.io.tmpdir}/portcullis-js-bench; they are read out of the tarball with
 * Portcullis's own {@link TarballReader}. Throughput is files per second; MB/s is that times the size printed at
 * setup ({@code [js-bench] … bytes}).
 *
 * <pre>java -jar portcullis-bench/target/benchmarks.jar JsFactsBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dpolyglot.engine.WarnInterpreterOnly=false",
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class JsFactsBenchmark {
    /** {@code package@version:path inside the package}. */
    @Param({"typescript@5.6.3:lib/typescript.js", "lodash@4.17.21:lodash.js",
            "react-dom@18.3.1:cjs/react-dom.development.js", "react-dom@18.3.1:umd/react-dom.production.min.js"})
    public String file;

    private byte[] content;
    private String path;
    private Source source;
    private Engine engine;
    private Context context;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        int colon = file.indexOf(':');
        String spec = file.substring(0, colon);
        path = file.substring(colon + 1);
        content = fetch(spec, path);
        System.out.println("[js-bench] " + file + " " + content.length + " bytes");
        source = Source.newBuilder("js", new String(content, StandardCharsets.UTF_8), path).cached(false).buildLiteral();
        engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        context = Context.newBuilder("js").engine(engine).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
        engine.close();
    }

    /** Portcullis: all facts of the file. */
    @Benchmark
    public int lexer() {
        return JsFacts.extract(path, content, JsOptions.defaults()).facts().size();
    }

    /** GraalJS: a full parse of the same file (ES2024, into a Truffle AST), nothing executed. */
    @Benchmark
    public Object graalJsParse() {
        return context.parse(source);
    }

    /** The file from the package's tarball, packed by npm into the cache directory once. */
    static byte[] fetch(String spec, String path) throws IOException, InterruptedException {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "portcullis-js-bench");
        Files.createDirectories(cache);
        String tgzName = spec.replace("@", "-").replace("/", "-") + ".tgz";
        Path tgz = cache.resolve(tgzName);
        if (!Files.exists(tgz)) {
            Process npm = new ProcessBuilder("npm", "pack", spec, "--silent", "--pack-destination", cache.toString())
                    .inheritIO().start();
            if (npm.waitFor() != 0) {
                throw new IOException("npm pack " + spec + " failed");
            }
            try (var listing = Files.list(cache)) {
                String prefix = spec.substring(0, spec.lastIndexOf('@')).replace("@", "").replace("/", "-") + "-";
                Path packed = listing.filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().endsWith(spec.substring(spec.lastIndexOf('@') + 1) + ".tgz"))
                        .findFirst().orElseThrow(() -> new IOException("npm pack wrote no tarball for " + spec));
                Files.move(packed, tgz);
            }
        }
        TarballContents contents;
        try (InputStream in = Files.newInputStream(tgz)) {
            contents = TarballReader.read(in, TarballLimits.defaults());
        }
        return contents.file(path).map(TarballFile::content)
                .orElseThrow(() -> new IOException(path + " is not in " + tgz));
    }
}
