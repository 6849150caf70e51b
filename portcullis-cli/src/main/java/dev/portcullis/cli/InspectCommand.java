package dev.portcullis.cli;

import dev.portcullis.engine.Environment;
import dev.portcullis.engine.InspectOptions;
import dev.portcullis.engine.InspectPipeline;
import dev.portcullis.engine.Portcullis;
import dev.portcullis.engine.Run;
import dev.portcullis.model.InputException;
import dev.portcullis.report.InspectReport;
import dev.portcullis.report.ReportFormat;
import java.io.IOException;
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

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Analyse what packages really ship and give each a verdict: allow, review or block.",
                "A TARGET is name@version (also a dist-tag or a range; name alone means latest), a local .tgz file "
                        + "or a package directory.",
                "Exit codes: 0 every verdict allow, 1 a verdict at the policy's verdict.failOn (default block), "
                        + "2 usage or input error, 3 network or internal failure."})
final class InspectCommand implements Callable<Integer> {
    private final Environment environment;
    private final boolean terminal;

    InspectCommand(Environment environment, boolean terminal) {
        this.environment = environment;
        this.terminal = terminal;
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "name@version, a .tgz file or a directory")
    List<String> targets;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or sarif")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output")
    Path output;

    @Option(names = "--offline", description = "Never touch the network: registry targets come from the cache")
    boolean offline;

    @Option(names = "--policy", paramLabel = "FILE", description = "The policy file (default: ./portcullis.yml if present)")
    Path policy;

    @Option(names = "--registry", paramLabel = "URL", description = "The registry to fetch from (default: from .npmrc)")
    String registry;

    @Option(names = "--no-color", description = "No colours in text output")
    boolean noColor;

    @Mixin
    AdvisoryDatabaseOption databaseOption;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat reportFormat = ReportOutput.format(format);
        if (reportFormat == null) {
            err.println("portcullis inspect: unknown format '" + format + "' (expected text, json or sarif)");
            return ExitCodes.USAGE;
        }
        try {
            Path cwd = Path.of("").toAbsolutePath();
            InspectReport report;
            try (Portcullis run = Portcullis.open(databaseOption.apply(environment),
                    new Run(cwd, policy, registry, offline, true))) {
                report = new InspectPipeline(run).run(new InspectOptions(targets, InspectOptions.defaultParallelism()));
            }
            boolean colour = output == null && !noColor && terminal && !environment.variables().containsKey("NO_COLOR");
            ReportOutput.write(output, spec.commandLine().getOut(),
                    out -> reportFormat.inspectReporter(output == null && colour).write(report, out));
            for (InspectReport.Result result : report.results()) {
                if (result.error() != null) {
                    err.println("portcullis inspect: " + result.target() + ": " + result.error().message());
                }
            }
            return exitCode(report);
        } catch (InputException e) {
            err.println("portcullis inspect: " + e.getMessage());
            return ExitCodes.of(e);
        } catch (IOException e) {
            err.println("portcullis inspect: " + e);
            return ExitCodes.of(e);
        }
    }

    /** A target that could not be inspected outranks every verdict: the run did not check what it was asked to. */
    static int exitCode(InspectReport report) {
        InspectReport.ErrorKind error = report.worstError();
        if (error != null) {
            return switch (error) {
                case NETWORK, INTERNAL -> ExitCodes.INTERNAL;
                case INPUT -> ExitCodes.USAGE;
            };
        }
        return report.passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
    }
}
