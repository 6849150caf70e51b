package dev.portcullis.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CiExtractorTest {

    static Stream<Arguments> dockerfiles() {
        return Stream.of(
                Arguments.of("RUN npm ci", List.of(new ShellSnippet("npm ci", 1, true))),
                Arguments.of("FROM x\nrun npm ci\n", List.of(new ShellSnippet("npm ci", 2, true))),
                Arguments.of("RUN --mount=type=cache,target=/root/.npm npm ci", List.of(new ShellSnippet("npm ci", 1, true))),
                Arguments.of("ONBUILD RUN npm i", List.of(new ShellSnippet("npm i", 1, true))),
                Arguments.of("RUN a && \\\n  # note\n  b", List.of(new ShellSnippet("a && \\\n\\\n  b", 1, true))),
                Arguments.of("# escape=`\nRUN a && `\n  b", List.of(new ShellSnippet("a && \\\n  b", 2, true))),
                Arguments.of("ENTRYPOINT [\"npx\", \"it's\"]", List.of(new ShellSnippet("'npx' 'it'\\''s'", 1, false))),
                Arguments.of("RUN --mount=type=cache,target=/root/.npm [\"npx\", \"x\"]", List.of(new ShellSnippet("'npx' 'x'", 1, false))),
                Arguments.of("CMD [not json", List.of(new ShellSnippet("[not json", 1, true))),
                Arguments.of("RUN <<EOF\nnpm i\nEOF\nRUN ls", List.of(new ShellSnippet("npm i\n", 2, true), new ShellSnippet("ls", 4, true))),
                Arguments.of("RUN python3 <<EOF\nimport os\nEOF", List.of(new ShellSnippet("python3 <<EOF", 1, true))),
                Arguments.of("COPY . .\nENV A=b\nLABEL x=\"npm install\"", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("dockerfiles")
    void findsShellTextOfRunCmdAndEntrypoint(String dockerfile, List<ShellSnippet> expected) {
        assertThat(CiExtractor.dockerfile(dockerfile)).isEqualTo(expected);
    }

    static Stream<Arguments> makefiles() {
        return Stream.of(
                Arguments.of("all:\n\t@echo $$HOME\n", List.of(new ShellSnippet("echo $HOME", 2, true))),
                Arguments.of("x:\n\t-+npm ci \\\n\t  --omit=dev\n", List.of(new ShellSnippet("npm ci \\\n  --omit=dev", 2, true))),
                Arguments.of("x: y ; npx a\n", List.of(new ShellSnippet("npx a", 1, true))),
                Arguments.of("x:\nifeq ($(CI),1)\n\tnpm ci\nendif\n", List.of(new ShellSnippet("npm ci", 3, true))),
                Arguments.of("A := b:c\n\tnot-a-recipe\n", List.of()),
                Arguments.of("\tno rule yet\n", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("makefiles")
    void findsRecipeLines(String makefile, List<ShellSnippet> expected) {
        assertThat(CiExtractor.makefile(makefile)).isEqualTo(expected);
    }

    @Test
    void yamlBlockScalarsKeepTheirLinesAndFoldedOnesReportTheirFirstLine() {
        String workflow = """
                steps:
                  - run: |-
                      a
                      b
                  - run: >
                      c
                      d
                  - run: "e"
                  - name: run
                    with: {run: f}
                """;
        assertThat(CiExtractor.yaml(workflow, CiExtractor.GITHUB_KEYS, 1 << 20)).containsExactly(
                new ShellSnippet("a\nb", 3, true),
                new ShellSnippet("c d\n", 6, false),
                new ShellSnippet("e", 8, false),
                new ShellSnippet("f", 10, false));
    }

    @Test
    void gitlabReferenceTagsAreNotCommands() {
        String gitlab = "job:\n  script:\n    - !reference [.setup, script]\n    - npm ci\n";
        assertThat(CiExtractor.yaml(gitlab, CiExtractor.GITLAB_KEYS, 1 << 20)).containsExactly(
                new ShellSnippet("npm ci", 4, false));
    }

    @Test
    void scanLimitsCutLongLinesAndLongFilesButKeepLineNumbers() {
        var limits = new CiScanLimits(20, 5, 4);
        assertThat(limits.bound("abcdefgh\nxy\nzzzzzzzzzzzzzzzzzz")).isEqualTo("abcde\nxy\nzzzzz");
        assertThat(limits.bound("short")).isEqualTo("short");
    }
}
