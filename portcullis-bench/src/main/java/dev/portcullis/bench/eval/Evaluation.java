package dev.portcullis.bench.eval;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import dev.portcullis.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The package-analysis evaluation: analyses every malicious sample (packed in memory) and every downloaded benign
 * tarball, prints the Markdown report, writes {@code report.md} and {@code report.json}, and exits 1 when a target
 * is missed (see {@link EvaluationReport#targetsMet()}), 2 on a usage or input error.
 *
 * <pre>
 * java -cp ... dev.portcullis.bench.eval.Evaluation --malicious portcullis-bench/evaluation/malicious \
 *     [--benign portcullis-bench/target/evaluation/benign] [--list FILE]... [--out DIR] [--threads 2]
 * </pre>
 * Without {@code --benign} only the malicious side runs (no download needed). Without {@code --list} the lists are
 * the {@code benign-*.txt} files next to the malicious directory. {@code scripts/evaluate.sh} runs all of it.
 */
public final class Evaluation {
    private static final String KNOWN_MISSES_HEADER = """
            # Malicious samples that do not yet get their expected verdict with the default rules, with what they get.
            # MaliciousSamplesTest fails when a sample not listed here misses (a regression) and when a listed one is
            # caught (remove it then): the list only shrinks. Written by
            # portcullis-bench/scripts/evaluate.sh --malicious-only --write-known-misses
            """;
    private Evaluation() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(Options.parse(args)));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("evaluation: " + e.getMessage());
            System.exit(2);
        }
    }

    record Options(Path malicious, Path benign, List<Path> lists, Path out, int threads, Path knownMisses) {
        static Options parse(String[] args) {
            Path malicious = null;
            Path benign = null;
            Path out = Path.of("target/evaluation");
            List<Path> lists = new ArrayList<>();
            int threads = 2;
            Path knownMisses = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--malicious" -> malicious = Path.of(need(args[i], value));
                    case "--benign" -> benign = Path.of(need(args[i], value));
                    case "--list" -> lists.add(Path.of(need(args[i], value)));
                    case "--out" -> out = Path.of(need(args[i], value));
                    case "--threads" -> threads = Integer.parseInt(need(args[i], value));
                    case "--write-known-misses" -> knownMisses = Path.of(need(args[i], value));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: --malicious DIR [--benign DIR] [--list FILE]... [--out DIR] [--threads N]"
                            + " [--write-known-misses FILE]");
                }
                i++;
            }
            if (malicious == null) {
                throw new IllegalArgumentException("--malicious DIR is required");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1");
            }
            return new Options(malicious, benign, List.copyOf(lists), out, threads, knownMisses);
        }

        private static String need(String flag, String value) {
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return value;
        }
    }

    static int run(Options options) throws IOException {
        CorpusAnalysis analysis = CorpusAnalysis.defaults();
        List<EvaluationReport.SampleResult> malicious = analyseMalicious(analysis, options.malicious(),
                options.threads());

        List<EvaluationReport.BenignResult> benign = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int topSize = 0;
        if (options.benign() != null) {
            List<Path> lists = options.lists().isEmpty() ? defaultLists(options.malicious()) : options.lists();
            for (Path list : lists) {
                if (list.getFileName().toString().equals(BenignCorpus.TOP + ".txt")) {
                    topSize = BenignCorpus.names(list).size();
                }
            }
            if (topSize == 0) {
                throw new IllegalArgumentException("no " + BenignCorpus.TOP + ".txt among the benign lists " + lists);
            }
            List<BenignCorpus.Package> packages = BenignCorpus.load(options.benign(), lists, missing);
            List<CorpusAnalysis.Item> items = packages.stream()
                    .map(p -> new CorpusAnalysis.Item(p.label(), () -> Files.newInputStream(p.tarball()))).toList();
            List<PackageOutcome> outcomes = analysis.analyseAll(items, options.threads());
            for (int i = 0; i < packages.size(); i++) {
                benign.add(new EvaluationReport.BenignResult(packages.get(i), outcomes.get(i)));
            }
        }

        String generated = "Generated " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " with Java "
                + Runtime.version() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + options.threads() + " analysis threads; default rules and verdict thresholds.";
        EvaluationReport report = new EvaluationReport(malicious, benign, missing, topSize, generated);
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("report.md"), report.markdown());
        Files.writeString(options.out().resolve("report.json"), report.json());
        if (options.knownMisses() != null) {
            writeKnownMisses(options.knownMisses(), report.misses());
        }
        System.out.print(report.markdown());
        System.out.println("\nwritten: " + options.out().resolve("report.md") + ", "
                + options.out().resolve("report.json"));
        return report.targetsMet() ? 0 : 1;
    }

    /** Every malicious sample packed and analysed; the test in this module uses it too. */
    public static List<EvaluationReport.SampleResult> analyseMalicious(CorpusAnalysis analysis, Path root,
                                                                       int threads) throws IOException {
        List<MaliciousSample> samples = MaliciousSample.load(root);
        List<CorpusAnalysis.Item> items = new ArrayList<>();
        for (MaliciousSample sample : samples) {
            byte[] tarball = SamplePacker.pack(sample.dir());
            items.add(new CorpusAnalysis.Item(sample.name(), () -> new ByteArrayInputStream(tarball)));
        }
        List<PackageOutcome> outcomes = analysis.analyseAll(items, threads);
        List<EvaluationReport.SampleResult> results = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            results.add(new EvaluationReport.SampleResult(samples.get(i), outcomes.get(i)));
        }
        return results;
    }

    /** The ratchet file MaliciousSamplesTest reads: today's misses, each with the verdict and rules it got. */
    private static void writeKnownMisses(Path file, List<EvaluationReport.SampleResult> misses) throws IOException {
        StringBuilder text = new StringBuilder(KNOWN_MISSES_HEADER);
        for (EvaluationReport.SampleResult miss : misses) {
            PackageOutcome o = miss.outcome();
            text.append(miss.sample().name()).append("  # expected ").append(miss.sample().expected().id())
                    .append(", got ").append(o.error() != null ? "an error" : o.verdict().id());
            List<String> rules = o.findings().stream().filter(f -> f.severity().atLeast(Severity.MEDIUM))
                    .map(f -> f.rule().id()).distinct().sorted().toList();
            if (!rules.isEmpty()) {
                text.append(" (").append(String.join(", ", rules)).append(')');
            }
            text.append('\n');
        }
        Files.writeString(file, text);
    }

    private static List<Path> defaultLists(Path malicious) throws IOException {
        Path dir = malicious.toAbsolutePath().getParent();
        try (var list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches("benign-.*\\.txt")).sorted().toList();
        }
    }
}
