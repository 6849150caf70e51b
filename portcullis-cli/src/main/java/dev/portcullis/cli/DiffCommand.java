package dev.portcullis.cli;

import dev.portcullis.engine.DiffOptions;
import dev.portcullis.engine.DiffPipeline;
import dev.portcullis.engine.Environment;
import dev.portcullis.engine.Portcullis;
import dev.portcullis.report.DiffReport;
import dev.portcullis.report.ExitCode;
import dev.portcullis.report.Outcome;
import dev.portcullis.report.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what changed between two versions of a package, or in every package a lockfile change "
                + "brings in: files, capabilities gained and lost (file:line), lifecycle scripts, dependencies, "
                + "publisher and provenance, size, and the new version's new findings; the most important first.",
                "FROM and TO are name@version (also a dist-tag or a range), a .tgz file or a package directory each.",
                "Exit codes: 0 no new version reaches the policy's verdict.failOn (default block), 1 one does, "
                        + "2 usage or input error, 3 network or internal failure."})
final class DiffCommand implements Callable<Integer> {
    private final Environment environment;
    private final boolean terminal;

    DiffCommand(Environment environment, boolean terminal) {
        this.environment = environment;
        this.terminal = terminal;
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "FROM TO", description = "The old and the new package")
    List<String> packages = List.of();

    @Option(names = "--lockfile", arity = "2", paramLabel = "FILE",
            description = "Compare two lockfiles (OLD NEW) of any format: every registry package whose version "
                    + "changed, was added or removed")
    List<Path> lockfiles;

    @Option(names = "--base", paramLabel = "GIT_REF",
            description = "Compare the project's lockfile at this git revision with the one in the working tree")
    String base;

    @Option(names = "--format", paramLabel = "FORMAT", converter = ReportFormatOption.Diff.class,
            completionCandidates = ReportFormatOption.Diff.class,
            description = "The report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); markdown is a "
                    + "pull-request comment")
    ReportFormat format = ReportFormat.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output")
    Path output;

    @Mixin
    RegistryRunOptions runOptions;

    @Option(names = "--no-color", description = "No colours in text output")
    boolean noColor;

    @Mixin
    AdvisoryDatabaseOption databaseOption;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DiffOptions options;
        int modes = (packages.isEmpty() ? 0 : 1) + (lockfiles == null ? 0 : 1) + (base == null ? 0 : 1);
        if (modes != 1 || !packages.isEmpty() && packages.size() != 2) {
            err.println("portcullis diff: give two packages (FROM TO), --lockfile OLD NEW, or --base GIT_REF");
            return ExitCode.USAGE.code();
        }
        if (base != null) {
            options = new DiffOptions.Base(base);
        } else if (lockfiles != null) {
            options = new DiffOptions.Lockfiles(lockfiles.get(0), lockfiles.get(1));
        } else {
            options = new DiffOptions.Packages(packages.get(0), packages.get(1));
        }
        try {
            Path cwd = Path.of("").toAbsolutePath();
            DiffReport report;
            try (Portcullis run = Portcullis.open(databaseOption.apply(environment),
                    runOptions.run(cwd))) {
                report = new DiffPipeline(run).run(options);
            }
            boolean colour = output == null && !noColor && terminal && !environment.variables().containsKey("NO_COLOR");
            ReportOutput.write(output, spec.commandLine().getOut(), out -> format.reporter(colour).write(report, out));
            for (DiffReport.Entry entry : report.entries()) {
                if (entry.error() != null) {
                    err.println("portcullis diff: " + entry.label() + ": " + entry.error().message());
                }
            }
            return ExitCode.of(new Outcome.Reported(report)).code();
        } catch (Exception e) {
            Outcome.Failed failed = Outcome.failed(e);
            err.println("portcullis diff: " + failed.message());
            return ExitCode.of(failed).code();
        }
    }
}
