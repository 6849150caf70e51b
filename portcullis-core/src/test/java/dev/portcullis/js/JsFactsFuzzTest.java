package dev.portcullis.js;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * Any bytes as a JavaScript file, any text as a command: facts within the limits, in line order, never an exception
 * (an internal error would show as an UNPARSABLE "internal-error" fact, which fails here too). Seeds are real
 * techniques and tricky lexing (JsFactsFuzzTestInputs/); a normal test run replays them, {@code JAZZER_FUZZ=1}
 * fuzzes one target for maxDuration (run one method at a time with -Dtest).
 */
class JsFactsFuzzTest {
    /** Far above the analysis of a fuzzer-sized input (a few KiB), far below a hang. */
    private static final long MAX_NANOS = 5_000_000_000L;

    /** Small limits, so the fuzzer meets every limit with small inputs. */
    private static final JsOptions OPTIONS = new JsOptions(List.of(), new JsLimits(2, 64, 50, 64 * 1024, 4 * 1024));

    @FuzzTest(maxDuration = "2m")
    void javascriptReadsOrReports(byte[] data) {
        long start = System.nanoTime();

        FileFacts facts = JsFacts.extract("index.js", data, OPTIONS);

        assertThat(System.nanoTime() - start).isLessThan(MAX_NANOS);
        assertThat(facts.language()).isIn(FileFacts.Language.JAVASCRIPT, FileFacts.Language.BINARY);
        withinLimits(facts.facts());
    }

    @FuzzTest(maxDuration = "2m")
    void commandsReadOrReport(byte[] data) {
        long start = System.nanoTime();

        List<Fact> facts = CommandFacts.command(new String(data, StandardCharsets.UTF_8), 3, OPTIONS);

        assertThat(System.nanoTime() - start).isLessThan(MAX_NANOS);
        withinLimits(facts);
        assertThat(facts).allSatisfy(f -> assertThat(f.line()).isEqualTo(3));
    }

    private static void withinLimits(List<Fact> facts) {
        JsLimits limits = OPTIONS.limits();
        assertThat(facts).hasSizeLessThanOrEqualTo(limits.maxFactsPerFile());
        assertThat(facts).isSortedAccordingTo(Comparator.comparingInt(Fact::line));
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.evidence().length()).isLessThanOrEqualTo(limits.maxEvidenceChars());
            assertThat(f.evidence()).doesNotContain("\n", "\r");
            assertThat(f.depth()).isLessThanOrEqualTo(limits.maxDecodeDepth());
            assertThat(f.detail()).isNotEqualTo("internal-error");
        });
    }
}
