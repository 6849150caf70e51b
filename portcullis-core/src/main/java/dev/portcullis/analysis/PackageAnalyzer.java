package dev.portcullis.analysis;

import dev.portcullis.js.Fact;
import dev.portcullis.js.FactKind;
import dev.portcullis.js.FileFacts;
import dev.portcullis.js.StringPattern;
import dev.portcullis.model.Finding;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.tarball.TarballFile;
import dev.portcullis.tarball.TarballProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Analyses one package's published contents without running any of it: every file becomes facts (through the
 * {@code js} extractor), package.json's lifecycle scripts, dependencies and bins become facts, the install-time
 * files are found, and the content rules ({@code resources/rules/*.yaml}) turn facts into findings. Immutable and
 * thread-safe: one analyzer serves every thread; it reads only the classpath, once, when it is built.
 */
public final class PackageAnalyzer {
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

    public PackageAnalysis analyze(PackageInput input) {
        Map<String, FileFacts> byPath = new HashMap<>();
        List<FileFacts> all = new ArrayList<>();
        byte[] manifest = null;
        long bytes = 0;
        boolean bindingGyp = false;
        for (TarballFile file : input.files()) {
            bytes += file.size();
            if (file.path().equals(ManifestFacts.FILE)) {
                manifest = file.content();
                continue;
            }
            bindingGyp |= file.path().equals("binding.gyp");
            FileFacts facts = extractor.file(file.path(), file.content());
            byPath.put(file.path(), facts);
            all.add(facts);
        }
        // When reading stopped early, a missing package.json is a consequence, reported as the tarball problem.
        boolean incomplete = input.problems().stream().anyMatch(p -> switch (p.kind()) {
            case TRUNCATED, CORRUPT, LIMIT_EXCEEDED -> true;
            default -> false;
        });
        ManifestFacts.Result manifestFacts = ManifestFacts.read(manifest, incomplete, bindingGyp, extractor);
        all.add(manifestFacts.facts());
        for (TarballProblem problem : input.problems()) {
            all.add(problemFacts(problem));
        }
        List<String> installFlow = manifestFacts.installTime()
                ? InstallFlow.files(manifestFacts.facts(), byPath, manifestFacts.main())
                : List.of(ManifestFacts.FILE);
        List<Finding> findings = evaluator.evaluate(input.name(), input.version(), all, installFlow);
        return new PackageAnalysis(input.name(), input.version(), findings, input.files().size(), bytes);
    }

    /** A tarball problem as a fact of the entry it concerns (or of the tarball as a whole). */
    private static FileFacts problemFacts(TarballProblem problem) {
        String detail = problem.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String path = problem.entry().isEmpty() ? "(tarball)" : problem.entry();
        return new FileFacts(path, FileFacts.Language.OTHER,
                List.of(new Fact(FactKind.TARBALL_PROBLEM, 0, detail, problem.message(), 0)), 0, false);
    }
}
