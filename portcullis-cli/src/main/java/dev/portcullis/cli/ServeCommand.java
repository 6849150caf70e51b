package dev.portcullis.cli;

import dev.portcullis.engine.Environment;
import dev.portcullis.report.ExitCode;
import dev.portcullis.report.Outcome;
import dev.portcullis.server.Firewall;
import dev.portcullis.server.ServerConfig;
import dev.portcullis.server.ServerSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the registry firewall: an npm registry that npm, pnpm, yarn and bun install through, "
                + "serving only the versions the policy allows (docs/server.md).")
final class ServeCommand implements Callable<Integer> {
    private final Environment environment;
    /** Released to stop the server (tests); a SIGTERM stops it through the shutdown hook. */
    private final CountDownLatch stop;

    ServeCommand(Environment environment, CountDownLatch stop) {
        this.environment = environment;
        this.stop = stop;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "portcullis-server.yml (docs/server.md)")
    Path config;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Where to listen (default: 127.0.0.1:4873)")
    String listen;

    @Option(names = "--upstream", paramLabel = "URL", description = "The upstream registry (default: .npmrc's registry)")
    String upstream;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Decisions, tarballs and logs (default: ~/.local/share/portcullis/server)")
    Path data;

    @Option(names = "--policy", paramLabel = "FILE", description = "A policy file (portcullis.yml schema)")
    Path policy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Firewall firewall;
        try {
            ServerConfig settings = ServerSetup.config(environment, Path.of("").toAbsolutePath(), config, listen,
                    upstream, data, policy);
            firewall = Firewall.start(settings, environment);
        } catch (Exception e) {
            Outcome.Failed failed = Outcome.failed(e);
            err.println("portcullis serve: " + failed.message());
            return ExitCode.of(failed).code();
        }
        Thread hook = new Thread(() -> {
            firewall.close();
            stop.countDown();
        }, "portcullis-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("portcullis serve: serving " + firewall.url());
        out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        firewall.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is stopping: the hook is running and closes the firewall itself
        }
        return ExitCode.PASSED.code();
    }
}
