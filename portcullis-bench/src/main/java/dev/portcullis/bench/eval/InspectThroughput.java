package dev.portcullis.bench.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.analysis.PackageAnalyzer;
import dev.portcullis.analysis.PackageInput;
import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballFile;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end package analysis throughput against unpacking alone, in the same run, on the benign tarballs that
 * {@code scripts/fetch-benign.sh} downloaded: (a) gunzip + untar with {@link TarballReader}, (b) the same plus
 * {@link PackageAnalyzer#analyze}. Both read each tarball from disk (the page cache, after the first round) on the
 * same thread pool, largest tarballs first so that both threads stay busy to the end. One untimed warm-up round of
 * each, then {@code --rounds} timed rounds alternating (a) and (b), so that JIT warm-up and disk cache favour neither.
 * Throughput is MB (10^6 bytes) of unpacked regular-file content per second of wall time; the heap figure is the most
 * heap still live after a garbage collection ({@link LiveHeap}) under the run's {@code -Xmx}.
 *
 * <pre>java -Xmx512m -cp portcullis-bench/target/benchmarks.jar dev.portcullis.bench.eval.InspectThroughput \
 *     --benign portcullis-bench/target/evaluation/benign [--threads 2] [--rounds 3] [--out DIR]</pre>
 * {@code scripts/bench-inspect.sh} runs it, and js-x-ray over the same files.
 */
public final class InspectThroughput {
    private static final double MB = 1_000_000.0;
    /** Packages listed by analysis time in the report. */
    private static final int SLOWEST = 10;

    private InspectThroughput() {
    }

    /** One timed pass over every tarball. */
    record Round(String mode, int round, double seconds, double mbPerSecond) {
    }

    public static void main(String[] args) throws Exception {
        Path benign = null;
        Path out = Path.of("target/evaluation");
        int threads = 2;
        int rounds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--benign" -> benign = Path.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (benign == null || args.length % 2 != 0) {
            System.err.println("usage: InspectThroughput --benign DIR [--threads N] [--rounds N] [--out DIR]");
            System.exit(2);
        }
        List<Path> tarballs = tarballs(benign);
        long compressed = 0;
        for (Path t : tarballs) {
            compressed += Files.size(t);
        }
        LiveHeap live = LiveHeap.watch();
        PackageAnalyzer analyzer = PackageAnalyzer.withDefaultRules();
        TarballLimits limits = TarballLimits.defaults();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long unpacked = pass(pool, tarballs, limits, null);      // warm-up (a), and the byte count
            pass(pool, tarballs, limits, analyzer);                  // warm-up (b)
            List<Round> results = new ArrayList<>();
            Map<Path, Long> analysisNanos = new ConcurrentHashMap<>();
            for (int r = 1; r <= rounds; r++) {
                results.add(timed("unpack", r, unpacked, () -> pass(pool, tarballs, limits, null)));
                results.add(timed("analyse", r, unpacked, () -> pass(pool, tarballs, limits, analyzer, analysisNanos)));
            }
            report(out, tarballs.size(), compressed, unpacked, threads, results, live, analysisNanos);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The tarballs fetched.tsv records, largest first. */
    static List<Path> tarballs(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("fetched.tsv"))) {
            String[] cols = line.split("\t");
            if (cols.length == 3 && Files.isRegularFile(dir.resolve(cols[2]))) {
                files.add(dir.resolve(cols[2]));
            }
        }
        files.sort(Comparator.comparingLong((Path p) -> p.toFile().length()).reversed());
        return List.copyOf(files);
    }

    @FunctionalInterface
    interface Pass {
        long run() throws Exception;
    }

    private static Round timed(String mode, int round, long unpacked, Pass pass) throws Exception {
        long start = System.nanoTime();
        pass.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        Round r = new Round(mode, round, seconds, unpacked / MB / seconds);
        System.err.printf(Locale.ROOT, "%-8s round %d: %6.2f s, %7.1f MB/s%n", mode, round, seconds, r.mbPerSecond());
        return r;
    }

    /** Reads (and with an analyzer, analyses) every tarball; returns the unpacked bytes of their regular files. */
    private static long pass(ExecutorService pool, List<Path> tarballs, TarballLimits limits, PackageAnalyzer analyzer)
            throws InterruptedException, ExecutionException {
        return pass(pool, tarballs, limits, analyzer, new ConcurrentHashMap<>());
    }

    /** As above, recording each package's analysis time (not its reading) in {@code analysisNanos}. */
    private static long pass(ExecutorService pool, List<Path> tarballs, TarballLimits limits, PackageAnalyzer analyzer,
                             Map<Path, Long> analysisNanos) throws InterruptedException, ExecutionException {
        AtomicLong bytes = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (Path tarball : tarballs) {
            futures.add(pool.submit(() -> {
                TarballContents contents;
                try (InputStream in = Files.newInputStream(tarball)) {
                    contents = TarballReader.read(in, limits);
                }
                long size = 0;
                for (TarballFile f : contents.files()) {
                    size += f.size();
                }
                bytes.addAndGet(size);
                if (analyzer != null) {
                    long start = System.nanoTime();
                    analyzer.analyze(PackageInput.of(contents));
                    analysisNanos.put(tarball, System.nanoTime() - start);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        return bytes.get();
    }

    private static void report(Path out, int count, long compressed, long unpacked, int threads, List<Round> rounds,
                               LiveHeap live, Map<Path, Long> analysisNanos) throws IOException {
        double unpack = median(rounds, "unpack");
        double analyse = median(rounds, "analyse");
        long peakHeap = live.peakAfterGc();
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version()
                + ", -Xmx " + maxHeap / (1024 * 1024) + " MiB (max heap as the JVM reports it)";
        StringBuilder md = new StringBuilder();
        md.append("# Package analysis throughput\n\n")
                .append(String.format(Locale.ROOT, "%s; %s; %d threads.%n%n",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS), machine, threads))
                .append(String.format(Locale.ROOT, "Corpus: %d tarballs, %.1f MB compressed, %.1f MB unpacked "
                        + "(regular files read under the default tarball limits).%n%n", count, compressed / MB,
                        unpacked / MB))
                .append("| round | unpack only (gunzip + untar) | end to end (+ analysis) |\n| --- | --- | --- |\n");
        for (int r = 1; r <= rounds.size() / 2; r++) {
            md.append(String.format(Locale.ROOT, "| %d | %.1f MB/s (%.2f s) | %.1f MB/s (%.2f s) |%n", r,
                    find(rounds, "unpack", r).mbPerSecond(), find(rounds, "unpack", r).seconds(),
                    find(rounds, "analyse", r).mbPerSecond(), find(rounds, "analyse", r).seconds()));
        }
        md.append(String.format(Locale.ROOT, "| median | %.1f MB/s | %.1f MB/s |%n%n", unpack, analyse))
                .append(String.format(Locale.ROOT, "End-to-end / unpack-only ratio: **%.2f** (target ≥ 0.33). "
                        + "Most heap live after a GC: %d MiB (max heap %d MiB); GC time over the whole run: %.1f s.%n",
                        analyse / unpack, peakHeap / (1024 * 1024), maxHeap / (1024 * 1024), gcMillis / 1000.0));
        md.append("\nSlowest packages to analyse (last round, analysis only, one thread each):\n\n")
                .append("| tarball | analysis time | share of all analysis time |\n| --- | --- | --- |\n");
        long allNanos = analysisNanos.values().stream().mapToLong(Long::longValue).sum();
        analysisNanos.entrySet().stream().sorted(Map.Entry.<Path, Long>comparingByValue().reversed()).limit(SLOWEST)
                .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %.2f s | %.1f %% |%n",
                        e.getKey().getFileName(), e.getValue() / 1e9, 100.0 * e.getValue() / Math.max(1, allNanos))));
        System.out.print(md);
        Files.createDirectories(out);
        Files.writeString(out.resolve("throughput.md"), md.toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tarballs", count);
        json.put("compressedBytes", compressed);
        json.put("unpackedBytes", unpacked);
        json.put("threads", threads);
        json.put("maxHeapBytes", maxHeap);
        json.put("peakLiveHeapBytes", peakHeap);
        json.put("gcSeconds", gcMillis / 1000.0);
        json.put("rounds", rounds);
        json.put("medianUnpackMBps", unpack);
        json.put("medianEndToEndMBps", analyse);
        json.put("ratio", analyse / unpack);
        Files.writeString(out.resolve("throughput.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n");
    }

    private static Round find(List<Round> rounds, String mode, int round) {
        return rounds.stream().filter(r -> r.mode().equals(mode) && r.round() == round).findFirst().orElseThrow();
    }

    private static double median(List<Round> rounds, String mode) {
        double[] values = rounds.stream().filter(r -> r.mode().equals(mode)).mapToDouble(Round::mbPerSecond)
                .sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
