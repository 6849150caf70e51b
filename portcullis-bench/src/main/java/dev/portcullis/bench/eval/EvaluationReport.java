package dev.portcullis.bench.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The evaluation's figures and their targets: every malicious sample gets at least its expected verdict, no
 * benign package is blocked (or unreadable), and at most {@value #MAX_TOP_REVIEW_PERCENT}% of the top 1,000 go to
 * review. Rendered as Markdown for people and JSON for tools; {@link #targetsMet()} decides the exit code.
 */
public final class EvaluationReport {
    public static final double MAX_TOP_REVIEW_PERCENT = 2.0;
    /** Findings shown per package in the Markdown report; the JSON has them all. */
    private static final int SHOWN_FINDINGS = 3;

    /** A malicious sample and what the analysis made of it. */
    public record SampleResult(MaliciousSample sample, PackageOutcome outcome) {
        public boolean met() {
            return outcome.error() == null && sample.met(outcome.verdict());
        }
    }

    /** A benign package and what the analysis made of it. */
    public record BenignResult(BenignCorpus.Package pkg, PackageOutcome outcome) {
    }

    private final List<SampleResult> malicious;
    private final List<BenignResult> benign;
    private final List<String> benignMissing;
    private final int topListSize;
    private final String generated;

    /**
     * @param benignMissing names a benign list asks for that were not downloaded
     * @param topListSize   how many names the top list has (the review-rate denominator); 0 when the benign side
     *                      was not run
     * @param generated     when and where the run was made, for the report header
     */
    public EvaluationReport(List<SampleResult> malicious, List<BenignResult> benign, List<String> benignMissing,
                            int topListSize, String generated) {
        this.malicious = List.copyOf(malicious);
        this.benign = List.copyOf(benign);
        this.benignMissing = List.copyOf(benignMissing);
        this.topListSize = topListSize;
        this.generated = generated;
    }

    public boolean benignRun() {
        return topListSize > 0;
    }

    public List<SampleResult> misses() {
        return malicious.stream().filter(r -> !r.met()).toList();
    }

    public List<BenignResult> benignBlocked() {
        return benign.stream().filter(r -> r.outcome().verdict() == Verdict.BLOCK).toList();
    }

    public List<BenignResult> benignUnreadable() {
        return benign.stream().filter(r -> r.outcome().error() != null).toList();
    }

    public List<BenignResult> topReviewed() {
        return benign.stream().filter(r -> r.pkg().inTop() && r.outcome().verdict() == Verdict.REVIEW).toList();
    }

    public List<BenignResult> otherReviewed() {
        return benign.stream().filter(r -> !r.pkg().inTop() && r.outcome().verdict() == Verdict.REVIEW).toList();
    }

    public long topAnalysed() {
        return benign.stream().filter(r -> r.pkg().inTop() && r.outcome().error() == null).count();
    }

    /** Reviewed top-list packages as a percentage of the whole top list (missing ones count as not reviewed). */
    public double topReviewPercent() {
        return topListSize == 0 ? 0 : 100.0 * topReviewed().size() / topListSize;
    }

    public boolean targetsMet() {
        boolean maliciousOk = !malicious.isEmpty() && misses().isEmpty();
        if (!benignRun()) {
            return maliciousOk;
        }
        return maliciousOk && benignBlocked().isEmpty() && benignUnreadable().isEmpty() && benignMissing.isEmpty()
                && topReviewPercent() <= MAX_TOP_REVIEW_PERCENT;
    }

    /** Packages with at least one finding of each rule, per side. */
    public Map<String, Map<String, Integer>> ruleHits() {
        Map<String, Map<String, Integer>> hits = new TreeMap<>();
        for (SampleResult r : malicious) {
            for (String rule : r.outcome().rulesHit()) {
                hits.computeIfAbsent(rule, k -> new LinkedHashMap<>(Map.of("malicious", 0, "benign", 0, "top1000", 0)))
                        .merge("malicious", 1, Integer::sum);
            }
        }
        for (BenignResult r : benign) {
            for (String rule : r.outcome().rulesHit()) {
                Map<String, Integer> counts = hits.computeIfAbsent(rule,
                        k -> new LinkedHashMap<>(Map.of("malicious", 0, "benign", 0, "top1000", 0)));
                counts.merge("benign", 1, Integer::sum);
                if (r.pkg().inTop()) {
                    counts.merge("top1000", 1, Integer::sum);
                }
            }
        }
        return hits;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Package analysis evaluation\n\n").append(generated).append("\n\n");
        long met = malicious.size() - misses().size();
        md.append("| measure | result | target |\n| --- | --- | --- |\n");
        md.append(String.format(Locale.ROOT, "| malicious samples meeting their expected verdict | %d / %d (%.1f %%) | all |%n",
                met, malicious.size(), malicious.isEmpty() ? 0.0 : 100.0 * met / malicious.size()));
        md.append(String.format(Locale.ROOT, "| malicious samples blocked | %d / %d | all but documented review cases |%n",
                malicious.stream().filter(r -> r.outcome().verdict() == Verdict.BLOCK).count(), malicious.size()));
        if (benignRun()) {
            md.append(String.format(Locale.ROOT, "| benign packages blocked | %d / %d | 0 |%n", benignBlocked().size(),
                    benign.size()));
            md.append(String.format(Locale.ROOT, "| top-1,000 packages sent to review | %d / %d (%.1f %%) | ≤ %.0f %% |%n",
                    topReviewed().size(), topListSize, topReviewPercent(), MAX_TOP_REVIEW_PERCENT));
            md.append(String.format(Locale.ROOT, "| other benign packages sent to review | %d / %d | (reported) |%n",
                    otherReviewed().size(), benign.stream().filter(r -> !r.pkg().inTop()).count()));
            md.append(String.format(Locale.ROOT, "| benign packages unreadable / not downloaded | %d / %d | 0 |%n",
                    benignUnreadable().size(), benignMissing.size()));
        } else {
            md.append("| benign side | not run (no benign directory) | |\n");
        }
        md.append("\n**Targets ").append(targetsMet() ? "met" : "MISSED").append(".**\n");

        md.append("\n## Malicious samples\n\n| sample | expected | verdict | top findings |\n| --- | --- | --- | --- |\n");
        for (SampleResult r : malicious) {
            md.append("| ").append(r.sample().name()).append(r.met() ? "" : " **MISS**").append(" | ")
                    .append(r.sample().expected().id()).append(" | ").append(verdictText(r.outcome())).append(" | ")
                    .append(findingsText(r.outcome().findings())).append(" |\n");
        }
        if (benignRun()) {
            section(md, "Benign packages blocked", benignBlocked());
            section(md, "Top-1,000 packages sent to review", topReviewed());
            section(md, "Other benign packages sent to review", otherReviewed());
            if (!benignUnreadable().isEmpty()) {
                md.append("\n## Benign packages that could not be analysed\n\n");
                benignUnreadable().forEach(r -> md.append("- ").append(r.outcome().label()).append(": ")
                        .append(r.outcome().error()).append('\n'));
            }
            if (!benignMissing.isEmpty()) {
                md.append("\n## Listed but not downloaded\n\n").append(String.join(", ", benignMissing)).append('\n');
            }
        }
        md.append("\n## Rule hits (packages with at least one finding of the rule)\n\n")
                .append("| rule | malicious samples | benign packages | of which top 1,000 |\n| --- | --- | --- | --- |\n");
        ruleHits().forEach((rule, c) -> md.append("| ").append(rule).append(" | ").append(c.get("malicious"))
                .append(" | ").append(c.get("benign")).append(" | ").append(c.get("top1000")).append(" |\n"));
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<BenignResult> results) {
        md.append("\n## ").append(title).append(" (").append(results.size()).append(")\n\n");
        if (results.isEmpty()) {
            md.append("None.\n");
            return;
        }
        md.append("| package | deciding findings |\n| --- | --- |\n");
        for (BenignResult r : results) {
            md.append("| ").append(r.outcome().label()).append(" | ").append(findingsText(r.outcome().deciding()))
                    .append(" |\n");
        }
    }

    private static String verdictText(PackageOutcome outcome) {
        return outcome.error() != null ? "error: " + cell(outcome.error()) : outcome.verdict().id();
    }

    private static String findingsText(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        for (Finding f : findings.subList(0, Math.min(SHOWN_FINDINGS, findings.size()))) {
            parts.add("`" + f.rule().id() + "` (" + f.severity().id() + ", " + f.location() + ")");
        }
        if (findings.size() > SHOWN_FINDINGS) {
            parts.add("+" + (findings.size() - SHOWN_FINDINGS) + " more");
        }
        return String.join("; ", parts);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Everything, including every finding, as JSON. */
    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generated", generated);
        root.put("targetsMet", targetsMet());
        Map<String, Object> mal = new LinkedHashMap<>();
        mal.put("total", malicious.size());
        mal.put("met", malicious.size() - misses().size());
        mal.put("blocked", malicious.stream().filter(r -> r.outcome().verdict() == Verdict.BLOCK).count());
        mal.put("misses", misses().stream().map(r -> r.sample().name()).toList());
        mal.put("samples", malicious.stream().map(r -> {
            Map<String, Object> s = outcomeJson(r.outcome());
            s.put("expected", r.sample().expected().id());
            s.put("met", r.met());
            return s;
        }).toList());
        root.put("malicious", mal);
        if (benignRun()) {
            Map<String, Object> ben = new LinkedHashMap<>();
            ben.put("total", benign.size());
            ben.put("blocked", benignBlocked().stream().map(r -> r.outcome().label()).toList());
            ben.put("unreadable", benignUnreadable().stream().map(r -> r.outcome().label()).toList());
            ben.put("missing", benignMissing);
            ben.put("top1000", Map.of("listed", topListSize, "analysed", topAnalysed(),
                    "review", topReviewed().size(), "reviewPercent", topReviewPercent(),
                    "reviewed", topReviewed().stream().map(r -> r.outcome().label()).toList()));
            ben.put("otherReviewed", otherReviewed().stream().map(r -> r.outcome().label()).toList());
            ben.put("packages", benign.stream().map(r -> {
                Map<String, Object> p = outcomeJson(r.outcome());
                p.put("lists", new TreeSet<>(r.pkg().lists()));
                return p;
            }).toList());
            root.put("benign", ben);
        }
        root.put("ruleHits", ruleHits());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> outcomeJson(PackageOutcome outcome) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("package", outcome.label());
        o.put("verdict", outcome.verdict() == null ? null : outcome.verdict().id());
        if (outcome.error() != null) {
            o.put("error", outcome.error());
        }
        o.put("bytes", outcome.bytes());
        o.put("findings", outcome.findings().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule().id());
            m.put("severity", f.severity().id());
            m.put("file", f.location().file());
            m.put("line", f.location().line());
            m.put("message", f.message());
            if (f.evidence() != null) {
                m.put("evidence", f.evidence());
            }
            return m;
        }).toList());
        return o;
    }
}
