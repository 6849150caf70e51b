package dev.portcullis.cli;

import dev.portcullis.engine.Environment;
import dev.portcullis.engine.InitPipeline;
import dev.portcullis.engine.Portcullis;
import dev.portcullis.engine.Run;
import dev.portcullis.report.ExitCode;
import dev.portcullis.report.InspectReport;
import dev.portcullis.report.Outcome;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented portcullis.yml with the safe defaults, listing the project's current "
                + "install-script packages for review.")
final class InitCommand implements Callable<Integer> {
    private final Environment environment;

    InitCommand(Environment environment) {
        this.environment = environment;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The project directory (default: .)")
    Path dir = Path.of(".");

    @Option(names = "--force", description = "Overwrite an existing portcullis.yml")
    boolean force;

    @Option(names = "--offline", description = "Never touch the network (install scripts the lockfile does not record stay unknown)")
    boolean offline;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path target = dir.resolve("portcullis.yml");
        if (Files.exists(target) && !force) {
            err.println("portcullis init: " + target + " exists; use --force to overwrite it");
            return ExitCode.USAGE.code();
        }
        try {
            String policy;
            try (Portcullis run = Portcullis.open(environment, new Run(dir.toAbsolutePath().normalize(), null, null,
                    offline, false, false))) {
                policy = new InitPipeline(run).run();
            }
            Path tmp = Files.createTempFile(dir.toAbsolutePath(), ".portcullis", ".yml");
            Files.writeString(tmp, policy, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().println("wrote " + target);
            spec.commandLine().getOut().flush();
            return ExitCode.of(new Outcome.Done()).code();
        } catch (Exception e) {
            Outcome.Failed failed = Outcome.failed(e);
            err.println("portcullis init: " + failed.message()
                    + (failed.kind() == InspectReport.ErrorKind.NETWORK ? " (use --offline)" : ""));
            return ExitCode.of(failed).code();
        }
    }
}
