package dev.portcullis.cli;

import dev.portcullis.engine.Environment;
import dev.portcullis.engine.InspectOptions;
import dev.portcullis.engine.InspectPipeline;
import dev.portcullis.engine.Portcullis;
import dev.portcullis.report.ExitCode;
import dev.portcullis.report.InspectReport;
import dev.portcullis.report.Outcome;
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

    @Mixin
    ReportFormatOption formatOption;

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
        try {
            Path cwd = Path.of("").toAbsolutePath();
            InspectReport report;
            try (Portcullis run = Portcullis.open(databaseOption.apply(environment),
                    runOptions.run(cwd))) {
                report = new InspectPipeline(run).run(new InspectOptions(targets, InspectOptions.defaultParallelism()));
            }
            boolean colour = output == null && !noColor && terminal && !environment.variables().containsKey("NO_COLOR");
            ReportOutput.write(output, spec.commandLine().getOut(),
                    out -> formatOption.format.reporter(colour).write(report, out));
            for (InspectReport.Result result : report.results()) {
                if (result.error() != null) {
                    err.println("portcullis inspect: " + result.target() + ": " + result.error().message());
                }
            }
            return ExitCode.of(new Outcome.Reported(report)).code();
        } catch (Exception e) {
            Outcome.Failed failed = Outcome.failed(e);
            err.println("portcullis inspect: " + failed.message());
            return ExitCode.of(failed).code();
        }
    }
}
