package dev.portcullis.cli;

import dev.portcullis.engine.Run;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of a command that reads packages from the registry in the current directory's setting
 * ({@code inspect}, {@code diff}): offline, the policy file and the registry (a picocli mixin).
 */
final class RegistryRunOptions {
    @Option(names = "--offline", description = "Never touch the network: packages and metadata come from the cache")
    boolean offline;

    @Option(names = "--policy", paramLabel = "FILE", description = "The policy file (default: ./portcullis.yml if present)")
    Path policy;

    @Option(names = "--registry", paramLabel = "URL", description = "The registry to fetch from (default: from .npmrc)")
    String registry;

    /** The run in {@code dir} these options describe. */
    Run run(Path dir) {
        return new Run(dir, policy, registry, offline, true, false);
    }
}
