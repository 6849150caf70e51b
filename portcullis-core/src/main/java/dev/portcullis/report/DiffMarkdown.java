package dev.portcullis.report;

import dev.portcullis.diff.PackageDiff;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The diff as a pull-request comment: one table row per package, the most important first, and per package its
 * details in a collapsed {@code <details>} block (new findings, scripts, publication, capabilities, dependencies,
 * files, and the unified diffs in {@code diff} fences). Bounded to what a GitHub comment holds (65,536 characters):
 * details past {@link #MAX_CHARS} are left out with a line saying so; the table is always whole.
 */
final class DiffMarkdown {
    /** Under GitHub's 65,536-character limit on a comment, with room for a line saying what was left out. */
    static final int MAX_CHARS = 60_000;

    void write(DiffReport report, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("### Portcullis diff: ").append(code(report.from())).append(" → ").append(code(report.to()))
                .append("\n\n");
        if (report.entries().isEmpty()) {
            s.append("No package changed.\n");
        } else {
            s.append("| Package | Change | Verdict | What changed |\n|---|---|---|---|\n");
            for (DiffReport.Entry entry : report.entries()) {
                if (entry.error() != null) {
                    s.append("| ").append(cell(entry.label())).append(" | — | **error** | ")
                            .append(cell(entry.error().message())).append(" |\n");
                    continue;
                }
                PackageDiff d = entry.diff();
                List<String> headlines = d.headlines();
                s.append("| ").append(code(d.name())).append(" | ").append(cell(DiffWords.change(d))).append(" | ")
                        .append(verdict(entry)).append(" | ")
                        .append(cell(headlines.isEmpty() ? DiffWords.fileCounts(d) + " files" : String.join("; ",
                                headlines))).append(" |\n");
            }
            s.append('\n');
        }
        int omitted = 0;
        for (DiffReport.Entry entry : report.entries()) {
            if (entry.diff() == null || entry.diff().kind() == PackageDiff.Kind.REMOVED) {
                continue;
            }
            String details = details(entry.diff());
            if (s.length() + details.length() > MAX_CHARS) {
                omitted++;
                continue;
            }
            s.append(details);
        }
        if (omitted > 0) {
            s.append("\n_Details of ").append(omitted).append(" package").append(omitted == 1 ? "" : "s")
                    .append(" left out to fit a comment: run `portcullis diff --format text` or `--format json`._\n");
        }
        for (String line : report.unchecked()) {
            s.append("\n> **Not checked:** ").append(line.replace("\n", " ")).append('\n');
        }
        for (String warning : report.warnings()) {
            s.append("\n> **Warning:** ").append(warning.replace("\n", " ")).append('\n');
        }
        s.append("\n<sub>Portcullis ").append(report.toolVersion()).append(" · fails on ")
                .append(report.failOn().id()).append(" · ").append(report.passed() && report.worstError() == null
                ? "passed" : report.passed() ? "incomplete" : "failed").append("</sub>\n");
        out.write(s.toString());
    }

    private static String details(PackageDiff d) {
        StringBuilder s = new StringBuilder();
        s.append("<details><summary><code>").append(html(d.name())).append("</code> ").append(html(DiffWords.change(d)))
                .append(" — ").append(html(DiffWords.size(d))).append("</summary>\n\n");
        list(s, "New findings", d.newFindings().stream().map(f -> "**" + f.severity().id() + "** "
                + code(f.rule().id()) + " " + code(f.location().toString()) + " " + escape(f.message())).toList());
        list(s, "Lifecycle scripts", d.scripts().stream().map(c -> code(DiffWords.script(c))).toList());
        list(s, "Publication", d.publication().stream().map(c -> escape(DiffWords.publication(c))).toList());
        list(s, "Capabilities", d.capabilities().stream().map(c -> code(DiffWords.capability(c))).toList());
        list(s, "Dependencies", d.dependencies().stream().map(c -> code(DiffWords.dependency(c))).toList());
        if (!d.files().isEmpty()) {
            s.append("**Files** (").append(DiffWords.fileCounts(d)).append(")\n\n");
            for (PackageDiff.FileChange f : d.files()) {
                s.append("- ").append(code(DiffWords.file(f))).append('\n');
            }
            s.append('\n');
            for (PackageDiff.FileChange f : d.files()) {
                if (f.diff() != null) {
                    String fence = fence(f.diff());
                    s.append(fence).append("diff\n").append(f.diff()).append(fence).append("\n\n");
                }
            }
        }
        s.append("</details>\n\n");
        return s.toString();
    }

    private static void list(StringBuilder s, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        s.append("**").append(title).append("**\n\n");
        items.forEach(item -> s.append("- ").append(item).append('\n'));
        s.append('\n');
    }

    private static String verdict(DiffReport.Entry entry) {
        if (entry.verdict() == null) {
            return "—";
        }
        return switch (entry.verdict()) {
            case BLOCK -> "🛑 **block**";
            case REVIEW -> "⚠️ **review**";
            case ALLOW -> "✅ allow";
        };
    }

    /** Inline code that a backtick inside cannot end early, and no table cell a pipe can split. */
    static String code(String text) {
        String flat = text.replace('\n', ' ').replace("|", "\\|");
        String ticks = flat.contains("``") ? "```" : flat.contains("`") ? "``" : "`";
        return ticks + (ticks.length() > 1 ? " " + flat + " " : flat) + ticks;
    }

    private static String cell(String text) {
        return escape(text).replace("|", "\\|");
    }

    /** Markdown and HTML that package authors write cannot format or inject into the comment. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.replace('\n', ' ').toCharArray()) {
            if ("\\`*_{}[]<>()#+!|~".indexOf(c) >= 0) {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A fence longer than any run of backticks in {@code text}, so that no line of a diff can close it. */
    static String fence(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
