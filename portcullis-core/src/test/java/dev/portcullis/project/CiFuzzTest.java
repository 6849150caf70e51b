package dev.portcullis.project;

import dev.portcullis.shell.ShellSplitter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Any text in a CI file, Dockerfile, Makefile or script gives findings or none, never an exception, in bounded
 * time. Regression mode runs the seeds; {@code JAZZER_FUZZ=1} fuzzes (run one method at a time with -Dtest).
 */
class CiFuzzTest {
    private static final List<String> PATHS = List.of(".github/workflows/ci.yml", ".gitlab-ci.yml", "Dockerfile",
            "Makefile", "build.sh", ".github/actions/a/action.yml");
    private static final CiCheck CHECK = new CiCheck();

    @FuzzTest(maxDuration = "3m")
    void shellSplitterNeverFails(FuzzedDataProvider data) {
        int nesting = data.consumeInt(1, 12);
        String text = data.consumeRemainingAsString();
        var pipelines = ShellSplitter.split(text, 1, nesting);
        for (var command : ShellSplitter.flatten(pipelines)) {
            assertThat(command.line()).isBetween(1, text.length() + 1);
        }
    }

    @FuzzTest(maxDuration = "3m")
    void ciCheckNeverFailsOnAnyFile(FuzzedDataProvider data) {
        String path = data.pickValue(PATHS);
        String content = data.consumeRemainingAsString();
        var context = CiTestProjects.context(CiTestProjects.lockfile(), List.of(new ProjectFile(path, content)));
        assertThat(CHECK.check(context)).allSatisfy(f -> assertThat(f.location().file()).isEqualTo(path));
    }

    @Test
    void pathologicalInputsFinishQuickly() {
        // each a worst case of one construct, at about the size of the largest real CI files
        List<String> inputs = List.of(
                "$(".repeat(50_000),
                "(".repeat(50_000) + ")".repeat(50_000),
                "\"$(`".repeat(25_000),
                "cat <<EOF\n".repeat(10_000),
                "a | ".repeat(25_000) + "sh",
                "[".repeat(50_000),
                "- ".repeat(25_000) + "run: x",
                "a: &a [" + "*a, ".repeat(10_000) + "]",
                "RUN " + "\\\n".repeat(50_000),
                "x:\n" + "\tnpx a \\\n".repeat(10_000));
        for (String input : inputs) {
            for (String path : PATHS) {
                var context = CiTestProjects.context(null, List.of(new ProjectFile(path, input)));
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CHECK.check(context), path);
            }
        }
    }
}
