package dev.portcullis.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an inspect run is asked to do.
 *
 * @param targets the arguments as given: {@code name}, {@code name@version|tag|range}, a .tgz file or a directory
 * @param workingDir where relative paths, {@code .npmrc} and {@code portcullis.yml} are looked up
 * @param policyFile an explicit policy file, or null for {@code portcullis.yml} in the working directory if present
 * @param offline never touch the network: registry targets come from the cache or fail
 * @param registry the registry URL overriding the configured default one, or null
 * @param parallelism how many targets are read and analysed at once (at least 1)
 */
public record InspectOptions(List<String> targets, Path workingDir, Path policyFile, boolean offline, String registry,
                             int parallelism) {
    public InspectOptions {
        targets = List.copyOf(targets);
        Objects.requireNonNull(workingDir, "workingDir");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    /** One worker per available processor: reading and analysis are CPU-bound once the bytes are here. */
    public static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }
}
