package dev.portcullis.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What one run is set up with, whatever the command: where it runs, which policy, which registry, and whether it may
 * touch the network.
 *
 * @param workingDir the project root for {@code scan}; where relative targets, {@code .npmrc} and
 *     {@code portcullis.yml} are looked up for {@code inspect}
 * @param policyFile an explicit policy file, or null for {@code portcullis.yml} in {@code workingDir} if present
 * @param registry a registry URL overriding the configured default one ({@code --registry}), or null
 * @param offline never touch the network: answers come from the cache or are reported as unchecked
 * @param readPolicy false to use the built-in defaults whatever portcullis.yml says ({@code init})
 * @param refresh fetch the registry metadata of every package again, however recent the stored copy
 */
public record Run(Path workingDir, Path policyFile, String registry, boolean offline, boolean readPolicy,
                  boolean refresh) {
    public Run {
        Objects.requireNonNull(workingDir, "workingDir");
    }

    /** A run in {@code workingDir} with its own policy and configured registry. */
    public static Run in(Path workingDir, Path policyFile, boolean offline) {
        return new Run(workingDir, policyFile, null, offline, true, false);
    }
}
