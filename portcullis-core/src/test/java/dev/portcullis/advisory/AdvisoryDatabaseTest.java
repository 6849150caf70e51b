package dev.portcullis.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.json.Json;
import dev.portcullis.model.Severity;
import dev.portcullis.testkit.SyntheticOsv;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdvisoryDatabaseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    static Path resource(String name) {
        try {
            return Path.of(AdvisoryDatabaseTest.class.getResource("/advisory/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private AdvisoryDatabase open() throws AdvisoryException {
        return AdvisoryDatabase.open(temp.resolve("db/advisories"), CLOCK);
    }

    private static ImportCounts importAll(AdvisoryDatabase db, Path... paths) throws Exception {
        return new OsvImporter(db, Json.mapper(), ImportLimits.defaults()).importAll(List.of(paths));
    }

    @Test
    void importsADirectory_keepsNpmOnly_andSaysWhatIsLoaded() throws Exception {
        try (AdvisoryDatabase db = open()) {
            ImportCounts counts = importAll(db, resource("osv"));
            assertThat(counts).isEqualTo(new ImportCounts(9, 8, 0, 0, 1, 0, List.of()));
            DatabaseStatus status = db.status();
            assertThat(status.path()).isEqualTo(temp.resolve("db/advisories.mv.db").toAbsolutePath());
            assertThat(List.of(status.advisories(), status.malware(), status.withdrawn(), status.packages()))
                    .containsExactly(8, 3, 1, 10);
            assertThat(status.newestModified()).isEqualTo(Instant.parse("2025-09-09T10:00:00Z"));
            assertThat(status.imports()).hasSize(1);
            assertThat(status.imports().get(0).source()).isEqualTo(resource("osv").toAbsolutePath().toString());
            assertThat(status.imports().get(0).importedAt()).isEqualTo(CLOCK.instant());
        }
    }

    /** (package, version, expected "id fix" lines) — every case goes through the database and back. */
    static Stream<Arguments> matches() {
        return Stream.of(
                Arguments.of("lodash", "4.17.20", List.of("GHSA-35jh-r3h4-6jhm high fixed in 4.17.21")),
                Arguments.of("lodash", "4.17.21", List.of()),
                Arguments.of("lodash-es", "4.17.15", List.of("GHSA-35jh-r3h4-6jhm high fixed in 4.17.21")),
                Arguments.of("lodash.template", "4.5.0",
                        List.of("GHSA-35jh-r3h4-6jhm high no fixed version (last affected 4.5.0)")),
                Arguments.of("lodash.template", "4.5.1", List.of()),
                // several introduced/fixed pairs in one range, "0" among them, given out of order
                Arguments.of("semver", "7.5.1", List.of("GHSA-c2qf-rxjj-qqgw medium fixed in 7.5.2")),
                Arguments.of("semver", "7.5.2", List.of()),
                Arguments.of("semver", "6.3.0", List.of("GHSA-c2qf-rxjj-qqgw medium fixed in 6.3.1")),
                Arguments.of("semver", "6.3.1", List.of()),
                Arguments.of("semver", "5.7.1", List.of("GHSA-c2qf-rxjj-qqgw medium fixed in 5.7.2")),
                Arguments.of("semver", "5.7.2", List.of()),
                // rated only by a CVSS v3 vector (7.5)
                Arguments.of("braces", "3.0.2", List.of("GHSA-grv7-fg5c-xmjg high fixed in 3.0.3")),
                Arguments.of("path-to-regexp", "0.1.7", List.of("GHSA-9wv6-86v2-598j high fixed in 0.1.10")),
                Arguments.of("path-to-regexp", "0.1.10", List.of()),
                Arguments.of("path-to-regexp", "0.2.5", List.of("GHSA-9wv6-86v2-598j high fixed in 1.9.0")),
                Arguments.of("path-to-regexp", "1.9.0", List.of()),
                // prereleases ordered as semver orders them
                Arguments.of("path-to-regexp", "2.0.0-alpha.1", List.of()),
                Arguments.of("path-to-regexp", "2.0.0-beta.3", List.of("GHSA-9wv6-86v2-598j high fixed in 3.3.0")),
                Arguments.of("path-to-regexp", "3.3.0-rc.1", List.of("GHSA-9wv6-86v2-598j high fixed in 3.3.0")),
                Arguments.of("path-to-regexp", "6.2.1", List.of("GHSA-9wv6-86v2-598j high fixed in 6.3.0")),
                Arguments.of("path-to-regexp", "7.5.0", List.of("GHSA-9wv6-86v2-598j high no fixed version")),
                // at the limit the range says nothing any more
                Arguments.of("path-to-regexp", "7.9.0", List.of()),
                Arguments.of("json5", "2.2.1", List.of()),
                Arguments.of("nodejs-encrypt-agent", "6.0.1", List.of("MAL-2024-1234 malware no fixed version")),
                Arguments.of("debug", "4.4.2", List.of("MAL-2025-47711 malware no fixed version")),
                Arguments.of("debug", "4.4.1", List.of()),
                // three affected entries for one package: reported once
                Arguments.of("ua-parser-js", "0.7.29", List.of("GHSA-g2q5-5433-rhrf critical malware fixed in 0.7.30")),
                Arguments.of("ua-parser-js", "0.7.28", List.of()),
                Arguments.of("lodash", "github:lodash/lodash#abc", List.of()),
                Arguments.of("django", "2.2.1", List.of()));
    }

    @ParameterizedTest(name = "{0}@{1}")
    @MethodSource("matches")
    void matchesOsvRanges(String name, String version, List<String> expected) throws Exception {
        try (AdvisoryDatabase db = open()) {
            importAll(db, resource("osv"));
            AdvisoryMatcher fromNames = new AdvisoryMatcher(db.load(List.of(name, "unrelated")));
            AdvisoryMatcher fromAll = new AdvisoryMatcher(db.loadAll());
            assertThat(describe(fromNames.match(name, version))).isEqualTo(expected);
            assertThat(describe(fromAll.match(name, version))).isEqualTo(expected);
        }
    }

    private static List<String> describe(List<AdvisoryMatch> matches) {
        return matches.stream().map(m -> m.id() + (m.rating() == null ? "" : " " + m.rating().id())
                + (m.malware() ? " malware" : "") + " " + m.fixText()).toList();
    }

    @Test
    void reimportUpsertsByModified() throws Exception {
        try (AdvisoryDatabase db = open()) {
            importAll(db, resource("osv"));
            assertThat(importAll(db, resource("osv"))).isEqualTo(new ImportCounts(9, 0, 0, 8, 1, 0, List.of()));
            String newer = Files.readString(resource("osv/GHSA-35jh-r3h4-6jhm.json"))
                    .replace("2024-04-16T22:29:58Z", "2025-01-01T00:00:00Z").replace("4.17.21", "4.17.22");
            Path file = Files.writeString(temp.resolve("newer.json"), newer);
            assertThat(importAll(db, file)).isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 0, List.of()));
            String older = newer.replace("2025-01-01T00:00:00Z", "2020-01-01T00:00:00Z").replace("4.17.22", "4.17.30");
            assertThat(importAll(db, Files.writeString(temp.resolve("older.json"), older)))
                    .isEqualTo(new ImportCounts(1, 0, 0, 1, 0, 0, List.of()));
            AdvisoryMatcher matcher = new AdvisoryMatcher(db.loadAll());
            assertThat(describe(matcher.match("lodash", "4.17.21")))
                    .containsExactly("GHSA-35jh-r3h4-6jhm high fixed in 4.17.22");
            assertThat(db.status().advisories()).isEqualTo(8);
            assertThat(db.status().imports()).hasSize(4);
        }
    }

    @Test
    void malformedRecordsAreSkippedWithCountAndReasons() throws Exception {
        try (AdvisoryDatabase db = open()) {
            ImportCounts counts = importAll(db, resource("malformed"), resource("osv/MAL-2024-1234.json"));
            assertThat(counts.malformed()).isEqualTo(3);
            assertThat(counts.added()).isEqualTo(1);
            assertThat(counts.firstProblems()).hasSize(3);
            assertThat(counts.firstProblems().get(0)).endsWith(
                    "bad-version.json: GHSA-dddd-eeee-ffff: affected[0].ranges[0].events[1]: 'not-a-version' is not a semver version");
            assertThat(counts.firstProblems().get(1)).endsWith("no-modified.json: GHSA-aaaa-bbbb-cccc: no \"modified\" time");
            assertThat(counts.firstProblems().get(2)).contains("truncated.json: not JSON");
        }
    }

    @Test
    void importsAZipAsOsvPublishesIt_streamingEntries() throws Exception {
        Path zip = temp.resolve("all.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            try (Stream<Path> files = Files.list(resource("osv"))) {
                for (Path file : files.sorted().toList()) {
                    out.putNextEntry(new ZipEntry(file.getFileName().toString()));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
            }
        }
        try (AdvisoryDatabase db = open()) {
            assertThat(importAll(db, zip)).isEqualTo(new ImportCounts(9, 8, 0, 0, 1, 0, List.of()));
            assertThat(db.status().imports().get(0).source()).isEqualTo(zip.toString());
        }
    }

    @Test
    void aTruncatedZipFailsHalfWay_andLeavesThePreviousDataIntact() throws Exception {
        Path zip = temp.resolve("big.zip");
        SyntheticOsv.writeZip(zip, 5_000, 7);
        byte[] bytes = Files.readAllBytes(zip);
        Path truncated = Files.write(temp.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length * 3 / 4));
        try (AdvisoryDatabase db = open()) {
            importAll(db, resource("osv"));
            // several batches were written before the archive ends; none of them may remain
            assertThatThrownBy(() -> importAll(db, truncated)).isInstanceOf(IOException.class);
            DatabaseStatus status = db.status();
            assertThat(status.advisories()).isEqualTo(8);
            assertThat(status.imports()).hasSize(1);
        }
        try (AdvisoryDatabase db = open()) {
            assertThat(db.status().advisories()).isEqualTo(8);
            assertThat(importAll(db, zip).added()).isEqualTo(5_000);
            assertThat(db.status().advisories()).isEqualTo(5_008);
        }
    }

    @Test
    void readersShareTheDatabaseWithoutALock() throws Exception {
        try (AdvisoryDatabase db = open()) {
            importAll(db, resource("osv"));
        }
        Path file = temp.resolve("db/advisories");
        try (AdvisoryDatabase first = AdvisoryDatabase.openForReading(file, CLOCK);
             AdvisoryDatabase second = AdvisoryDatabase.openForReading(file, CLOCK)) {
            assertThat(first.load(List.of("lodash")).size()).isEqualTo(1);
            assertThat(second.status().advisories()).isEqualTo(8);
        }
        assertThatThrownBy(() -> AdvisoryDatabase.openForReading(temp.resolve("missing"), CLOCK))
                .isInstanceOf(AdvisoryException.class);
        assertThat(temp.resolve("missing.mv.db")).doesNotExist();
    }

    @Test
    void aCorruptFileGivesAClearErrorWithARepairHint() throws Exception {
        Path file = temp.resolve("broken.mv.db");
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(1).nextBytes(garbage);
        Files.write(file, garbage);
        for (var opener : List.<java.util.concurrent.Callable<AdvisoryDatabase>>of(
                () -> AdvisoryDatabase.open(file, CLOCK), () -> AdvisoryDatabase.openForReading(file, CLOCK))) {
            assertThatThrownBy(opener::call)
                    .isInstanceOf(AdvisoryException.class)
                    .hasMessageContaining("cannot open the advisory database " + file.toAbsolutePath())
                    .hasMessageContaining("delete it and import again: rm " + file.toAbsolutePath());
        }
    }

    @Test
    void defaultPathFollowsTheEnvironment() {
        Path home = Path.of("/home/u");
        assertThat(AdvisoryDatabase.defaultPath(java.util.Map.of(), home))
                .isEqualTo(Path.of("/home/u/.local/share/portcullis/advisories.mv.db"));
        assertThat(AdvisoryDatabase.defaultPath(java.util.Map.of("XDG_DATA_HOME", "/data"), home))
                .isEqualTo(Path.of("/data/portcullis/advisories.mv.db"));
        assertThat(AdvisoryDatabase.defaultPath(java.util.Map.of("PORTCULLIS_DB", "/x/adv"), home))
                .isEqualTo(Path.of("/x/adv.mv.db"));
    }

    @Test
    void ratingsFromCvssVectors() {
        assertThat(Cvss.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).contains(9.8);
        assertThat(Cvss.baseScore("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H")).contains(7.2);
        assertThat(Cvss.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L")).contains(5.3);
        assertThat(Cvss.baseScore("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N")).contains(6.1);
        assertThat(Cvss.baseScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N")).isEmpty();
        assertThat(Cvss.baseScore("CVSS:3.1/AV:N")).isEmpty();
        assertThat(Cvss.rating(9.8)).isEqualTo(Severity.CRITICAL);
        assertThat(Cvss.rating(5.3)).isEqualTo(Severity.MEDIUM);
    }
}
