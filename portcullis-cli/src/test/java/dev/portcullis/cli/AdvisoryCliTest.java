package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.engine.Environment;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import dev.portcullis.testkit.SyntheticOsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portcullis db import|status} and the advisory stage of scan and inspect, end to end through the command
 * line: recorded OSV records, a lockfile that installs a vulnerable and a malicious version, a registry on 127.0.0.1
 * with and without the bulk advisory endpoint.
 */
class AdvisoryCliTest {
    private static final Path OSV = Fixtures.repoRoot().resolve("portcullis-core/src/test/resources/advisory/osv");
    private static final Path BULK = Fixtures.repoRoot().resolve(
            "portcullis-core/src/test/resources/advisory/bulk-response.json");

    @TempDir
    Path work;

    record Run(int exit, String out, String err) {
    }

    private Environment environment() {
        Map<String, String> env = new HashMap<>();
        env.put("npm_config_globalconfig", work.resolve("no-global-npmrc").toString());
        env.put("npm_config_userconfig", work.resolve("no-user-npmrc").toString());
        env.put("PORTCULLIS_DB", work.resolve("data/advisories").toString());
        return new Environment(env, work.resolve("home"),
                Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC), work.resolve("cache"));
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(environment(), false, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** An app depending on express-ish (which brings lodash 4.17.20) and on ua-parser-js 0.7.29 (malware). */
    private Path project(String npmrc) throws IOException {
        Path dir = Files.createDirectories(work.resolve("app"));
        Files.writeString(dir.resolve("package.json"), """
                {"name": "app", "version": "1.0.0", "dependencies": {"templ": "^1.0.0", "ua-parser-js": "0.7.29"}}
                """);
        Files.writeString(dir.resolve("package-lock.json"), """
                {
                  "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
                  "packages": {
                    "": {"name": "app", "version": "1.0.0", "dependencies": {"templ": "^1.0.0", "ua-parser-js": "0.7.29"}},
                    "node_modules/templ": {"version": "1.2.0", "resolved": "https://registry.npmjs.org/templ/-/templ-1.2.0.tgz",
                      "integrity": "sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
                      "dependencies": {"lodash": "^4.17.0"}},
                    "node_modules/lodash": {"version": "4.17.20", "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz",
                      "integrity": "sha512-PlhdFcillOINfeV7Ni6oF1TAEayyZBoZ8bcshTHqOYJYlrqzRK5hagpagky5o4HfCzzd1TRkXPMFq6cKk9rGmA=="},
                    "node_modules/ua-parser-js": {"version": "0.7.29", "resolved": "https://registry.npmjs.org/ua-parser-js/-/ua-parser-js-0.7.29.tgz",
                      "integrity": "sha512-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=="}
                  }
                }
                """);
        if (npmrc != null) {
            Files.writeString(dir.resolve(".npmrc"), npmrc);
        }
        return dir;
    }

    @Test
    void importStatusAndOfflineScan() throws IOException {
        Run empty = run("db", "status");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.out()).contains("no advisory database at " + work.resolve("data/advisories.mv.db"));

        Run imported = run("db", "import", OSV.toString());
        assertThat(imported.exit()).as(imported.err()).isEqualTo(0);
        assertThat(imported.out()).isEqualTo("imported 9 file(s) into " + work.resolve("data/advisories.mv.db")
                + ": 8 new, 0 updated, 0 unchanged; 1 of other ecosystems skipped; 0 malformed\n");

        Run status = run("db", "status");
        assertThat(status.exit()).isEqualTo(0);
        assertThat(status.out()).contains("advisories: 8 (3 malware, 1 withdrawn) naming 10 package(s)")
                .contains("newest modified: 2025-09-09T10:00:00Z (123 day(s) ago)")
                .contains("last import: 2026-01-10T12:00:00Z (0 hour(s) ago)")
                .contains(OSV.toString() + "  9 file(s): 8 new");

        Path dir = project(null);
        Run scan = run("scan", dir.toString(), "--offline");
        assertThat(scan.exit()).as(scan.out() + scan.err()).isEqualTo(1);
        assertThat(scan.out())
                .contains("advisory/malware")
                .contains("ua-parser-js@0.7.29 is malware: GHSA-g2q5-5433-rhrf (CVE-2021-42574) — Malware in "
                        + "ua-parser-js; fixed in 0.7.30")
                .contains("advisory/vulnerability")
                .contains("lodash@4.17.20: GHSA-35jh-r3h4-6jhm (CVE-2021-23337) — Command Injection in lodash; "
                        + "fixed in 4.17.21")
                .contains("installed through (project) > templ@1.2.0 > lodash@4.17.20")
                .doesNotContain("no advisory data");
    }

    @Test
    void theAdvisoryRulesFollowThePolicy() throws IOException {
        assertThat(run("db", "import", OSV.toString()).exit()).isEqualTo(0);
        Path dir = project(null);
        Files.writeString(dir.resolve("portcullis.yml"), """
                rules:
                  advisory/malware: high
                ignore:
                  - rule: advisory/vulnerability
                    package: lodash
                    version: 4.17.20
                    reason: GHSA-35jh-r3h4-6jhm, we never call _.template with user input
                    until: 2026-03-31
                """);
        Run scan = run("scan", dir.toString(), "--offline", "--format", "json");
        assertThat(scan.exit()).as(scan.out() + scan.err()).isEqualTo(1);
        var json = dev.portcullis.json.Json.mapper().readTree(scan.out());
        assertThat(json.at("/findings").findValuesAsText("rule")).containsOnlyOnce("advisory/malware")
                .doesNotContain("advisory/vulnerability");
        assertThat(json.at("/findings").toString()).contains("\"severity\":\"high\"");
        assertThat(json.at("/ignored").toString()).contains("GHSA-35jh-r3h4-6jhm");
    }

    @Test
    void withoutAnyAdvisoryDataTheScanSaysSoOnce() throws IOException {
        Run scan = run("scan", project(null).toString(), "--offline");
        assertThat(scan.exit()).as(scan.out() + scan.err()).isEqualTo(0);
        assertThat(scan.out()).containsOnlyOnce("no advisory data: run `portcullis db import <all.zip>`")
                .doesNotContain("advisory/");
    }

    @Test
    void onlineTheBulkEndpointAnswers_orItsAbsenceIsSaidOnceAndRememberedForADay() throws IOException {
        try (FakeRegistry registry = FakeRegistry.start()) {
            Path dir = project("registry=" + registry.url() + "\n");
            // this registry serves advisories only, no packuments: the metadata rules would report every package
            // as unpublished, which is meta/unpublished's test, not this one
            Files.writeString(dir.resolve("portcullis.yml"), "rules: {meta/unpublished: off}\n");
            assertThat(run("db", "import", OSV.resolve("MAL-2024-1234.json").toString()).exit()).isEqualTo(0);
            Run fallback = run("scan", dir.toString());
            assertThat(fallback.exit()).as(fallback.out() + fallback.err()).isEqualTo(0);
            assertThat(fallback.out()).containsOnlyOnce("registry " + registry.url() + " has no bulk advisory "
                    + "endpoint (it answered 404); used the local advisory database (1 advisories, updated "
                    + "2026-01-10T12:00:00Z, 0 hour(s) old)");

            // the absence is remembered for a day: the next run does not ask, and says when it learnt it
            registry.serveBulkAdvisories(Files.readString(BULK));
            Run remembered = run("scan", dir.toString());
            assertThat(remembered.exit()).as(remembered.out() + remembered.err()).isEqualTo(0);
            assertThat(remembered.out()).contains("registry " + registry.url() + " has no bulk advisory endpoint "
                    + "(so it answered at ").contains("asked again a day later, or with --refresh)");
            assertThat(registry.bulkRequests()).hasSize(1);

            Run online = run("scan", dir.toString(), "--format", "json", "--refresh");
            assertThat(online.exit()).as(online.out() + online.err()).isEqualTo(1);
            assertThat(online.out()).contains("GHSA-pjwm-rvh2-c87w").contains("\"advisory/malware\"")
                    .contains("GHSA-35jh-r3h4-6jhm").doesNotContain("bulk advisory endpoint");
            assertThat(registry.bulkRequests()).hasSize(2);
        }
    }

    @Test
    void aTruncatedArchiveImportsNothing() throws IOException {
        assertThat(run("db", "import", OSV.toString()).exit()).isEqualTo(0);
        Path zip = work.resolve("all.zip");
        SyntheticOsv.writeZip(zip, 3_000, 3);
        byte[] bytes = Files.readAllBytes(zip);
        Path truncated = Files.write(work.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        Run failed = run("db", "import", truncated.toString());
        assertThat(failed.exit()).isEqualTo(2);
        assertThat(failed.err()).contains("nothing was imported and the database is as it was");
        assertThat(run("db", "status").out()).contains("advisories: 8 (");
        Run missing = run("db", "import", work.resolve("nope.zip").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains(work.resolve("nope.zip") + ": no such file or directory; nothing was imported");
    }

    @Test
    void malformedRecordsAreNamed() throws IOException {
        Run run = run("db", "import", OSV.resolveSibling("malformed").toString(), "--db",
                work.resolve("other").toString());
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("into " + work.resolve("other.mv.db")).contains("3 malformed");
        assertThat(run.err()).contains("skipped 3 malformed record(s):")
                .contains("bad-version.json: GHSA-dddd-eeee-ffff: affected[0].ranges[0].events[1]: "
                        + "'not-a-version' is not a semver version");
    }

    @Test
    void aCorruptDatabaseGivesARepairHint() throws IOException {
        Path file = Files.createDirectories(work.resolve("data")).resolve("advisories.mv.db");
        byte[] garbage = new byte[32 * 1024];
        new java.util.Random(5).nextBytes(garbage);
        Files.write(file, garbage);
        Run status = run("db", "status");
        assertThat(status.exit()).isEqualTo(3);
        assertThat(status.err()).contains("cannot open the advisory database " + file)
                .contains("rm " + file + " && portcullis db import");
        Run scan = run("scan", project(null).toString(), "--offline");
        assertThat(scan.exit()).isEqualTo(0);
        assertThat(scan.out()).contains("Not checked").contains("not checked against the local database: cannot open");
    }

    @Test
    void inspectMatchesTheTargetItself() throws IOException {
        assertThat(run("db", "import", OSV.toString()).exit()).isEqualTo(0);
        Path pkg = Files.createDirectories(work.resolve("pkg"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\": \"debug\", \"version\": \"4.4.2\"}");
        Files.writeString(pkg.resolve("index.js"), "module.exports = function debug() {};\n");
        Run inspect = run("inspect", pkg.toString(), "--offline");
        assertThat(inspect.exit()).as(inspect.out() + inspect.err()).isEqualTo(1);
        assertThat(inspect.out()).contains("advisory/malware").contains("MAL-2025-47711");
    }
}
