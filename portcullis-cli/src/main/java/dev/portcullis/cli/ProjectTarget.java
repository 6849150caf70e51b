package dev.portcullis.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The project a command reads and its policy (a picocli mixin): {@code [DIR]} and {@code --policy FILE}. */
final class ProjectTarget {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The project directory (default: .)")
    Path dir = Path.of(".");

    @Option(names = "--policy", paramLabel = "FILE", description = "The policy file (default: DIR/portcullis.yml)")
    Path policy;

    /** The project directory, absolute. */
    Path directory() {
        return dir.toAbsolutePath().normalize();
    }
}
