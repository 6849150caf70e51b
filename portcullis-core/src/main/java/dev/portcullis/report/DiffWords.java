package dev.portcullis.report;

import dev.portcullis.diff.PackageDiff;
import java.util.Locale;

/** The sentences of a package diff that the text and Markdown reports share, each one line. */
final class DiffWords {
    private DiffWords() {
    }

    /** {@code 12 → 14 files, 40.1 KiB → 52.3 KiB (+12.2 KiB)}. */
    static String size(PackageDiff d) {
        PackageDiff.Size s = d.size();
        return switch (d.kind()) {
            case ADDED -> s.toFiles() + " files, " + InspectText.size(s.toBytes());
            case REMOVED -> s.fromFiles() + " files, " + InspectText.size(s.fromBytes());
            case CHANGED -> s.fromFiles() + " → " + s.toFiles() + " files, " + InspectText.size(s.fromBytes()) + " → "
                    + InspectText.size(s.toBytes()) + " (" + (s.change() >= 0 ? "+" : "-")
                    + InspectText.size(Math.abs(s.change())) + ")";
        };
    }

    static String script(PackageDiff.ScriptChange c) {
        return c.from() == null ? c.script() + " added: " + c.to()
                : c.to() == null ? c.script() + " removed (was: " + c.from() + ")"
                : c.script() + " changed: " + c.from() + " → " + c.to();
    }

    static String publication(PackageDiff.PublicationChange c) {
        return c.what() + ": " + c.from() + " → " + c.to() + (c.downgrade() ? " (downgrade)" : "");
    }

    /** {@code + network  install.js:3  https.request (new to the package)}. */
    static String capability(PackageDiff.CapabilityChange c) {
        return (c.direction() == PackageDiff.Direction.GAINED ? "+ " : "- ") + c.capability().id() + "  " + c.at()
                + "  " + c.detail() + (c.newToPackage() ? c.direction() == PackageDiff.Direction.GAINED
                ? " (new to the package)" : " (none left in the package)" : "");
    }

    static String dependency(PackageDiff.DependencyChange c) {
        return c.from() == null ? "+ " + c.type() + " " + c.name() + " " + c.to()
                : c.to() == null ? "- " + c.type() + " " + c.name() + " " + c.from()
                : "~ " + c.type() + " " + c.name() + " " + c.from() + " → " + c.to();
    }

    /** {@code A install.js (1.2 KiB, text)}. */
    static String file(PackageDiff.FileChange f) {
        String sizes = switch (f.status()) {
            case ADDED -> InspectText.size(f.toBytes());
            case REMOVED -> InspectText.size(f.fromBytes());
            case CHANGED -> InspectText.size(f.fromBytes()) + " → " + InspectText.size(f.toBytes());
        };
        return f.status().name().substring(0, 1).replace("C", "M") + " " + f.path() + " (" + sizes + ", "
                + f.content().id() + (f.note() == null ? "" : "; " + f.note()) + ")";
    }

    /** {@code 2 added, 1 removed, 3 changed}. */
    static String fileCounts(PackageDiff d) {
        long added = d.files().stream().filter(f -> f.status() == PackageDiff.Status.ADDED).count();
        long removed = d.files().stream().filter(f -> f.status() == PackageDiff.Status.REMOVED).count();
        long changed = d.files().size() - added - removed;
        return added + " added, " + removed + " removed, " + changed + " changed"
                + (d.filesOmitted() > 0 ? " (+" + d.filesOmitted() + " not listed)" : "");
    }

    /** {@code 1.0.0 → 1.1.0}, {@code added 1.1.0}, {@code removed 1.0.0}. */
    static String change(PackageDiff d) {
        return switch (d.kind()) {
            case ADDED -> "added " + d.to();
            case REMOVED -> "removed " + d.from();
            case CHANGED -> d.from().equals(d.to()) ? d.to() + " (other bytes)" : d.from() + " → " + d.to();
        };
    }

    static String verdict(dev.portcullis.model.Verdict verdict) {
        return verdict == null ? "—" : verdict.id().toUpperCase(Locale.ROOT);
    }
}
