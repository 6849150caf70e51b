package dev.portcullis.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 12: {@code db import} of hostile OSV input. Records that the database cannot hold are skipped and
 * counted like any malformed one; oversized zip entries are skipped without being inflated; an import reads a
 * bounded number of bytes in all. Inputs generated here.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileAdvisoryImportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private static String record(String id, String name) {
        return """
                {"id":"%s","modified":"2025-09-01T00:00:00Z","summary":"malicious code",
                 "affected":[{"package":{"ecosystem":"npm","name":"%s"},"versions":["1.0.0"]}]}
                """.formatted(id, name);
    }

    @Test
    void aRecordWithAOneMegabytePackageNameIsSkippedAndCounted() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("osv"));
        Files.writeString(dir.resolve("MAL-2025-1.json"), record("MAL-2025-1", "good-name"));
        Files.writeString(dir.resolve("MAL-2025-2.json"), record("MAL-2025-2", "n".repeat(1_000_000)));
        Files.writeString(dir.resolve("MAL-2025-3.json"), record("M".repeat(300), "another"));

        try (AdvisoryDatabase db = AdvisoryDatabase.open(temp.resolve("db/advisories"), CLOCK)) {
            ImportCounts counts = new OsvImporter(db).importAll(List.of(dir));

            assertThat(counts.files()).isEqualTo(3);
            assertThat(counts.added()).isEqualTo(1);
            assertThat(counts.malformed()).isEqualTo(2);
            assertThat(counts.firstProblems()).anyMatch(p -> p.contains("MAL-2025-2.json")
                    && p.contains("package.name has 1000000 characters, more than npm allows (214)"));
            assertThat(counts.firstProblems()).anyMatch(p -> p.contains("MAL-2025-3.json")
                    && p.contains("an \"id\" of 300 characters"));
            assertThat(db.status().advisories()).isEqualTo(1);
        }
    }

    @Test
    void zipEntriesDeclaredLargerThanARecordAreSkippedWithoutInflating() throws Exception {
        Path zip = temp.resolve("all.zip");
        byte[] zeros = new byte[1 << 20];
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(1);
            for (int i = 0; i < 200; i++) {
                out.putNextEntry(new ZipEntry("huge-" + i + ".json"));
                for (int m = 0; m < 16; m++) {
                    out.write(zeros);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("MAL-2025-9.json"));
            out.write(record("MAL-2025-9", "real-one").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        try (AdvisoryDatabase db = AdvisoryDatabase.open(temp.resolve("db/advisories"), CLOCK)) {
            ImportCounts counts = new OsvImporter(db).importAll(List.of(zip));

            assertThat(counts.files()).isEqualTo(201);
            assertThat(counts.added()).isEqualTo(1);
            assertThat(counts.malformed()).isEqualTo(200);
            assertThat(counts.firstProblems()).first().asString().contains("huge-0.json: larger than 1048576 bytes");
        }
    }

    @Test
    void anImportStopsAtItsByteBudgetAndStoresNothing() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("many"));
        for (int i = 0; i < 50; i++) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("MAL-2025-" + i + ".json"))) {
                out.write(record("MAL-2025-" + i, "pkg-" + i).getBytes(StandardCharsets.UTF_8));
            }
        }
        ImportLimits small = new ImportLimits(1024, 5, 2048);

        try (AdvisoryDatabase db = AdvisoryDatabase.open(temp.resolve("db/advisories"), CLOCK)) {
            assertThatThrownBy(() -> new OsvImporter(db, Json.mapper(), small).importAll(List.of(dir)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("(ImportLimits.maxImportBytes)")
                    .hasMessageContaining("nothing was imported");
            assertThat(db.status().advisories()).isZero();
        }
    }
}
