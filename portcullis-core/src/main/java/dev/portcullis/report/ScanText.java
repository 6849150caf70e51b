package dev.portcullis.report;

import dev.portcullis.model.Finding;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.project.Footprint;
import dev.portcullis.project.InstallScriptCheck;
import dev.portcullis.project.MicroPackages;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human report: findings grouped by rule, worst first, each group with why it matters and how to fix it,
 * then the footprint and the verdict. Colour only when writing to a terminal.
 */
final class ScanText {
    /** Findings of one rule beyond this many are summarised, so a 5,000-package report stays readable. */
    private static final int MAX_PER_RULE = 50;
    private final boolean colour;

    ScanText(boolean colour) {
        this.colour = colour;
    }

    void write(ScanReport report, Writer out) throws IOException {
        PolicyResult result = report.result();
        StringBuilder s = new StringBuilder();
        if (report.lockfile() != null) {
            s.append(bold("Portcullis " + report.toolVersion())).append(" — ").append(report.lockfile().file())
                    .append(" (").append(report.lockfile().format()).append(" lockfile v")
                    .append(report.lockfile().version()).append(")\n\n");
        } else {
            s.append(bold("Portcullis " + report.toolVersion())).append(" — no lockfile\n\n");
        }
        Map<RuleDescriptor, List<Finding>> byRule = new LinkedHashMap<>();
        List<Finding> ordered = new ArrayList<>(result.findings());
        ordered.sort((a, b) -> a.severity() != b.severity() ? a.severity().compareTo(b.severity())
                : a.rule().id().compareTo(b.rule().id()));
        for (Finding f : ordered) {
            byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<RuleDescriptor, List<Finding>> group : byRule.entrySet()) {
            RuleDescriptor rule = group.getKey();
            List<Finding> findings = new ArrayList<>(group.getValue());
            findings.sort(Finding.ORDER);
            Severity worst = findings.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
            s.append(severity(worst)).append(' ').append(bold(rule.id())).append(" — ").append(rule.title())
                    .append(" (").append(findings.size()).append(")\n");
            s.append(dim("  why: " + rule.why())).append('\n');
            s.append("  fix: ").append(rule.howToFix()).append('\n');
            int shown = 0;
            for (Finding f : findings) {
                if (shown++ == MAX_PER_RULE) {
                    s.append("  … and ").append(findings.size() - MAX_PER_RULE)
                            .append(" more (--format json lists all)\n");
                    break;
                }
                s.append("  • ").append(f.location()).append("  ").append(f.message());
                if (f.severity() != worst) {
                    s.append(" [").append(f.severity().id()).append(']');
                }
                s.append('\n');
                InspectText.evidence(f.evidence(), "      ", s);
            }
            s.append('\n');
        }
        if (!result.ignored().isEmpty()) {
            s.append(dim(result.ignored().size() + " finding(s) ignored by the policy (--format json lists them)"))
                    .append("\n\n");
        }
        if (!report.unchecked().isEmpty()) {
            s.append(bold("Not checked")).append(" (").append(report.unchecked().size()).append(")\n");
            int shown = 0;
            for (String line : report.unchecked()) {
                if (shown++ == MAX_PER_RULE) {
                    s.append("  … and ").append(report.unchecked().size() - MAX_PER_RULE).append(" more\n");
                    break;
                }
                s.append("  • ").append(line).append('\n');
            }
            s.append('\n');
        }
        if (!report.notes().isEmpty()) {
            s.append(bold("Notes")).append('\n');
            report.notes().forEach(line -> s.append("  • ").append(line).append('\n'));
            s.append('\n');
        }
        if (report.deep() != null) {
            s.append(bold("Package content")).append(" (--deep)\n  ").append(report.deep().inspected())
                    .append(" packages inspected");
            if (report.deep().packages().isEmpty()) {
                s.append(", every one allowed\n");
            } else {
                s.append('\n');
                for (ScanReport.PackageVerdict p : report.deep().packages()) {
                    s.append("  ").append(p.verdict() == dev.portcullis.model.Verdict.BLOCK ? red("BLOCKED")
                            : ansi("33;1", "REVIEW ")).append("  ").append(p.name()).append('@').append(p.version())
                            .append('\n');
                }
            }
            s.append('\n');
        }
        footprint(report.footprint(), s);
        Map<Severity, Integer> counts = new LinkedHashMap<>();
        result.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (Severity sev : Severity.values()) {
            if (counts.containsKey(sev)) {
                parts.add(counts.get(sev) + " " + sev.id());
            }
        }
        s.append(parts.isEmpty() ? "No findings." : "Findings: " + String.join(", ", parts) + ".").append('\n');
        if (report.blockedByUnchecked()) {
            s.append(red("NOT CHECKED")).append(": ").append(report.unchecked().size())
                    .append(" check(s) could not be made, and the gate fails closed (--fail-on-unchecked, the default "
                            + "when CI is set; --no-fail-on-unchecked to report them only)\n");
        } else if (report.gate().reportOnly()) {
            s.append(green("REPORTED")).append(" (--fail-on none: findings do not fail the run; at ")
                    .append(result.failOn().id()).append(" or worse it would have ")
                    .append(result.passed() ? "passed" : "failed").append(")\n");
        } else {
            s.append(result.passed() ? green("PASSED") : red("FAILED")).append(" (fails on ")
                    .append(result.failOn().id()).append(" or worse)\n");
        }
        installScriptsOnly(report).ifPresent(step -> s.append('\n').append(step).append('\n'));
        out.write(s.toString());
    }

    /**
     * The one step that resolves a failure of install scripts alone — the first thing a new user meets, since the
     * default policy allows none: {@code portcullis init} proposes the current ones for review, or, where a policy
     * file exists already, its {@code scripts.allow} takes them.
     */
    static java.util.Optional<String> installScriptsOnly(ScanReport report) {
        PolicyResult result = report.result();
        List<Finding> failing = result.findings().stream()
                .filter(f -> f.severity().atLeast(result.failOn())).toList();
        if (result.passed() || failing.isEmpty()
                || !failing.stream().allMatch(f -> f.rule().id().equals(InstallScriptCheck.INSTALL_SCRIPT.id()))) {
            return java.util.Optional.empty();
        }
        String packages = failing.size() == 1 ? "this package" : "these " + failing.size() + " packages";
        String them = failing.size() == 1 ? "it" : "them";
        return java.util.Optional.of(report.policyFile() == null
                ? "Only install scripts failed. Next: portcullis init — it writes portcullis.yml with " + packages
                        + " proposed for scripts.allow; review " + them + ", then uncomment that one line."
                : "Only install scripts failed. Next: review " + packages + " (portcullis inspect NAME@VERSION) "
                        + "and add " + them + " to scripts.allow in " + report.policyFile() + ".");
    }

    private void footprint(Footprint fp, StringBuilder s) {
        s.append(bold("Footprint")).append('\n');
        s.append("  ").append(fp.packages()).append(" packages (").append(fp.direct()).append(" direct, ")
                .append(fp.transitive()).append(" transitive; ").append(fp.prod()).append(" prod, ")
                .append(fp.dev()).append(" dev, ").append(fp.optional()).append(" optional-only), ")
                .append(fp.instances()).append(" installed instances, depth ").append(fp.maxDepth()).append('\n');
        if (!fp.multipleVersions().isEmpty()) {
            s.append("  ").append(fp.multipleVersions().size()).append(" names in several versions: ");
            List<String> names = new ArrayList<>();
            new java.util.TreeMap<>(fp.multipleVersions()).forEach((n, v) -> names.add(n + " (" + String.join(", ", v) + ")"));
            s.append(abbreviate(names)).append('\n');
        }
        s.append("  ").append(fp.installScripts().size()).append(" with install scripts");
        if (!fp.installScripts().isEmpty()) {
            s.append(": ").append(abbreviate(fp.installScripts()));
        }
        s.append('\n');
        if (!fp.replaceable().isEmpty()) {
            s.append("  ").append(fp.replaceable().size()).append(" replaceable micro-packages: ");
            List<String> names = new ArrayList<>();
            for (MicroPackages.Replacement r : fp.replaceable()) {
                names.add(r.name() + " → " + r.replacement());
            }
            s.append(abbreviate(names)).append('\n');
        }
        s.append('\n');
    }

    private static String abbreviate(List<String> items) {
        int limit = 10;
        if (items.size() <= limit) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, limit)) + " … (" + (items.size() - limit) + " more)";
    }

    private String severity(Severity severity) {
        String label = "[" + severity.id().toUpperCase(java.util.Locale.ROOT) + "]";
        return switch (severity) {
            case CRITICAL, HIGH -> red(label);
            case MEDIUM -> ansi("33", label);
            case LOW, INFO -> ansi("36", label);
        };
    }

    private String bold(String text) {
        return ansi("1", text);
    }

    private String dim(String text) {
        return ansi("2", text);
    }

    private String red(String text) {
        return ansi("31;1", text);
    }

    private String green(String text) {
        return ansi("32;1", text);
    }

    private String ansi(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
