package dev.portcullis.bench.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benign packages that {@code scripts/fetch-benign.sh} downloaded: its {@code fetched.tsv} (name, version, file
 * name) joined with the lists that asked for each name, so the report can tell the top 1,000 (which have a review
 * budget) from the legitimately suspicious and the large packages (which only must not be blocked).
 */
public final class BenignCorpus {
    /** The list that defines the review-rate denominator. */
    public static final String TOP = "benign-top1000";

    /**
     * One downloaded package.
     *
     * @param name    package name
     * @param version the version npm packed (the latest at fetch time)
     * @param tarball the .tgz file
     * @param lists   the list files (without {@code .txt}) that name it
     */
    public record Package(String name, String version, Path tarball, Set<String> lists) {
        public String label() {
            return name + "@" + version;
        }

        public boolean inTop() {
            return lists.contains(TOP);
        }
    }

    private BenignCorpus() {
    }

    /**
     * The packages of {@code listFiles} found in {@code dir}; names a list asks for but fetched.tsv lacks go to
     * {@code missing}.
     */
    public static List<Package> load(Path dir, List<Path> listFiles, List<String> missing) throws IOException {
        Path fetched = dir.resolve("fetched.tsv");
        if (!Files.isRegularFile(fetched)) {
            throw new IOException(fetched + " not found: run portcullis-bench/scripts/fetch-benign.sh first");
        }
        Map<String, String[]> byName = new LinkedHashMap<>();
        for (String line : Files.readAllLines(fetched)) {
            String[] cols = line.split("\t");
            if (cols.length == 3) {
                byName.put(cols[0], cols);
            }
        }
        Map<String, Set<String>> listsByName = new LinkedHashMap<>();
        for (Path list : listFiles) {
            String listName = list.getFileName().toString().replaceFirst("\\.txt$", "");
            for (String name : names(list)) {
                listsByName.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(listName);
            }
        }
        List<Package> packages = new ArrayList<>();
        listsByName.forEach((name, lists) -> {
            String[] cols = byName.get(name);
            if (cols == null || !Files.isRegularFile(dir.resolve(cols[2]))) {
                missing.add(name);
            } else {
                packages.add(new Package(name, cols[1], dir.resolve(cols[2]), Set.copyOf(lists)));
            }
        });
        return List.copyOf(packages);
    }

    /** The names in a list file: one a line, {@code #} starts a comment. */
    public static List<String> names(Path list) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(list)) {
            String name = line.replaceFirst("#.*", "").strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
