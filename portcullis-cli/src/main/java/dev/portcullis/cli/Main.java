package dev.portcullis.cli;

import dev.portcullis.engine.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code portcullis} command: subcommands only; each is a thin Callable mapping options onto the library. */
@Command(name = "portcullis", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "A supply-chain gate for npm: may this exact code enter, and why?",
        subcommands = {ScanCommand.class, InitCommand.class, RulesCommand.class, CommandLine.HelpCommand.class},
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL)
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("portcullis: internal error: " + e);
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"portcullis " + Versions.tool()};
        }
    }
}
