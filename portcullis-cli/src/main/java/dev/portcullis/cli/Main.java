package dev.portcullis.cli;

import dev.portcullis.engine.Environment;
import dev.portcullis.engine.Versions;
import dev.portcullis.report.ExitCode;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code portcullis} command: subcommands only; each is a thin Callable mapping options onto the library. */
@Command(name = "portcullis", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "A supply-chain gate for npm: may this exact code enter, and why?",
        subcommands = {ScanCommand.class, InspectCommand.class, DiffCommand.class, SbomCommand.class,
                VerifyCommand.class, InitCommand.class, RulesCommand.class, DbCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(Environment.system(), System.console() != null, out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line and returns the exit code. Tests call this with their own environment and writers.
     *
     * @param terminal whether standard output is a terminal (colours)
     */
    public static int run(Environment environment, boolean terminal, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main(), new Factory(environment, terminal));
        cli.setOut(out);
        cli.setErr(err);
        setExitCodes(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("portcullis: internal error: " + dev.portcullis.model.Problems.describe(e));
            return ExitCode.INTERNAL.code();
        });
        return cli.execute(args);
    }

    /** Every command and subcommand answers a bad command line and an escaped exception with ExitCode's codes. */
    private static void setExitCodes(CommandLine cli) {
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code())
                .exitCodeOnExecutionException(ExitCode.INTERNAL.code());
        cli.getSubcommands().values().forEach(Main::setExitCodes);
    }

    /** Hands every command the environment it runs in (effects through constructors, no singletons). */
    private record Factory(Environment environment, boolean terminal) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == ScanCommand.class) {
                return cls.cast(new ScanCommand(environment, terminal));
            }
            if (cls == InspectCommand.class) {
                return cls.cast(new InspectCommand(environment, terminal));
            }
            if (cls == DiffCommand.class) {
                return cls.cast(new DiffCommand(environment, terminal));
            }
            if (cls == SbomCommand.class) {
                return cls.cast(new SbomCommand(environment));
            }
            if (cls == VerifyCommand.class) {
                return cls.cast(new VerifyCommand(environment, terminal));
            }
            if (cls == InitCommand.class) {
                return cls.cast(new InitCommand(environment));
            }
            if (cls == ServeCommand.class) {
                return cls.cast(new ServeCommand(environment, new java.util.concurrent.CountDownLatch(1)));
            }
            return DbCommand.create(cls, environment);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"portcullis " + Versions.tool()};
        }
    }
}
