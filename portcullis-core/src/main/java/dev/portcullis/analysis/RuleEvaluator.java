package dev.portcullis.analysis;

import dev.portcullis.analysis.Condition.Located;
import dev.portcullis.js.Fact;
import dev.portcullis.js.FactKind;
import dev.portcullis.js.FileFacts;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies content rules to a package's facts. A unit is one file's facts, or, for {@code install-flow} rules, the
 * facts of all install-time files together; each rule yields at most one finding per unit (in package.json, where
 * every script, dependency and bin has its own line, one per matching fact), located at its first witness, and at most {@link #MAX_FINDINGS_PER_RULE} per package so a bundle of ten thousand files stays readable.
 */
final class RuleEvaluator {
    static final int MAX_FINDINGS_PER_RULE = 20;
    /**
     * Install flows of more files than this are not joined into one unit. Droppers keep their install flow small
     * (one to a few files); a flow of dozens of files is an application's own code (nx, prisma), where one module
     * reading ~/.npmrc and another speaking HTTPS are unrelated and joining them only produces false alarms. Each
     * file is still evaluated on its own.
     */
    static final int MAX_JOINED_FLOW_FILES = 8;
    private static final int MAX_EVIDENCE = 600;
    private static final int MAX_MESSAGE = 400;

    /** One file's facts, tagged with the file, and whether it runs at install. */
    private record Unit(FileFacts file, List<Located> facts, Set<FactKind> kinds, boolean installTime) {
    }

    private final List<ContentRule> rules;

    RuleEvaluator(List<ContentRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @param files       every file's facts (package.json's included)
     * @param installFlow the install-time files in the order they run, package.json first
     */
    List<Finding> evaluate(String packageName, String version, List<FileFacts> files, List<String> installFlow) {
        Set<String> installTime = Set.copyOf(installFlow);
        List<Unit> units = new ArrayList<>(files.size());
        List<Unit> flowUnits = new ArrayList<>();
        for (FileFacts file : files) {
            if (file.facts().isEmpty()) {
                continue;
            }
            Unit unit = unit(file, installTime.contains(file.path()));
            units.add(unit);
        }
        for (String path : installFlow) {
            units.stream().filter(u -> u.file().path().equals(path)).findFirst().ifPresent(flowUnits::add);
        }
        List<Finding> findings = new ArrayList<>();
        for (ContentRule rule : rules) {
            List<Finding> found = new ArrayList<>();
            Set<FactKind> triggers = rule.match().triggers();
            Set<String> matchedFiles = new LinkedHashSet<>();
            for (Unit unit : units) {
                if ((rule.installTime() && !unit.installTime()) || (rule.notMinified() && unit.file().minified())
                        || disjoint(triggers, unit.kinds())) {
                    continue;
                }
                if (unit.file().path().equals(ManifestFacts.FILE) && singleFact(rule.match())) {
                    // Each script, dependency and bin of package.json is its own thing, on its own line.
                    for (Located fact : unit.facts()) {
                        List<Located> witnesses = rule.match().witnesses(List.of(fact));
                        if (witnesses != null) {
                            matchedFiles.add(unit.file().path());
                            found.add(finding(rule, packageName, version, witnesses, unit.installTime(), false));
                        }
                    }
                    continue;
                }
                List<Located> witnesses = rule.maxLineSpan() >= 0 ? withinSpan(rule, unit.facts())
                        : rule.match().witnesses(unit.facts());
                if (witnesses != null) {
                    matchedFiles.add(unit.file().path());
                    found.add(finding(rule, packageName, version, witnesses, unit.installTime(), false));
                }
            }
            if (rule.scope() == ContentRule.Scope.INSTALL_FLOW && flowUnits.size() > 1
                    && installFlow.size() - 1 <= MAX_JOINED_FLOW_FILES) {
                boolean anyFlowFileMatched = flowUnits.stream().anyMatch(u -> matchedFiles.contains(u.file().path()));
                if (!anyFlowFileMatched) {
                    List<Located> facts = new ArrayList<>();
                    Set<FactKind> kinds = EnumSet.noneOf(FactKind.class);
                    for (Unit unit : flowUnits) {
                        if (!(rule.notMinified() && unit.file().minified())) {
                            facts.addAll(unit.facts());
                            kinds.addAll(unit.kinds());
                        }
                    }
                    List<Located> witnesses = disjoint(triggers, kinds) ? null : rule.match().witnesses(facts);
                    if (witnesses != null) {
                        found.add(finding(rule, packageName, version, witnesses, true, true));
                    }
                }
            }
            findings.addAll(capped(found));
        }
        findings.sort(Finding.ORDER);
        return findings;
    }

    /**
     * The witnesses of the match within some window of {@code maxLineSpan} lines. Every window that starts at a
     * fact's line is tried, so a set of facts within the span is found wherever it lies; facts of line 0 (about the
     * whole file) belong to every window, and {@code none} looks only inside the window. Null when no window holds.
     */
    private static List<Located> withinSpan(ContentRule rule, List<Located> facts) {
        List<Located> byLine = new ArrayList<>(facts);
        byLine.sort(java.util.Comparator.comparingInt(l -> l.fact().line()));
        List<Located> fileWide = byLine.stream().filter(l -> l.fact().line() == 0).toList();
        int previous = -1;
        for (int start = 0; start < byLine.size(); start++) {
            int from = byLine.get(start).fact().line();
            if (from == 0 || from == previous) {
                continue;
            }
            previous = from;
            int end = start;
            while (end < byLine.size() && byLine.get(end).fact().line() <= (long) from + rule.maxLineSpan()) {
                end++;
            }
            // A view, not a copy: a bundle's file may have thousands of facts and as many windows.
            List<Located> window = byLine.subList(start, end);
            if (!fileWide.isEmpty()) {
                window = new ArrayList<>(fileWide);
                window.addAll(byLine.subList(start, end));
            }
            List<Located> witnesses = rule.match().witnesses(window);
            if (witnesses != null) {
                return witnesses;
            }
        }
        return rule.match().witnesses(fileWide);
    }

    /** True when one fact alone decides the condition: a fact condition, or {@code any} of fact conditions. */
    private static boolean singleFact(Condition condition) {
        return condition instanceof Condition.FactIs
                || condition instanceof Condition.Any any && any.parts().stream().allMatch(RuleEvaluator::singleFact);
    }

    private static Unit unit(FileFacts file, boolean installTime) {
        List<Located> facts = new ArrayList<>(file.facts().size());
        Set<FactKind> kinds = EnumSet.noneOf(FactKind.class);
        for (Fact fact : file.facts()) {
            facts.add(new Located(file.path(), fact));
            kinds.add(fact.kind());
        }
        return new Unit(file, facts, kinds, installTime);
    }

    private static boolean disjoint(Set<FactKind> triggers, Set<FactKind> kinds) {
        for (FactKind kind : triggers) {
            if (kinds.contains(kind)) {
                return false;
            }
        }
        return true;
    }

    private static Finding finding(ContentRule rule, String packageName, String version, List<Located> witnesses,
                                   boolean installTime, boolean acrossFiles) {
        Located first = witnesses.getFirst();
        StringBuilder message = new StringBuilder(rule.descriptor().title());
        message.append(acrossFiles ? " (across the install flow): " : ": ");
        StringBuilder evidence = new StringBuilder();
        Set<String> shown = new LinkedHashSet<>();
        for (int i = 0; i < witnesses.size(); i++) {
            Located w = witnesses.get(i);
            Fact fact = w.fact();
            if (i > 0) {
                message.append("; ");
            }
            message.append(fact.kind().id());
            if (!fact.detail().isEmpty()) {
                message.append(" ").append(fact.detail());
            }
            if (fact.depth() > 0) {
                message.append(" inside ").append(fact.depth()).append(fact.depth() == 1 ? " decoded payload"
                        : " nested decoded payloads");
            }
            boolean sameFile = w.file().equals(first.file());
            if (!sameFile || fact.line() > 0) {
                message.append(" at ").append(sameFile ? "line " + fact.line()
                        : fact.line() > 0 ? w.file() + ":" + fact.line() : w.file());
            }
            if (!fact.evidence().isEmpty() && shown.add(fact.evidence())) {
                if (!evidence.isEmpty()) {
                    evidence.append(" | ");
                }
                evidence.append(fact.evidence());
            }
        }
        Severity severity = installTime && rule.installSeverity() != null ? rule.installSeverity()
                : rule.descriptor().defaultSeverity();
        return new Finding(rule.descriptor(), severity, packageName, version, bound(message.toString(), MAX_MESSAGE),
                new Location(first.file(), first.fact().line()),
                evidence.isEmpty() ? null : bound(evidence.toString(), MAX_EVIDENCE));
    }

    /** The most severe findings of one rule, then in file order; the last kept one says how many more there were. */
    private static List<Finding> capped(List<Finding> found) {
        if (found.size() <= MAX_FINDINGS_PER_RULE) {
            return found;
        }
        List<Finding> sorted = new ArrayList<>(found);
        // Install-time findings may be more severe than the rest: keep the most severe first.
        sorted.sort(java.util.Comparator.comparing(Finding::severity).thenComparing(Finding.ORDER));
        List<Finding> kept = new ArrayList<>(sorted.subList(0, MAX_FINDINGS_PER_RULE));
        Finding last = kept.removeLast();
        int more = found.size() - MAX_FINDINGS_PER_RULE;
        kept.add(new Finding(last.rule(), last.severity(), last.packageName(), last.version(),
                last.message() + " (and " + more + " more file" + (more == 1 ? "" : "s") + ")", last.location(),
                last.evidence()));
        return kept;
    }

    private static String bound(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
