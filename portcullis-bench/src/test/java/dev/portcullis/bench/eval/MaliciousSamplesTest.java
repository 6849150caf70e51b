package dev.portcullis.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Verdict;
import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The malicious side of the evaluation in the normal build (no network, a few seconds): every sample in
 * {@code evaluation/malicious} is packed and analysed with the default rules, and must get at least the verdict its
 * SAMPLE.md expects — except the samples listed in {@code evaluation/known-misses.txt}, which must still miss. The
 * list is a ratchet: a sample that starts to miss fails the build (a regression), and a listed sample that now meets
 * its expectation fails it too, so the list only ever shrinks. The full evaluation, with the benign side, is
 * {@code scripts/evaluate.sh}.
 */
class MaliciousSamplesTest {
    private static final Path ROOT = Path.of("evaluation");
    private static List<EvaluationReport.SampleResult> results;

    @BeforeAll
    static void analyse() throws IOException {
        results = Evaluation.analyseMalicious(CorpusAnalysis.defaults(), ROOT.resolve("malicious"), 2);
    }

    @Test
    void there_are_at_least_thirty_samples_and_each_names_its_attack_and_expected_verdict() throws IOException {
        assertThat(results).hasSizeGreaterThanOrEqualTo(30);
        for (EvaluationReport.SampleResult r : results) {
            String notes = Files.readString(r.sample().dir().resolve(SamplePacker.NOTES));
            assertThat(notes).as(r.sample().name()).contains("- Attack:").contains("- Write-up")
                    .contains("- What this sample reproduces:");
        }
        // Review is for the documented harmless-but-hostile cases (protestware messages, a dependency flood, an
        // endless loop), not a way to lower the bar: at most one sample in twenty.
        long review = results.stream().filter(r -> r.sample().expected() == Verdict.REVIEW).count();
        assertThat(review).as("samples expected only to be reviewed").isLessThanOrEqualTo(results.size() / 20);
    }

    @Test
    void every_sample_is_read_and_analysed_without_error() {
        for (EvaluationReport.SampleResult r : results) {
            assertThat(r.outcome().error()).as(r.sample().name()).isNull();
        }
    }

    @Test
    void samples_meet_their_expected_verdict_except_the_known_misses_which_must_still_miss() throws IOException {
        TreeSet<String> known = new TreeSet<>(BenignCorpus.names(ROOT.resolve("known-misses.txt")));
        Map<String, String> regressions = new TreeMap<>();
        List<String> fixed = new ArrayList<>();
        for (EvaluationReport.SampleResult r : results) {
            String name = r.sample().name();
            if (!r.met() && !known.contains(name)) {
                regressions.put(name, "expected " + r.sample().expected().id() + ", got " + r.outcome().verdict().id()
                        + " " + r.outcome().rulesHit());
            }
            if (r.met() && known.contains(name)) {
                fixed.add(name);
            }
        }
        assertThat(regressions).as("samples that now miss their expected verdict (a regression; fix the analysis)")
                .isEmpty();
        assertThat(fixed).as("known misses that now meet their expectation: remove them from known-misses.txt")
                .isEmpty();
        assertThat(known).as("known-misses.txt names only existing samples")
                .isSubsetOf(results.stream().map(r -> r.sample().name()).toList());
    }

    @Test
    void recipe_entries_reach_the_tarball_as_written() throws IOException {
        byte[] tarball = SamplePacker.pack(ROOT.resolve("malicious/28-tar-symlink-hardlink"));
        TarballContents contents = TarballReader.read(new ByteArrayInputStream(tarball), TarballLimits.defaults());
        assertThat(contents.file("package.json")).isPresent();
        assertThat(contents.file(SamplePacker.NOTES)).isEmpty();
        assertThat(contents.file(SamplePacker.RECIPE)).isEmpty();
        assertThat(contents.problems()).extracting(p -> p.entry())
                .contains("package/lib/cache", "package/lib/keys.json", "package/lib/passwd.json");
    }
}
