package dev.portcullis.report;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Severity;
import dev.portcullis.model.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The human inspect report: per target its verdict in words, then its findings with the deciding ones first, each
 * as {@code file:line  message} with the evidence indented below; a summary line last. Colour only on a terminal.
 */
final class InspectText {
    /** Lines of one finding's evidence shown; JSON carries all of it. */
    private static final int EVIDENCE_LINES = 8;
    /** Findings of one package shown; the rest are counted. */
    private static final int MAX_FINDINGS = 50;
    private final boolean colour;

    InspectText(boolean colour) {
        this.colour = colour;
    }

    void write(InspectReport report, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(ansi("1", "Portcullis " + report.toolVersion())).append(" — inspect (block on ")
                .append(report.thresholds().block().id()).append(", review on ").append(report.thresholds().review().id())
                .append(" or worse)\n\n");
        int[] counts = new int[Verdict.values().length];
        int errors = 0;
        for (InspectReport.Result result : report.results()) {
            if (result.error() != null) {
                errors++;
                s.append(ansi("31;1", "ERROR")).append("  ").append(result.target()).append(" — could not be inspected: ")
                        .append(result.error().message()).append("\n\n");
                continue;
            }
            counts[result.verdict().ordinal()]++;
            s.append(verdict(result.verdict())).append("  ").append(ansi("1", result.label()));
            if (!result.target().equals(result.label())) {
                s.append(" (").append(result.target()).append(')');
            }
            s.append(" — ").append(result.files()).append(" files, ").append(size(result.bytes())).append('\n');
            int shown = 0;
            for (Finding f : result.findings()) {
                if (shown++ == MAX_FINDINGS) {
                    s.append("  … and ").append(result.findings().size() - MAX_FINDINGS)
                            .append(" more (--format json lists all)\n");
                    break;
                }
                s.append("  ").append(severity(f.severity())).append(' ').append(f.rule().id()).append("  ")
                        .append(f.location()).append("  ").append(f.message()).append('\n');
                evidence(f.evidence(), "      ", s);
            }
            if (result.findings().isEmpty()) {
                s.append("  no findings\n");
            }
            if (!result.ignored().isEmpty()) {
                s.append(ansi("2", "  " + result.ignored().size() + " finding(s) ignored by the policy")).append('\n');
            }
            s.append('\n');
        }
        for (String warning : report.warnings()) {
            s.append(ansi("33", "warning: ")).append(warning).append('\n');
        }
        if (!report.warnings().isEmpty()) {
            s.append('\n');
        }
        List<String> parts = new ArrayList<>();
        parts.add(counts[Verdict.BLOCK.ordinal()] + " blocked");
        parts.add(counts[Verdict.REVIEW.ordinal()] + " to review");
        parts.add(counts[Verdict.ALLOW.ordinal()] + " allowed");
        if (errors > 0) {
            parts.add(errors + " not inspected");
        }
        s.append(report.results().size()).append(report.results().size() == 1 ? " target: " : " targets: ")
                .append(String.join(", ", parts)).append(". ")
                .append(!report.passed() ? ansi("31;1", "FAILED")
                        : errors > 0 ? ansi("31;1", "INCOMPLETE") : ansi("32;1", "PASSED"))
                .append(" (fails on ").append(report.failOn().id()).append(")\n");
        out.write(s.toString());
    }

    /** Evidence lines indented under their finding, so a decoded payload reads as a quote, bounded. */
    static void evidence(String evidence, String indent, StringBuilder s) {
        if (evidence == null || evidence.isBlank()) {
            return;
        }
        List<String> lines = evidence.lines().toList();
        for (int i = 0; i < Math.min(lines.size(), EVIDENCE_LINES); i++) {
            s.append(indent).append("│ ").append(lines.get(i)).append('\n');
        }
        if (lines.size() > EVIDENCE_LINES) {
            s.append(indent).append("│ … ").append(lines.size() - EVIDENCE_LINES).append(" more lines\n");
        }
    }

    private String verdict(Verdict verdict) {
        return switch (verdict) {
            case BLOCK -> ansi("31;1", "BLOCKED");
            case REVIEW -> ansi("33;1", "REVIEW ");
            case ALLOW -> ansi("32;1", "ALLOWED");
        };
    }

    private String severity(Severity severity) {
        String label = "[" + severity.id().toUpperCase(Locale.ROOT) + "]";
        return switch (severity) {
            case CRITICAL, HIGH -> ansi("31;1", label);
            case MEDIUM -> ansi("33", label);
            case LOW, INFO -> ansi("36", label);
        };
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private String ansi(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
