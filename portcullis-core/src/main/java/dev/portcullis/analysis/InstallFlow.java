package dev.portcullis.analysis;

import dev.portcullis.js.Fact;
import dev.portcullis.js.FactKind;
import dev.portcullis.js.FileFacts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which files run at install time: those the lifecycle commands run ({@link FactKind#RUNS_FILE} facts of
 * package.json, and local modules their inline code requires), and, transitively, the package-local modules they require. Resolution follows Node's rules for
 * relative specifiers as far as a static view can ({@code ./x}, {@code ./x.js}, {@code ./x/index.js}, the
 * package's {@code main} for the root); computed requires cannot be followed. Missing files and cycles end a path.
 */
final class InstallFlow {
    private static final List<String> EXTENSIONS = List.of("", ".js", ".cjs", ".mjs", ".json", ".node");
    private static final List<String> INDEXES = List.of("/index.js", "/index.cjs", "/index.mjs", "/index.json");

    private InstallFlow() {
    }

    /**
     * The install-time files in the order they are reached, package.json first (its lifecycle commands run at
     * install), or package.json alone when nothing else runs.
     *
     * @param manifest package.json's facts
     * @param files    every analysed file by path
     * @param main     package.json's {@code main}, for requires of the package root
     */
    static List<String> files(FileFacts manifest, Map<String, FileFacts> files, String main) {
        return files(manifest, null, files, main);
    }

    /** Likewise, with {@code alsoRun} (binding.gyp, whose commands node-gyp runs) run at install too, or null. */
    static List<String> files(FileFacts manifest, FileFacts alsoRun, Map<String, FileFacts> files, String main) {
        Set<String> reached = new LinkedHashSet<>();
        reached.add(manifest.path());
        Deque<String> queue = new ArrayDeque<>();
        if (alsoRun != null) {
            enqueue(alsoRun.path(), reached, queue);
        }
        for (Fact fact : manifest.facts()) {
            // Files the lifecycle commands run, and modules their inline code (node -e) requires.
            if (fact.kind() == FactKind.RUNS_FILE
                    || fact.kind() == FactKind.REQUIRE && fact.detail().startsWith(".")) {
                enqueue(resolve("", fact.detail(), files, main), reached, queue);
            }
        }
        while (!queue.isEmpty()) {
            String path = queue.removeFirst();
            FileFacts file = files.get(path);
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            for (Fact fact : file.facts()) {
                if (fact.kind() == FactKind.REQUIRE && fact.detail().startsWith(".")) {
                    enqueue(resolve(dir, fact.detail(), files, main), reached, queue);
                } else if (fact.kind() == FactKind.RUNS_FILE) {
                    // Commands in shell files: paths relative to the package root, as npm runs them from there.
                    String target = resolve("", fact.detail(), files, main);
                    enqueue(target != null ? target : resolve(dir, fact.detail(), files, main), reached, queue);
                }
            }
        }
        return List.copyOf(reached);
    }

    private static void enqueue(String path, Set<String> reached, Deque<String> queue) {
        if (path != null && reached.add(path)) {
            queue.addLast(path);
        }
    }

    /** The file {@code specifier} names from directory {@code dir}, or null when the package has none. */
    static String resolve(String dir, String specifier, Map<String, FileFacts> files, String main) {
        String joined = normalise(dir.isEmpty() ? specifier : dir + "/" + specifier);
        if (joined == null) {
            return null;
        }
        if (joined.isEmpty()) {
            String entry = normalise(main);
            return entry == null || entry.isEmpty() ? null : resolveFile(entry, files);
        }
        return resolveFile(joined, files);
    }

    private static String resolveFile(String path, Map<String, FileFacts> files) {
        for (String extension : EXTENSIONS) {
            if (files.containsKey(path + extension)) {
                return path + extension;
            }
        }
        for (String index : INDEXES) {
            if (files.containsKey(path + index)) {
                return path + index;
            }
        }
        return null;
    }

    /** {@code a/./b/../c} → {@code a/c}; null when it climbs out of the package. */
    static String normalise(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else {
                segments.add(segment);
            }
        }
        return String.join("/", segments);
    }
}
