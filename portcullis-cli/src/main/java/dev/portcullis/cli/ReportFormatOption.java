package dev.portcullis.cli;

import dev.portcullis.report.ReportFormat;
import java.util.Iterator;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --format} option of every command that writes a report (a picocli mixin). Its help text, its shell
 * completion and its error all come from {@link ReportFormat}, so a new format needs no edit here.
 */
final class ReportFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", converter = Converter.class, completionCandidates = Ids.class,
            description = "The report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ReportFormat format = ReportFormat.values()[0];

    /** The format ids users type, for help and completion. */
    static final class Ids implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ReportFormat.ids().iterator();
        }
    }

    /** An unknown id is a usage error (exit 2) that lists the known ones. */
    static final class Converter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String id) {
            try {
                return ReportFormat.byId(id);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
