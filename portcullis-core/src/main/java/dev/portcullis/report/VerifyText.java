package dev.portcullis.report;

import dev.portcullis.model.Finding;
import java.io.IOException;
import java.io.Writer;

/** The human verify report: what was checked, then each finding with how to fix it, then who built what. */
final class VerifyText {
    private final boolean colour;

    VerifyText(boolean colour) {
        this.colour = colour;
    }

    void write(VerifyReport report, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        VerifyReport.Counts c = report.counts();
        s.append("portcullis verify: ").append(report.lockfile()).append(" (").append(report.format()).append(")\n");
        s.append("checked: ").append(c.locked()).append(" locked packages, ").append(c.installed())
                .append(" installed, ").append(c.filesCompared()).append(" compared file by file, ")
                .append(c.signaturesVerified()).append(" registry signatures verified, ")
                .append(c.provenanceVerified()).append(" provenance attestations verified\n");
        for (Finding f : report.result().findings()) {
            s.append('\n').append(paint(f)).append(' ').append(f.rule().id()).append("  ").append(f.message())
                    .append('\n');
            s.append("    fix: ").append(f.rule().howToFix()).append('\n');
        }
        for (var ignored : report.result().ignored()) {
            s.append("\nignored ").append(ignored.finding().rule().id()).append("  ")
                    .append(ignored.finding().message()).append(" (").append(ignored.ignore().reason()).append(")\n");
        }
        if (!report.provenance().isEmpty()) {
            s.append("\nprovenance:\n");
            for (VerifyReport.Provenance p : report.provenance()) {
                s.append("  ").append(p.name()).append('@').append(p.version()).append("  built by ")
                        .append(p.identity().repository())
                        .append(p.identity().ref().isEmpty() ? "" : " @ " + p.identity().ref())
                        .append(" with ").append(p.identity().workflow().isEmpty() ? p.identity().san()
                                : p.identity().workflow()).append('\n');
            }
        }
        for (String unchecked : report.unchecked()) {
            s.append("\nnot checked: ").append(unchecked).append('\n');
        }
        for (String note : report.notes()) {
            s.append("\nnote: ").append(note).append('\n');
        }
        int n = report.result().findings().size();
        s.append('\n').append(report.passedGate() ? ansi("32", "passed") : ansi("31", "failed")).append(": ")
                .append(n == 0 ? "no findings" : n + (n == 1 ? " finding" : " findings"))
                .append(report.blockedByUnchecked() ? ", and checks that could not be made fail the run" : "")
                .append('\n');
        out.write(s.toString());
    }

    private String paint(Finding f) {
        String text = f.severity().id().toUpperCase(java.util.Locale.ROOT);
        return switch (f.severity()) {
            case CRITICAL, HIGH -> ansi("31", text);
            case MEDIUM -> ansi("33", text);
            case LOW, INFO -> ansi("2", text);
        };
    }

    private String ansi(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
