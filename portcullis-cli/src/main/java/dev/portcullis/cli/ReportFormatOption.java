package dev.portcullis.cli;

import dev.portcullis.report.DiffReport;
import dev.portcullis.report.Report;
import dev.portcullis.report.ReportFormat;
import dev.portcullis.report.SbomReport;
import dev.portcullis.report.ScanReport;
import java.util.Iterator;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --format} option of {@code scan} and {@code inspect} (a picocli mixin). Its help text, its shell
 * completion and its error all come from {@link ReportFormat}, so a new format needs no edit here; a command whose
 * report has other formats ({@code diff}) declares its option with the {@link Formats} of its report.
 */
final class ReportFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", converter = Scan.class, completionCandidates = Scan.class,
            description = "The report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ReportFormat format = ReportFormat.of(ScanReport.class).getFirst();

    /**
     * The formats of one kind of report: the ids users type (help and completion), and an unknown id as a usage
     * error (exit 2) that lists the known ones.
     */
    abstract static class Formats implements Iterable<String>, CommandLine.ITypeConverter<ReportFormat> {
        private final Class<? extends Report> kind;

        Formats(Class<? extends Report> kind) {
            this.kind = kind;
        }

        @Override
        public Iterator<String> iterator() {
            return ReportFormat.ids(kind).iterator();
        }

        @Override
        public ReportFormat convert(String id) {
            try {
                return ReportFormat.byId(id, kind);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The formats of scan and inspect reports (they have the same). */
    static final class Scan extends Formats {
        Scan() {
            super(ScanReport.class);
        }
    }

    static final class Diff extends Formats {
        Diff() {
            super(DiffReport.class);
        }
    }

    static final class Sbom extends Formats {
        Sbom() {
            super(SbomReport.class);
        }
    }
}
