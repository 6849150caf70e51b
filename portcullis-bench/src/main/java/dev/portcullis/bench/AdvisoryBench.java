package dev.portcullis.bench;

import dev.portcullis.advisory.AdvisoryDatabase;
import dev.portcullis.advisory.AdvisoryIndex;
import dev.portcullis.advisory.AdvisoryMatcher;
import dev.portcullis.advisory.ImportCounts;
import dev.portcullis.advisory.OsvImporter;
import dev.portcullis.testkit.SyntheticOsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The advisory stage end to end, side by side, in one run: writes a synthetic all.zip of RECORDS OSV records,
 * imports it into a fresh database (as {@code portcullis db import}), loads the advisories (all of them, and only
 * the 5,000 project names as a scan does), then matches the project by the name index and by a naive linear scan.
 * Prints one table; the JMH benchmark {@link AdvisoryMatchBenchmark} measures the matching alone more carefully.
 *
 * <pre>java -Xmx2g [-DskipNaive=true] -cp portcullis-bench/target/benchmarks.jar dev.portcullis.bench.AdvisoryBench /tmp/portcullis-adv [RECORDS]</pre>
 */
public final class AdvisoryBench {
    private AdvisoryBench() {
    }

    public static void main(String[] args) throws Exception {
        // the project's names are loaded first, from a cold database, as a scan loads them
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/portcullis-adv"));
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Path zip = dir.resolve("all.zip");
        Path db = dir.resolve("advisories.mv.db");
        Files.deleteIfExists(db);

        long t = System.nanoTime();
        SyntheticOsv.writeZip(zip, records, 42);
        row("write all.zip (" + records + " records, " + mb(Files.size(zip)) + ")", ms(t));

        AdvisoryWorkload workload = AdvisoryWorkload.create(records, 5_000, 42);
        Set<String> names = new LinkedHashSet<>();
        workload.packages.forEach(p -> names.add(p.name()));

        try (AdvisoryDatabase database = AdvisoryDatabase.open(db, Clock.systemUTC())) {
            t = System.nanoTime();
            ImportCounts counts = new OsvImporter(database).importAll(List.of(zip));
            row("db import (" + counts.added() + " new; database " + mb(Files.size(db)) + ")", ms(t));

            t = System.nanoTime();
            AdvisoryIndex some = database.load(names);
            row("load the project's " + names.size() + " names (" + some.size() + " entries), as a scan does", ms(t));

            t = System.nanoTime();
            AdvisoryIndex all = database.loadAll();
            row("load all (" + all.size() + " entries, " + all.packages() + " names)", ms(t));

            AdvisoryMatcher matcher = new AdvisoryMatcher(all);
            int found = 0;
            for (int i = 0; i < 20; i++) {
                found = AdvisoryWorkload.matchIndexed(matcher, workload.packages);
            }
            double[] indexed = new double[50];
            for (int i = 0; i < indexed.length; i++) {
                t = System.nanoTime();
                AdvisoryWorkload.matchIndexed(matcher, workload.packages);
                indexed[i] = ms(t);
            }
            Arrays.sort(indexed);
            row("match 5,000 packages, name index: median (" + found + " matches)", indexed[indexed.length / 2]);
            row("match 5,000 packages, name index: p95", indexed[indexed.length * 95 / 100]);

            if (!Boolean.getBoolean("skipNaive")) {
                // one run: it takes minutes, and the JIT has warmed up long before it ends
                t = System.nanoTime();
                int naive = AdvisoryWorkload.matchLinear(workload.advisories, workload.packages);
                row("match 5,000 packages, naive linear scan: one run (" + naive + " matches)", ms(t));
            }
        }
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static void row(String what, double millis) {
        System.out.printf(Locale.ROOT, "| %s | %.1f ms |%n", what, millis);
    }
}
