package dev.portcullis.report;

import dev.portcullis.diff.PackageDiff;
import dev.portcullis.model.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The human diff report: per package, the most important first, its change and the new version's verdict, then new
 * findings, lifecycle scripts, publication, capabilities, dependencies and files, each file's bounded unified diff
 * indented below it. Colour only on a terminal.
 */
final class DiffText {
    private final boolean colour;

    DiffText(boolean colour) {
        this.colour = colour;
    }

    void write(DiffReport report, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(ansi("1", "Portcullis " + report.toolVersion())).append(" — diff ").append(report.from())
                .append(" → ").append(report.to()).append("\n\n");
        if (report.entries().isEmpty()) {
            s.append("no package changed\n\n");
        }
        for (DiffReport.Entry entry : report.entries()) {
            if (entry.error() != null) {
                s.append(ansi("31;1", "ERROR  ")).append("  ").append(entry.label()).append(" — could not be compared: ")
                        .append(entry.error().message()).append("\n\n");
                continue;
            }
            PackageDiff d = entry.diff();
            s.append(verdict(entry.verdict())).append("  ").append(ansi("1", d.name())).append(' ')
                    .append(DiffWords.change(d)).append(" — ").append(DiffWords.size(d)).append('\n');
            section(s, "new findings", d.newFindings(), f -> "[" + f.severity().id().toUpperCase(Locale.ROOT) + "] "
                    + f.rule().id() + "  " + f.location() + "  " + f.message());
            section(s, "lifecycle scripts", d.scripts(), DiffWords::script);
            section(s, "publication", d.publication(), DiffWords::publication);
            section(s, "capabilities" + (d.capabilitiesOmitted() > 0 ? " (+" + d.capabilitiesOmitted()
                    + " not listed)" : ""), d.capabilities(), DiffWords::capability);
            section(s, "dependencies", d.dependencies(), DiffWords::dependency);
            if (!d.files().isEmpty()) {
                s.append("  files: ").append(DiffWords.fileCounts(d)).append('\n');
                for (PackageDiff.FileChange f : d.files()) {
                    s.append("    ").append(printable(DiffWords.file(f))).append('\n');
                    if (f.diff() != null) {
                        f.diff().lines().forEach(line -> s.append("      ").append(diffLine(line)).append('\n'));
                    }
                }
            }
            s.append('\n');
        }
        for (String line : report.unchecked()) {
            s.append(ansi("33", "not checked: ")).append(line).append('\n');
        }
        for (String warning : report.warnings()) {
            s.append(ansi("33", "warning: ")).append(warning).append('\n');
        }
        long errors = report.entries().stream().filter(e -> e.error() != null).count();
        s.append(report.entries().size()).append(report.entries().size() == 1 ? " package" : " packages")
                .append(" compared");
        if (errors > 0) {
            s.append(", ").append(errors).append(" could not be");
        }
        s.append(". ").append(!report.passed() ? ansi("31;1", "FAILED") : errors > 0 ? ansi("31;1", "INCOMPLETE")
                : ansi("32;1", "PASSED")).append(" (fails on ").append(report.failOn().id()).append(")\n");
        out.write(s.toString());
    }

    private static <T> void section(StringBuilder s, String title, List<T> items,
                                    java.util.function.Function<T, String> line) {
        if (items.isEmpty()) {
            return;
        }
        s.append("  ").append(title).append(":\n");
        for (T item : items) {
            s.append("    ").append(printable(line.apply(item))).append('\n');
        }
    }

    /**
     * Package text with its control characters (an escape sequence in a file could rewrite the terminal) shown as
     * {@code \\uXXXX}; tabs kept.
     */
    static String printable(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c != '\t' && (Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
                s.append(String.format("\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }

    private String diffLine(String raw) {
        String line = printable(raw);
        if (line.startsWith("+++") || line.startsWith("---")) {
            return ansi("1", line);
        }
        return line.startsWith("+") ? ansi("32", line) : line.startsWith("-") ? ansi("31", line)
                : line.startsWith("@@") ? ansi("36", line) : line;
    }

    private String verdict(Verdict verdict) {
        if (verdict == null) {
            return ansi("2", "REMOVED");
        }
        return switch (verdict) {
            case BLOCK -> ansi("31;1", "BLOCKED");
            case REVIEW -> ansi("33;1", "REVIEW ");
            case ALLOW -> ansi("32;1", "ALLOWED");
        };
    }

    private String ansi(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
