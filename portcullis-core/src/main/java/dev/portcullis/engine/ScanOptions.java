package dev.portcullis.engine;

import dev.portcullis.model.Severity;
import java.nio.file.Path;

/**
 * What a scan is asked to do.
 *
 * @param projectDir the project root
 * @param policyFile an explicit policy file, or null for {@code portcullis.yml} in the project root if present
 * @param failOn overrides the policy's threshold, or null
 * @param offline never touch the network
 * @param deep also fetch and analyse the content of every registry package of the graph
 * @param refresh fetch the registry metadata of every package again, however recent the stored one
 */
public record ScanOptions(Path projectDir, Path policyFile, Severity failOn, boolean offline, boolean deep,
                          boolean refresh) {
    public ScanOptions(Path projectDir, Path policyFile, Severity failOn, boolean offline, boolean deep) {
        this(projectDir, policyFile, failOn, offline, deep, false);
    }

    /** A scan of the project files only. */
    public ScanOptions(Path projectDir, Path policyFile, Severity failOn, boolean offline) {
        this(projectDir, policyFile, failOn, offline, false);
    }
}
