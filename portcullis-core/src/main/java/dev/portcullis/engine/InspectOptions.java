package dev.portcullis.engine;

import java.util.List;

/**
 * What an inspect run is asked to do beyond its {@link Run} (working directory, policy, registry, offline).
 *
 * @param targets the arguments as given: {@code name}, {@code name@version|tag|range}, a .tgz file or a directory
 * @param parallelism how many targets are read and analysed at once (at least 1)
 */
public record InspectOptions(List<String> targets, int parallelism) {
    public InspectOptions {
        targets = List.copyOf(targets);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    /** One worker per available processor: reading and analysis are CPU-bound once the bytes are here. */
    public static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }
}
