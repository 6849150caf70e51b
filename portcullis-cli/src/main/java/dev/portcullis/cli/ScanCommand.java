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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Mixin
    ProjectTarget project;

    @Mixin
    ReportFormatOption formatOption;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Fail on this severity or worse: critical, high, medium, low, info, or none to report only "
                    + "(exit 0 whatever the findings; errors still exit 2 or 3) (default: the policy's, else high)")
    String failOn;

    @Mixin
    UncheckedGateOption uncheckedGate;

    @Option(names = "--offline", description = "Never touch the network; report what could not be checked")
    boolean offline;

    @Option(names = "--refresh", description = "Fetch the registry metadata of every package again, however recent "
            + "the stored copy (default: refetched after 24 h, or when the lockfile names a version it lacks)")
    boolean refresh;

    @Option(names = "--deep", description = "Also fetch (verified, cached) and analyse the content of every registry "
            + "package of the lockfile, as `portcullis inspect` does")
    boolean deep;

    @Mixin
    ReportDestination destination;

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
        ScanReport.Gate gate = new ScanReport.Gate(reportOnly, uncheckedGate.resolve(environment));
        try {
            ProgressLine progress = deep && terminal ? new ProgressLine(err) : null;
            ScanReport report;
            try (Portcullis run = Portcullis.open(databaseOption.apply(environment),
                    new Run(project.directory(), project.policy, null, offline, true, refresh))) {
                report = new ScanPipeline(run, progress == null ? Progress.NONE : progress, recordOption.record())
                        .run(new ScanOptions(threshold, deep, gate));
            } finally {
                if (progress != null) {
                    progress.finish();
                }
            }
            destination.write(report, formatOption.format, environment, terminal, spec.commandLine().getOut());
            return ExitCode.of(new Outcome.Reported(report)).code();
        } catch (Exception e) {
            Outcome.Failed failed = Outcome.failed(e);
            err.println("portcullis scan: " + failed.message() + (failed.kind() == InspectReport.ErrorKind.NETWORK
                    ? " (use --offline to scan without the network)" : ""));
            return ExitCode.of(failed).code();
        }
    }
}
