package dev.portcullis.analysis;

import dev.portcullis.js.Fact;
import dev.portcullis.js.FactKind;
import dev.portcullis.js.FileFacts;
import dev.portcullis.js.StringPattern;
import dev.portcullis.model.Finding;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.tarball.TarballFile;
import dev.portcullis.tarball.TarballProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Analyses one package's published contents without running any of it: every file becomes facts (through the
 * {@code js} extractor), package.json's lifecycle scripts, dependencies and bins become facts, the install-time
 * files are found, and the content rules ({@code resources/rules/*.yaml}) turn facts into findings. Immutable and
 * thread-safe: one analyzer serves every thread; it reads only the classpath, once, when it is built.
 */
public final class PackageAnalyzer {
    private static final java.util.regex.Pattern NODE_COMMAND = java.util.regex.Pattern.compile(
            "(?:^|[\\s/])(?:node|nodejs|bun|deno)(?:\\.exe)?\\s");
    private final List<ContentRule> rules;
    private final FactExtractor extractor;
    private final RuleEvaluator evaluator;

    PackageAnalyzer(List<ContentRule> rules, FactExtractor extractor) {
        this.rules = List.copyOf(rules);
        this.extractor = extractor;
        this.evaluator = new RuleEvaluator(this.rules);
    }

    /** The rule set shipped in {@code resources/rules}, listed by {@code rules/index.txt}. */
    public static PackageAnalyzer withDefaultRules() {
        List<ContentRule> rules = defaultRules();
        return new PackageAnalyzer(rules, new JsFactExtractor(patterns(rules)));
    }

    /** The shipped rules; a broken rule file is a broken build, so it is an IllegalStateException naming the file. */
    static List<ContentRule> defaultRules() {
        try {
            return RuleLoader.bundled().loadIndex();
        } catch (RuleException e) {
            throw new IllegalStateException("the built-in content rules do not load: " + e.getMessage(), e);
        }
    }

    /** Every string pattern the rules ask for, once each. */
    static List<StringPattern> patterns(List<ContentRule> rules) {
        Map<String, StringPattern> byName = new LinkedHashMap<>();
        for (ContentRule rule : rules) {
            for (StringPattern pattern : rule.strings()) {
                byName.putIfAbsent(pattern.name(), pattern);
            }
        }
        return List.copyOf(byName.values());
    }

    /** Every rule this analyzer can report, sorted by id, for the rule catalogue. */
    public List<RuleDescriptor> rules() {
        return rules.stream().map(ContentRule::descriptor)
                .sorted(java.util.Comparator.comparing(RuleDescriptor::id)).toList();
    }

    private static final String BINDING_GYP = "binding.gyp";
    private static final java.util.regex.Pattern GYP_COMMAND = java.util.regex.Pattern.compile("<!@?\\(([^\"\\n]{1,2000})\\)");
    private static final int MAX_GYP_COMMANDS = 64;

    public PackageAnalysis analyze(PackageInput input) {
        return analyzeWithFacts(input).analysis();
    }

    /**
     * A package's analysis and the facts it was made from, one per file (package.json's and the tarball problems'
     * included), in file order: what {@code diff} compares between two versions (capabilities gained and lost).
     */
    public record Analysed(PackageAnalysis analysis, List<FileFacts> facts) {
        public Analysed {
            java.util.Objects.requireNonNull(analysis, "analysis");
            facts = List.copyOf(facts);
        }
    }

    /** As {@link #analyze}, keeping the facts. */
    public Analysed analyzeWithFacts(PackageInput input) {
        return analyzeWithFacts(input, file -> null);
    }

    /**
     * As {@link #analyzeWithFacts(PackageInput)}, taking the facts of a file from {@code known} where it has them
     * (null: extract them): {@code diff} passes the old version's facts of the files whose bytes the new version
     * keeps, so that a release that changes a few files of thousands reads only those. The facts given must be
     * what extracting that file would give.
     */
    public Analysed analyzeWithFacts(PackageInput input, java.util.function.Function<TarballFile, FileFacts> known) {
        Map<String, FileFacts> byPath = new LinkedHashMap<>();
        Map<String, TarballFile> contents = new HashMap<>();
        byte[] manifest = null;
        long bytes = 0;
        boolean bindingGyp = false;
        for (TarballFile file : input.files()) {
            bytes += file.size();
            if (file.path().equals(ManifestFacts.FILE)) {
                manifest = file.content();
                continue;
            }
            FileFacts reused = known.apply(file);
            if (file.path().equals(BINDING_GYP)) {
                bindingGyp = true;
                byPath.put(file.path(), reused != null ? reused : gypCommands(file.content()));
            } else {
                byPath.put(file.path(), reused != null ? reused : extractor.file(file.path(), file.content()));
            }
            contents.put(file.path(), file);
        }
        // When reading stopped early, a missing package.json is a consequence, reported as the tarball problem.
        boolean incomplete = input.problems().stream().anyMatch(p -> switch (p.kind()) {
            case TRUNCATED, CORRUPT, LIMIT_EXCEEDED -> true;
            default -> false;
        });
        ManifestFacts.Result manifestFacts = ManifestFacts.read(manifest, incomplete, bindingGyp, extractor);
        readNodeRunFilesAsJavaScript(manifestFacts, byPath, contents);
        List<FileFacts> all = new ArrayList<>(byPath.values());
        all.add(manifestFacts.facts());
        for (TarballProblem problem : input.problems()) {
            all.add(problemFacts(problem));
        }
        List<String> installFlow = manifestFacts.installTime()
                ? InstallFlow.files(manifestFacts.facts(), byPath, manifestFacts.main())
                : List.of(ManifestFacts.FILE);
        if (bindingGyp && manifestFacts.installTime() && !installFlow.contains(BINDING_GYP)) {
            // node-gyp runs binding.gyp's command expansions from the package root when it builds at install.
            installFlow = InstallFlow.files(manifestFacts.facts(), byPath.get(BINDING_GYP), byPath,
                    manifestFacts.main());
        }
        List<Finding> findings = evaluator.evaluate(input.name(), input.version(), all, installFlow);
        return new Analysed(new PackageAnalysis(input.name(), input.version(), findings, input.files().size(), bytes),
                all);
    }

    /**
     * Node runs whatever it is told to as JavaScript, whatever the file's name: a file a lifecycle command runs with
     * node, a module required by a relative path, {@code main}, a {@code bin} or an {@code exports} target. Such a
     * file that was read as data (by its name) is read again as JavaScript, and what it requires is followed in
     * turn; each file is visited once, so this ends within the package's file count.
     */
    private void readNodeRunFilesAsJavaScript(ManifestFacts.Result manifest, Map<String, FileFacts> byPath,
                                              Map<String, TarballFile> contents) {
        Deque<String> pending = new ArrayDeque<>();
        Set<String> visited = new HashSet<>();
        for (String entry : manifest.entryPoints()) {
            enqueue(InstallFlow.resolve("", entry, byPath, manifest.main()), visited, pending);
        }
        for (Fact fact : manifest.facts().facts()) {
            if (fact.kind() == FactKind.RUNS_FILE && runsWithNode(fact)
                    || fact.kind() == FactKind.REQUIRE && fact.detail().startsWith(".")) {
                enqueue(InstallFlow.resolve("", fact.detail(), byPath, manifest.main()), visited, pending);
            }
        }
        for (FileFacts file : byPath.values()) {
            if (file.language() == FileFacts.Language.JAVASCRIPT) {
                enqueue(file.path(), visited, pending);
            }
        }
        while (!pending.isEmpty()) {
            String path = pending.removeFirst();
            FileFacts facts = byPath.get(path);
            if (facts.language() == FileFacts.Language.OTHER && !path.endsWith(".json")
                    && !webAssembly(contents.get(path).content())) {
                facts = extractor.javaScript(path, contents.get(path).content());
                byPath.put(path, facts);
            }
            if (facts.language() != FileFacts.Language.JAVASCRIPT) {
                continue;
            }
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            for (Fact fact : facts.facts()) {
                if (fact.kind() == FactKind.REQUIRE && fact.detail().startsWith(".")) {
                    enqueue(InstallFlow.resolve(dir, fact.detail(), byPath, manifest.main()), visited, pending);
                }
            }
        }
    }

    /**
     * binding.gyp's command expansions ({@code <!(cmd)}, {@code <!@(cmd)}), which node-gyp runs while it reads the
     * file, analysed as commands; the file is otherwise data. At most {@link #MAX_GYP_COMMANDS} are read.
     */
    private FileFacts gypCommands(byte[] content) {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = GYP_COMMAND.matcher(text);
        List<Fact> facts = new ArrayList<>();
        int found = 0;
        while (m.find() && found++ < MAX_GYP_COMMANDS) {
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            facts.addAll(extractor.command(m.group(1), line));
        }
        return new FileFacts(BINDING_GYP, FileFacts.Language.OTHER, List.copyOf(facts), content.length, false);
    }

    /** WebAssembly ({@code \0asm}): an exports target or import Node instantiates, never parses as JavaScript. */
    private static boolean webAssembly(byte[] content) {
        return content.length >= 4 && content[0] == 0 && content[1] == 'a' && content[2] == 's' && content[3] == 'm';
    }

    /** A command that runs the file with node (or bun, deno), not with a shell or another interpreter. */
    private static boolean runsWithNode(Fact runsFile) {
        return NODE_COMMAND.matcher(runsFile.evidence()).find();
    }

    private static void enqueue(String path, Set<String> visited, Deque<String> pending) {
        if (path != null && visited.add(path)) {
            pending.addLast(path);
        }
    }

    /** A tarball problem as a fact of the entry it concerns (or of the tarball as a whole). */
    private static FileFacts problemFacts(TarballProblem problem) {
        String detail = problem.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String path = problem.entry().isEmpty() ? "(tarball)" : problem.entry();
        return new FileFacts(path, FileFacts.Language.OTHER,
                List.of(new Fact(FactKind.TARBALL_PROBLEM, 0, detail, problem.message(), 0)), 0, false);
    }
}
