package dev.portcullis.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Synthetic OSV records for npm, distributed like OSV's npm {@code all.zip}: most records are OpenSSF
 * malicious-packages entries (MAL-…) naming one otherwise unknown package with an all-versions range or a version
 * list; the rest are GitHub advisories with one to three introduced/fixed pairs, aliases, CVSS vectors and ratings,
 * concentrated on a few thousand popular names (some of which have dozens). Deterministic for a seed. Used by the
 * import tests and by the matching benchmark.
 */
public final class SyntheticOsv {
    /** Share of MAL- records, as in the real npm slice (malware far outnumbers vulnerabilities). */
    private static final double MALWARE_SHARE = 0.85;
    /** Names that collect the GitHub advisories; popular ones, Zipf-weighted. */
    private static final int POPULAR = 3_000;

    private SyntheticOsv() {
    }

    /** The name of the i-th popular package. */
    public static String popular(int i) {
        return i % 7 == 0 ? "@scope" + (i % 50) + "/popular-" + i : "popular-" + i;
    }

    /** The records as (file name, JSON) pairs. */
    public static List<String[]> records(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean malware = random.nextDouble() < MALWARE_SHARE;
            String id = malware ? String.format(Locale.ROOT, "MAL-%d-%d", 2022 + i % 4, 1000 + i)
                    : String.format(Locale.ROOT, "GHSA-%04x-%04x-%04x", i & 0xffff, (i >> 16) & 0xffff, seed & 0xfff);
            out.add(new String[] {id + ".json", malware ? malware(id, i, random) : vulnerability(id, i, random)});
        }
        return out;
    }

    /** Writes {@code count} records as a zip laid out like OSV's all.zip (one JSON per entry at the top). */
    public static void writeZip(Path zip, int count, long seed) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String[] record : records(count, seed)) {
                out.putNextEntry(new ZipEntry(record[0]));
                out.write(record[1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private static String malware(String id, int i, SplittableRandom random) {
        String name = random.nextInt(20) == 0 ? popular(zipf(random)) + "-typo" : "mal-pkg-" + i;
        String affected = random.nextInt(3) == 0
                ? "\"versions\": [\"1.0." + random.nextInt(5) + "\", \"1.0." + (5 + random.nextInt(5)) + "\"]"
                : "\"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"introduced\": \"0\"}]}]";
        return "{\"schema_version\": \"1.5.0\", \"id\": \"" + id + "\", \"modified\": \"2024-0" + (1 + i % 9)
                + "-1" + (i % 10) + "T10:00:00Z\", \"published\": \"2024-01-01T00:00:00Z\", \"summary\": "
                + "\"Malicious code in " + name + " (npm)\", \"details\": \"The package runs a preinstall script that "
                + "sends environment variables to a remote host.\", \"affected\": [{\"package\": {\"ecosystem\": "
                + "\"npm\", \"name\": \"" + name + "\"}, " + affected + "}], \"database_specific\": "
                + "{\"malicious-packages-origins\": [{\"source\": \"ossf-package-analysis\", \"import_time\": "
                + "\"2024-01-02T00:00:00Z\"}]}}";
    }

    private static String vulnerability(String id, int i, SplittableRandom random) {
        String name = popular(zipf(random));
        StringBuilder events = new StringBuilder();
        int pairs = 1 + random.nextInt(3);
        int major = 0;
        for (int p = 0; p < pairs; p++) {
            int fixedMinor = 1 + random.nextInt(9);
            events.append(p == 0 ? "" : ", ").append("{\"introduced\": \"").append(p == 0 && random.nextBoolean()
                    ? "0" : major + ".0.0").append("\"}, {\"fixed\": \"").append(major).append('.')
                    .append(fixedMinor).append('.').append(random.nextInt(5)).append("\"}");
            major += 1 + random.nextInt(3);
        }
        String[] ratings = {"LOW", "MODERATE", "HIGH", "CRITICAL"};
        return "{\"schema_version\": \"1.6.0\", \"id\": \"" + id + "\", \"modified\": \"2024-05-0" + (1 + i % 9)
                + "T12:00:00Z\", \"published\": \"2023-02-01T00:00:00Z\", \"aliases\": [\"CVE-2023-" + (10000 + i)
                + "\"], \"summary\": \"Prototype pollution in " + name + "\", \"details\": \"Crafted input modifies "
                + "Object.prototype.\", \"severity\": [{\"type\": \"CVSS_V3\", \"score\": "
                + "\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:L\"}], \"affected\": [{\"package\": {\"ecosystem\": "
                + "\"npm\", \"name\": \"" + name + "\"}, \"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": ["
                + events + "]}]}], \"database_specific\": {\"cwe_ids\": [\"CWE-1321\"], \"severity\": \""
                + ratings[random.nextInt(ratings.length)] + "\", \"github_reviewed\": true}}";
    }

    /** A popular-package index, Zipf-like: index 0 gets the most advisories. */
    private static int zipf(SplittableRandom random) {
        return (int) Math.min(POPULAR - 1, Math.floor(Math.pow(POPULAR, random.nextDouble()) - 1));
    }
}
