package dev.portcullis.bench.eval;

import dev.portcullis.analysis.PackageAnalysis;
import dev.portcullis.analysis.PackageAnalyzer;
import dev.portcullis.analysis.PackageInput;
import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballFile;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the package analysis a user gets ({@link PackageAnalyzer#withDefaultRules()}, default tarball limits) over
 * corpus packages on a fixed number of threads. Every package goes through {@link TarballReader} — samples are
 * packed first — so the evaluation measures the same path as {@code portcullis inspect} and {@code scan --deep}.
 */
public final class CorpusAnalysis {
    /** Opens one package's gzipped tarball. */
    @FunctionalInterface
    public interface TarballSource {
        InputStream open() throws IOException;
    }

    /** A package to analyse: its label and where its tarball comes from. */
    public record Item(String label, TarballSource source) {
    }

    private final PackageAnalyzer analyzer;
    private final TarballLimits limits;

    public CorpusAnalysis(PackageAnalyzer analyzer, TarballLimits limits) {
        this.analyzer = analyzer;
        this.limits = limits;
    }

    public static CorpusAnalysis defaults() {
        return new CorpusAnalysis(PackageAnalyzer.withDefaultRules(), TarballLimits.defaults());
    }

    /** One package; a tarball the reader rejects becomes a failed outcome naming the error. */
    public PackageOutcome analyse(Item item) {
        TarballContents contents;
        try (InputStream in = item.source().open()) {
            contents = TarballReader.read(in, limits);
        } catch (IOException | RuntimeException e) {
            return PackageOutcome.failed(item.label(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        PackageAnalysis analysis = analyzer.analyze(PackageInput.of(contents));
        long bytes = 0;
        for (TarballFile file : contents.files()) {
            bytes += file.size();
        }
        return PackageOutcome.analysed(item.label(), analysis.findings(), bytes);
    }

    /** All items on {@code threads} threads, outcomes in the items' order. */
    public List<PackageOutcome> analyseAll(List<Item> items, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<PackageOutcome>> futures = new ArrayList<>();
            for (Item item : items) {
                futures.add(pool.submit(() -> analyse(item)));
            }
            List<PackageOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    // the analysis itself threw: that is a bug to report, not a verdict
                    outcomes.add(PackageOutcome.failed(items.get(i).label(), "analysis failed: " + e.getCause()));
                }
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
