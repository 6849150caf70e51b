package dev.portcullis.cli;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.engine.Environment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The launcher's training run for the JVM's start-up archive ({@code bin/portcullis}): the archive holds the
 * classes this run loads, so it runs what users run. A scan of a real project online against a registry served
 * here on 127.0.0.1 from recorded documents — cold (fetching into the metadata store) and warm (reading it back) —
 * then offline in every report format, and offline over the lockfile of every package manager. Traffic goes to
 * the loopback address only; verdicts do not matter. Not a user command.
 *
 * <p>{@code java -XX:AOTCacheOutput=… -cp portcullis.jar dev.portcullis.cli.Training REPOSITORY SCRATCH}; with
 * {@code -Dportcullis.training.verbose=true} it prints the reports (to see what it exercised).
 */
final class Training {
    private Training() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Training REPOSITORY SCRATCH");
            System.exit(2);
        }
        Path fixtures = Path.of(args[0], "portcullis-testkit", "fixtures").toAbsolutePath().normalize();
        Path scratch = Path.of(args[1]);
        Path documents = fixtures.resolve("real-projects/express-4/registry");
        HttpServer registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/", exchange -> {
            String name = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(1), StandardCharsets.UTF_8);
            Path document = documents.resolve(name.replace("/", "%2f") + ".json").normalize();
            boolean served = document.startsWith(documents) && Files.isRegularFile(document);
            byte[] body = served ? Files.readAllBytes(document) : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(served ? 200 : 404, served ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        registry.start();
        try {
            Path project = Files.createDirectories(scratch.resolve("express"));
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(fixtures.resolve("real-projects/express-4").resolve(file), project.resolve(file));
            }
            Files.writeString(project.resolve(".npmrc"), "registry=http://" + InetAddress.getLoopbackAddress()
                    .getHostAddress() + ":" + registry.getAddress().getPort() + "/\n");
            Environment environment = new Environment(Map.of("PORTCULLIS_DB", scratch.resolve("advisories.db")
                    .toString()), scratch, Clock.systemUTC(), scratch.resolve("cache"));
            String dir = project.toString();
            scan(environment, dir, "--format", "json"); // cold: fetches into the store
            scan(environment, dir, "--format", "json"); // warm: reads the store
            scan(environment, dir, "--offline", "--format", "sarif");
            scan(environment, dir, "--offline", "--format", "text");
            try (Stream<Path> formats = Files.list(fixtures.resolve("medium"))) {
                for (Path format : formats.filter(Files::isDirectory).sorted().toList()) {
                    Path copy = Files.createDirectories(scratch.resolve("medium-" + format.getFileName()));
                    Files.copy(fixtures.resolve("medium/package.json"), copy.resolve("package.json"));
                    try (Stream<Path> lockfiles = Files.list(format)) {
                        for (Path lockfile : lockfiles.filter(f -> f.getFileName().toString().contains("lock"))
                                .toList()) {
                            Files.copy(lockfile, copy.resolve(lockfile.getFileName()));
                        }
                    }
                    scan(environment, copy.toString(), "--offline", "--format", "json");
                }
            }
        } finally {
            registry.stop(0);
        }
    }

    private static void scan(Environment environment, String... args) {
        PrintWriter sink = Boolean.getBoolean("portcullis.training.verbose") ? new PrintWriter(System.out, true)
                : new PrintWriter(new StringWriter());
        Main.run(environment, false, sink, sink, Stream.concat(Stream.of("scan"), Stream.of(args))
                .toArray(String[]::new));
    }
}
