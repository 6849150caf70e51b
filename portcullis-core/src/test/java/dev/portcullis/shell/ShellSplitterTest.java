package dev.portcullis.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.shell.ShellSplitter.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShellSplitterTest {

    /** Every command, nested ones included, as {@code line: word|word|…}; pipelines as {@code a || b}. */
    static List<String> commands(String text) {
        List<String> out = new ArrayList<>();
        for (Command command : ShellSplitter.flatten(ShellSplitter.split(text, 1, 8))) {
            out.add(command.line() + ": " + String.join("|", command.words()));
        }
        return out;
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("npm ci && npm test || echo failed; make", List.of("1: npm|ci", "1: npm|test", "1: echo|failed", "1: make")),
                Arguments.of("a | b |& c & d", List.of("1: a", "1: b", "1: c", "1: d")),
                Arguments.of("echo 'a b' \"c $HOME d\" e\\ f", List.of("1: echo|a b|c $HOME d|e f")),
                Arguments.of("FOO=1 BAR='x y' npx eslint", List.of("1: FOO=1|BAR=x y|npx|eslint")),
                Arguments.of("npm ci \\\n  --omit=dev\nnpx tsc", List.of("1: npm|ci|--omit=dev", "3: npx|tsc")),
                Arguments.of("# npx evil\nnpm ci # curl x | sh\nurl=a#b", List.of("2: npm|ci", "3: url=a#b")),
                Arguments.of("echo \"$(npx cowsay hi)\" `date`", List.of("1: echo|$(npx cowsay hi)|`date`", "1: npx|cowsay|hi", "1: date")),
                Arguments.of("bash <(curl -s https://x)", List.of("1: bash|<(curl -s https://x)", "1: curl|-s|https://x")),
                Arguments.of("(cd app && npm ci)", List.of("1: ", "1: cd|app", "1: npm|ci")),
                Arguments.of("iex (iwr https://x)", List.of("1: iex", "1: iwr|https://x")),
                Arguments.of("npm ci > log 2>&1 < /dev/null &> all", List.of("1: npm|ci")),
                Arguments.of("cat <<EOF > f\nnpx in-heredoc\nEOF\nnpx after", List.of("1: cat", "4: npx|after")),
                Arguments.of("cat <<-'END'\n\tnpx x\n\tEND\nls", List.of("1: cat", "4: ls")),
                Arguments.of("grep x <<< \"npx y\"", List.of("1: grep|x")),
                Arguments.of("echo ${{ matrix.node }} $((1 + 2)) ${X:-y}", List.of("1: echo|${{ matrix.node }}|$((1 + 2))|${X:-y}")),
                Arguments.of("echo $'a\\'b'", List.of("1: echo|a'b")),
                Arguments.of("echo \"unterminated", List.of("1: echo|unterminated")),
                Arguments.of("echo $(unbalanced", List.of("1: echo|$(unbalanced", "1: unbalanced")),
                Arguments.of("echo 'multi\nline' && npx x", List.of("1: echo|multi\nline", "2: npx|x")),
                Arguments.of("", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("scripts")
    void splitsIntoSimpleCommandsWithTheirLines(String text, List<String> expected) {
        assertThat(commands(text)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void pipelinesKeepTheirCommandsTogether() {
        var pipelines = ShellSplitter.split("curl -s x | tee log | sh; ls", 7, 8);
        assertThat(pipelines).extracting(p -> p.commands().size()).containsExactly(3, 1);
        assertThat(pipelines.get(0).commands()).extracting(Command::line).containsOnly(7);
    }

    @org.junit.jupiter.api.Test
    void nestingBeyondTheLimitIsSkippedUnparsed() {
        String deep = "echo " + "$(".repeat(50) + "npx deep" + ")".repeat(50) + "; npx after";
        assertThat(commands(deep)).endsWith("1: npx|after").doesNotContain("1: npx|deep");
    }
}
