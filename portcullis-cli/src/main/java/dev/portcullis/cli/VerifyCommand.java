package dev.portcullis.cli;

import dev.portcullis.engine.Environment;
import dev.portcullis.engine.Portcullis;
import dev.portcullis.engine.Run;
import dev.portcullis.engine.VerifyOptions;
import dev.portcullis.engine.VerifyPipeline;
import dev.portcullis.model.Severity;
import dev.portcullis.report.ExitCode;
import dev.portcullis.report.InspectReport;
import dev.portcullis.report.Outcome;
import dev.portcullis.report.VerifyReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify what is installed and what was published: node_modules against the lockfile and the "
                + "published tarballs file by file, the registry signatures, and Sigstore provenance with the "
                + "identity policy (portcullis.yml provenance:, portcullis-trust.json).",
                "Exit codes: 0 passed, 1 a finding at the threshold, 2 usage or input error, 3 internal or network "
                        + "failure, or (--fail-on-unchecked, the default when CI is set) something could not be "
                        + "checked."})
final class VerifyCommand implements Callable<Integer> {
    private final Environment environment;
    private final boolean terminal;

    VerifyCommand(Environment environment, boolean terminal) {
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
            description = "Fail on this severity or worse: critical, high, medium, low, info (default: the policy's, "
                    + "else high)")
    String failOn;

    @Mixin
    UncheckedGateOption uncheckedGate;

    @Option(names = "--no-files", description = "Do not compare installed packages file by file with their tarballs")
    boolean noFiles;

    @Option(names = "--no-signatures", description = "Do not verify registry signatures")
    boolean noSignatures;

    @Option(names = "--no-provenance", description = "Do not verify provenance attestations")
    boolean noProvenance;

    @Option(names = "--omit-dev", description = "The install left out devDependencies (npm ci --omit=dev, pnpm "
            + "install --prod, yarn install --production): absent dev packages are not missing")
    boolean omitDev;

    @Option(names = "--keys", paramLabel = "FILE", description = "The registry's signing keys, in the shape of "
            + "/-/npm/v1/keys (for mirrors and air gaps; default: asked of the registry)")
    Path keys;

    @Option(names = "--trusted-root", paramLabel = "FILE", description = "A Sigstore trusted_root.json (default: the "
            + "bundled public-good root)")
    Path trustedRoot;

    @Option(names = "--trust-file", paramLabel = "FILE",
            description = "The trust-on-first-use file (default: DIR/portcullis-trust.json)")
    Path trustFile;

    @Option(names = "--record-trust", description = "Record who built each package the trust file does not know yet "
            + "(or that it has no provenance) and write the file; recorded packages are kept as they are")
    boolean recordTrust;

    @Option(names = "--offline", description = "Never touch the network: tarballs, documents and keys from the cache")
    boolean offline;

    @Option(names = "--registry", paramLabel = "URL", description = "The registry to verify against (default: from "
            + ".npmrc)")
    String registry;

    @Mixin
    ReportDestination destination;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = null;
        if (failOn != null) {
            try {
                threshold = Severity.parse(failOn);
            } catch (IllegalArgumentException e) {
                err.println("portcullis verify: --fail-on: " + e.getMessage());
                return ExitCode.USAGE.code();
            }
        }
        boolean gate = uncheckedGate.resolve(environment);
        try {
            VerifyReport report;
            try (Portcullis run = Portcullis.open(environment,
                    new Run(project.directory(), project.policy, registry, offline, true, false))) {
                report = new VerifyPipeline(run).run(new VerifyOptions(!noFiles, !noSignatures, !noProvenance, keys,
                        trustedRoot, trustFile, recordTrust, threshold, gate, omitDev, 8));
            }
            destination.write(report, formatOption.format, environment, terminal, spec.commandLine().getOut());
            return ExitCode.of(new Outcome.Reported(report)).code();
        } catch (Exception e) {
            Outcome.Failed failed = Outcome.failed(e);
            err.println("portcullis verify: " + failed.message() + (failed.kind() == InspectReport.ErrorKind.NETWORK
                    ? " (use --offline to verify from the cache)" : ""));
            return ExitCode.of(failed).code();
        }
    }
}
