package dev.portcullis.cli;

import dev.portcullis.engine.Environment;
import dev.portcullis.engine.Portcullis;
import dev.portcullis.engine.Run;
import dev.portcullis.engine.SbomOptions;
import dev.portcullis.engine.SbomPipeline;
import dev.portcullis.report.ExitCode;
import dev.portcullis.report.Outcome;
import dev.portcullis.report.ReportFormat;
import dev.portcullis.report.SbomReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = {"Write the software bill of materials of a project from its lockfile (any format): every "
                + "locked package with its purl, version, hashes, scope and (--deep) licenses, workspace packages, "
                + "and the dependency graph, as CycloneDX 1.6 or SPDX 2.3 JSON. Sorted: the same lockfile gives the "
                + "same bytes unless --serial-number or --timestamp is asked for.",
                "Exit codes: 0 written, 2 usage or input error, 3 network or internal failure."})
final class SbomCommand implements Callable<Integer> {
    private final Environment environment;

    SbomCommand(Environment environment) {
        this.environment = environment;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The project directory (default: .)")
    Path dir = Path.of(".");

    @Option(names = "--format", paramLabel = "FORMAT", converter = ReportFormatOption.Sbom.class,
            completionCandidates = ReportFormatOption.Sbom.class,
            description = "The document format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); text is a "
                    + "summary for people")
    ReportFormat format = ReportFormat.CYCLONEDX;

    @Option(names = "--deep", description = "Read each registry package's tarball (verified, cached) for the "
            + "licenses its package.json declares")
    boolean deep;

    @Option(names = "--serial-number", description = "Give the document a random serial number (urn:uuid)")
    boolean serialNumber;

    @Option(names = "--timestamp", description = "Date the document (SPDX otherwise says 1970-01-01T00:00:00Z)")
    boolean timestamp;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the document to FILE instead of standard output")
    Path output;

    @Option(names = "--offline", description = "Never touch the network: --deep reads tarballs from the cache")
    boolean offline;

    @Option(names = "--policy", paramLabel = "FILE", description = "The policy file (default: DIR/portcullis.yml)")
    Path policy;

    @Option(names = "--registry", paramLabel = "URL", description = "The registry to fetch from (default: from .npmrc)")
    String registry;

    @Mixin
    RecordOption recordOption;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            SbomReport report;
            try (Portcullis run = Portcullis.open(environment,
                    new Run(dir.toAbsolutePath().normalize(), policy, registry, offline, true, false))) {
                report = new SbomPipeline(run, recordOption.record()).run(new SbomOptions(deep, serialNumber, timestamp));
            }
            ReportOutput.write(output, spec.commandLine().getOut(), out -> format.reporter(false).write(report, out));
            for (String warning : report.warnings()) {
                err.println("portcullis sbom: warning: " + warning);
            }
            return ExitCode.of(new Outcome.Reported(report)).code();
        } catch (Exception e) {
            Outcome.Failed failed = Outcome.failed(e);
            err.println("portcullis sbom: " + failed.message());
            return ExitCode.of(failed).code();
        }
    }
}
