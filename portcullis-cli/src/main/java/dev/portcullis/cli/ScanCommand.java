package dev.portcullis.cli;

import dev.portcullis.engine.Environment;
import dev.portcullis.engine.Portcullis;
import dev.portcullis.engine.Progress;
import dev.portcullis.engine.Run;
import dev.portcullis.engine.ScanOptions;
import dev.portcullis.engine.ScanPipeline;
import dev.portcullis.model.Severity;
import dev.portcullis.report.ExitCode;
import dev.portcullis.report.InspectReport;
import dev.portcullis.report.Outcome;
import dev.portcullis.report.ScanReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Check a project's lockfile, package.json and CI files against the policy.",
                "Exit codes: 0 passed, 1 policy failed, 2 usage or input error, 3 internal or network failure, or "
                        + "(--fail-on-unchecked, the default when CI is set) something could not be checked."})
final class ScanCommand implements Callable<Integer> {
    private final Environment environment;
    private final boolean terminal;

    ScanCommand(Environment environment, boolean terminal) {
        this.environment = environment;
        this.terminal = terminal;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The project directory (default: .)")
    Path dir = Path.of(".");

    @Mixin
    ReportFormatOption formatOption;

    @Option(names = "--policy", paramLabel = "FILE", description = "The policy file (default: DIR/portcullis.yml)")
    Path policy;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Fail on this severity or worse: critical, high, medium, low, info, or none to report only "
                    + "(exit 0 whatever the findings; errors still exit 2 or 3) (default: the policy's, else high)")
    String failOn;

    @Option(names = "--fail-on-unchecked", negatable = true, fallbackValue = "true",
            description = "Exit 3 when something could not be checked (registry unreachable, metadata not cached "
                    + "offline, advisory database damaged) instead of passing with a note (default: on when the CI "
                    + "environment variable is set)")
    Boolean failOnUnchecked;

    @Option(names = "--offline", description = "Never touch the network; report what could not be checked")
    boolean offline;

    @Option(names = "--refresh", description = "Fetch the registry metadata of every package again, however recent "
            + "the stored copy (default: refetched after 24 h, or when the lockfile names a version it lacks)")
    boolean refresh;

    @Option(names = "--deep", description = "Also fetch (verified, cached) and analyse the content of every registry "
            + "package of the lockfile, as `portcullis inspect` does")
    boolean deep;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output")
    Path output;

    @Option(names = "--no-color", description = "No colours in text output")
    boolean noColor;

    @Mixin
    AdvisoryDatabaseOption databaseOption;

    @Mixin
    RecordOption recordOption;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = null;
        boolean reportOnly = failOn != null && failOn.strip().equalsIgnoreCase("none");
        if (failOn != null && !reportOnly) {
            try {
                threshold = Severity.parse(failOn);
            } catch (IllegalArgumentException e) {
                err.println("portcullis scan: --fail-on: " + e.getMessage().replace(" or info)", ", info or none)"));
                return ExitCode.USAGE.code();
            }
        }
        ScanReport.Gate gate = new ScanReport.Gate(reportOnly, failOnUnchecked != null ? failOnUnchecked
                : inCi(environment));
        try {
            ProgressLine progress = deep && terminal ? new ProgressLine(err) : null;
            ScanReport report;
            try (Portcullis run = Portcullis.open(databaseOption.apply(environment),
                    new Run(dir.toAbsolutePath().normalize(), policy, null, offline, true, refresh))) {
                report = new ScanPipeline(run, progress == null ? Progress.NONE : progress, recordOption.record())
                        .run(new ScanOptions(threshold, deep, gate));
            } finally {
                if (progress != null) {
                    progress.finish();
                }
            }
            boolean colour = output == null && !noColor && terminal && !environment.variables().containsKey("NO_COLOR");
            ReportOutput.write(output, spec.commandLine().getOut(),
                    out -> formatOption.format.reporter(colour).write(report, out));
            return ExitCode.of(new Outcome.Reported(report)).code();
        } catch (Exception e) {
            Outcome.Failed failed = Outcome.failed(e);
            err.println("portcullis scan: " + failed.message() + (failed.kind() == InspectReport.ErrorKind.NETWORK
                    ? " (use --offline to scan without the network)" : ""));
            return ExitCode.of(failed).code();
        }
    }

    /** Whether the run is in CI: {@code CI} set to anything but empty, {@code false} or {@code 0}, as CI services do. */
    static boolean inCi(Environment environment) {
        String ci = environment.variables().get("CI");
        return ci != null && !ci.isBlank() && !ci.strip().equalsIgnoreCase("false") && !ci.strip().equals("0");
    }
}
