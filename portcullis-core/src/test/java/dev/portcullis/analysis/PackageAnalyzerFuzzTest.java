package dev.portcullis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.policy.VerdictThresholds;
import dev.portcullis.tarball.TarballFile;
import java.util.Arrays;
import java.util.List;

/**
 * Any package.json and any install-time file analyse to findings, never to an exception: the bytes up to the first
 * NUL are package.json, the rest is {@code index.js}, which a second file's require and the manifest's scripts may
 * reach. Seeds (PackageAnalyzerFuzzTestInputs/) are real manifests; a normal test run replays them, JAZZER_FUZZ=1
 * fuzzes for maxDuration.
 */
class PackageAnalyzerFuzzTest {
    private static final PackageAnalyzer ANALYZER = PackageAnalyzer.withDefaultRules();
    /** Far above any analysis of a fuzzer-sized input, far below a hang. */
    private static final long MAX_NANOS = 5_000_000_000L;

    @FuzzTest(maxDuration = "2m")
    void analyzesAnyManifestAndScript(byte[] data) {
        int split = 0;
        while (split < data.length && data[split] != 0) {
            split++;
        }
        byte[] manifest = Arrays.copyOfRange(data, 0, split);
        byte[] script = Arrays.copyOfRange(data, Math.min(data.length, split + 1), data.length);
        PackageInput input = new PackageInput("", "", List.of(
                new TarballFile("package.json", manifest, 0644),
                new TarballFile("index.js", script, 0644),
                new TarballFile("lib/run.js", "require('../index.js');\n".getBytes(), 0644)), List.of());
        long start = System.nanoTime();

        PackageAnalysis analysis = ANALYZER.analyze(input);

        assertThat(System.nanoTime() - start).isLessThan(MAX_NANOS);
        assertThat(analysis.files()).isEqualTo(3);
        assertThat(analysis.findings()).allSatisfy(f -> {
            assertThat(f.location().file()).isNotEmpty();
            assertThat(f.message().length()).isLessThanOrEqualTo(400);
            assertThat(f.evidence() == null || f.evidence().length() <= 600).isTrue();
        });
        analysis.verdict(VerdictThresholds.defaults());
    }
}
