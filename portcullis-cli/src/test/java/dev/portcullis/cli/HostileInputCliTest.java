package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.Environment;
import dev.portcullis.json.Json;
import dev.portcullis.testkit.ChildJvm;
import dev.portcullis.testkit.SyntheticNpmLockfile;
import dev.portcullis.testkit.TarballBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input campaign of issue 14 through the command line: inputs generated here (tarballs of hundreds of
 * megabytes are streamed to a temporary file, never committed), run as a user runs them, in a 256 MB heap where
 * the campaign found out-of-memory errors. Every case ends with a verdict or exit 2 naming the file or the limit,
 * never exit 3 and never a stack trace. docs/hostile-inputs.md has the table.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileInputCliTest {
    private static final long MIB = 1024L * 1024;
    private static final List<String> SMALL_HEAP = List.of("-Xmx256m", "-XX:+UseSerialGC", "-Xss4m");

    @TempDir
    Path work;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(Map.of("npm_config_globalconfig",
                work.resolve("no-global-npmrc").toString()), work.resolve("home"),
                Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC), work.resolve("cache"));
        int exit = Main.run(environment, false, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static void noStackTrace(String text) {
        assertThat(text).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("OutOfMemoryError")
                .doesNotContainPattern("\\bnull\\b");
    }

    /** Incompressible bytes, so that what follows is judged by the size limits and not by the compression ratio. */
    private static byte[] noise(int bytes) {
        byte[] noise = new byte[bytes];
        new Random(14).nextBytes(noise);
        return noise;
    }

    private static TarballBuilder manifest(String scripts) {
        return TarballBuilder.tarball().file("package/package.json",
                "{\"name\":\"hostile\",\"version\":\"1.0.0\"" + scripts + "}");
    }

    static Stream<Arguments> item10_hugeTarballs() {
        String postinstall = ",\"scripts\":{\"postinstall\":\"node index.js\"}";
        return Stream.of(
                Arguments.of("a 180 MiB JavaScript file", manifest(postinstall)
                        .file("package/noise.bin", noise(2 * (int) MIB), 0644)
                        .repeated("package/index.js", 180 * MIB, "/* padding padding padding */\n"),
                        "content/tarball-large-file"),
                Arguments.of("a 64 MiB GNU long name", manifest("")
                        .file("package/noise.bin", noise((int) MIB), 0644)
                        .gnuLongName("package/" + "n".repeat(64 * (int) MIB) + ".js", "1;\n")
                        .file("package/index.js", "module.exports = 1;\n"),
                        "content/tarball-bomb"),
                Arguments.of("a 50 MiB package.json", TarballBuilder.tarball()
                        .file("package/noise.bin", noise((int) MIB), 0644)
                        .repeated("package/package.json", 50 * MIB, "{\"name\":\"hostile\",\"x\":[1,2,3]}\n")
                        .file("package/index.js", "module.exports = 1;\n"),
                        "content/tarball-large-file"),
                Arguments.of("10 x 25 MiB of zeros behind 2 MiB of noise", tenZeroFiles(),
                        "content/tarball-bomb"),
                Arguments.of("a 66.7 MiB index.js run at install", manifest(postinstall)
                        .file("package/noise.bin", noise((int) MIB), 0644)
                        .repeated("package/index.js", 70_000_000L, "/* comment comment comment comment */\n"),
                        "content/tarball-large-file"));
    }

    private static TarballBuilder tenZeroFiles() {
        TarballBuilder tarball = manifest("").file("package/noise.bin", noise(2 * (int) MIB), 0644);
        for (int i = 0; i < 10; i++) {
            tarball.repeated("package/zeros-" + i + ".bin", 25 * MIB, "\0");
        }
        return tarball.file("package/index.js", "module.exports = 1;\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void item10_hugeTarballs(String what, TarballBuilder tarball, String rule) throws IOException {
        Path tgz = work.resolve("hostile.tgz");
        tarball.writeTo(tgz);
        Path report = work.resolve("report.json");

        ChildJvm.Result result = ChildJvm.run(Main.class, SMALL_HEAP, List.of("inspect", tgz.toString(), "--format",
                "json", "-o", report.toString()));

        // review passes the default policy (verdict.failOn: block): exit 0, never 3
        assertThat(result.exitCode()).as(what + ": " + result.stderr()).isIn(0, 1);
        noStackTrace(result.stderr());
        JsonNode json = Json.mapper().readTree(report.toFile());
        assertThat(json.at("/results/0/verdict").asText()).as(what).isIn("review", "block");
        List<String> rules = new ArrayList<>();
        json.at("/results/0/findings").forEach(f -> rules.add(f.path("rule").asText()));
        assertThat(rules).as(what).contains(rule);
    }

    private Path project(Map<String, byte[]> files) throws IOException {
        Path dir = Files.createDirectories(work.resolve("project"));
        try (Writer out = Files.newBufferedWriter(dir.resolve("package-lock.json"), StandardCharsets.UTF_8)) {
            SyntheticNpmLockfile.write(out, 3);
        }
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"synthetic\",\"version\":\"1.0.0\","
                + "\"dependencies\":{\"pkg-0\":\"^1.0.0\",\"pkg-1\":\"^1.0.0\",\"pkg-2\":\"^1.0.0\"}}");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        return dir;
    }

    /** Two good lines, then a byte that cannot be UTF-8 (0xC3 followed by '(') on line 3. */
    private static byte[] invalidUtf8(String firstLines) {
        byte[] head = firstLines.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = '(';
        bytes[head.length + 2] = '\n';
        return bytes;
    }

    static Stream<Arguments> item9_invalidUtf8() {
        return Stream.of(
                Arguments.of("portcullis.yml", invalidUtf8("verdict:\n  block: critical\n# ")),
                Arguments.of("pnpm-workspace.yaml", invalidUtf8("packages:\n  - 'packages/*'\n# ")),
                Arguments.of(".yarnrc.yml", invalidUtf8("nodeLinker: node-modules\nenableTelemetry: false\n# ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void item9_invalidUtf8(String file, byte[] content) throws IOException {
        Path project = project(Map.of(file, content));

        Run result = run("scan", project.toString(), "--offline");

        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(file + ":3").contains("not valid UTF-8");
        noStackTrace(result.err());
    }

    @Test
    void item8_aLockfileBeyondTheHeapFailsEarlyNamingTheLimit() throws IOException {
        Path dir = Files.createDirectories(work.resolve("big"));
        try (Writer out = Files.newBufferedWriter(dir.resolve("package-lock.json"), StandardCharsets.UTF_8)) {
            SyntheticNpmLockfile.write(out, 130_000);
        }
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"big\",\"version\":\"1.0.0\"}");

        ChildJvm.Result result = ChildJvm.run(Main.class, SMALL_HEAP, List.of("scan", dir.toString(), "--offline"));

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderr()).contains("package-lock.json").contains("ProjectLimits.maxLockfileBytes");
        noStackTrace(result.stderr());
    }
}
