package dev.portcullis.cli;

import dev.portcullis.engine.Environment;
import dev.portcullis.report.Report;
import dev.portcullis.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where and how a report command writes its report (a picocli mixin): {@code -o FILE} or standard output, colour
 * only on a terminal without {@code --no-color} or {@code NO_COLOR}.
 */
final class ReportDestination {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output")
    Path output;

    @Option(names = "--no-color", description = "No colours in text output")
    boolean noColor;

    void write(Report report, ReportFormat format, Environment environment, boolean terminal, PrintWriter stdout)
            throws IOException {
        boolean colour = output == null && !noColor && terminal && !environment.variables().containsKey("NO_COLOR");
        ReportOutput.write(output, stdout, out -> format.reporter(colour).write(report, out));
    }
}
