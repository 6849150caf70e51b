package dev.portcullis.bench;

import dev.portcullis.js.JsFacts;
import dev.portcullis.js.JsOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;

/**
 * The companion of {@link JsFactsBenchmark} for a shared machine: the same files and engines, but MB per second of
 * the measuring thread's own CPU time, which other processes competing for the cores do not dilute the way they
 * dilute wall time. Each engine gets warm-up rounds over all files, then measured rounds; the best round is kept
 * (the round least disturbed by cache and scheduler noise).
 *
 * <pre>java -cp portcullis-bench/target/benchmarks.jar --enable-native-access=ALL-UNNAMED \
 *     dev.portcullis.bench.JsFactsCpuThroughput [rounds]</pre>
 */
public final class JsFactsCpuThroughput {
    private static final List<String> FILES = List.of("typescript@5.6.3:lib/typescript.js", "lodash@4.17.21:lodash.js",
            "react-dom@18.3.1:cjs/react-dom.development.js", "react-dom@18.3.1:umd/react-dom.production.min.js");

    private JsFactsCpuThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
             Context context = Context.newBuilder("js").engine(engine).build()) {
            System.out.printf("%-52s %10s %14s %14s %7s%n", "file", "bytes", "lexer MB/s", "GraalJS MB/s", "ratio");
            long totalBytes = 0;
            double lexerSeconds = 0;
            double parserSeconds = 0;
            for (String file : FILES) {
                int colon = file.indexOf(':');
                String path = file.substring(colon + 1);
                byte[] content = JsFactsBenchmark.fetch(file.substring(0, colon), path);
                Source source = Source.newBuilder("js", new String(content, StandardCharsets.UTF_8), path).cached(false)
                        .buildLiteral();
                double lexer = best(threads, rounds, () -> JsFacts.extract(path, content, JsOptions.defaults()));
                double parser = best(threads, rounds, () -> context.parse(source));
                totalBytes += content.length;
                lexerSeconds += lexer;
                parserSeconds += parser;
                System.out.printf("%-52s %10d %14.1f %14.1f %6.1fx%n", file, content.length, content.length / 1e6 / lexer,
                        content.length / 1e6 / parser, parser / lexer);
            }
            System.out.printf("%-52s %10d %14.1f %14.1f %6.1fx%n", "all files", totalBytes, totalBytes / 1e6 / lexerSeconds,
                    totalBytes / 1e6 / parserSeconds, parserSeconds / lexerSeconds);
        }
    }

    /** CPU seconds of the fastest of {@code rounds} measured runs, after as many warm-up runs (at least three). */
    private static double best(ThreadMXBean threads, int rounds, Runnable work) {
        for (int i = 0; i < Math.max(3, rounds); i++) {
            work.run();
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long start = threads.getCurrentThreadCpuTime();
            work.run();
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / 1e9);
        }
        return best;
    }
}
