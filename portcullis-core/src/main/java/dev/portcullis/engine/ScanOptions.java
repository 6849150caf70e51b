package dev.portcullis.engine;

import dev.portcullis.model.Severity;

/**
 * What a scan is asked to do beyond its {@link Run} (project, policy, offline).
 *
 * @param failOn overrides the policy's threshold, or null
 * @param deep also fetch and analyse the content of every registry package of the graph
 */
public record ScanOptions(Severity failOn, boolean deep) {
}
