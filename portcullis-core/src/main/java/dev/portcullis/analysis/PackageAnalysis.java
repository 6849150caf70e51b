package dev.portcullis.analysis;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Verdict;
import dev.portcullis.model.VerdictPolicy;
import java.util.List;
import java.util.Objects;

/**
 * What the analysis found in one package.
 *
 * @param name     the package's name (empty when its package.json had none)
 * @param version  its version (empty likewise)
 * @param findings sorted by {@link Finding#ORDER}; locations are paths inside the package
 * @param files    how many files were analysed
 * @param bytes    their total size
 */
public record PackageAnalysis(String name, String version, List<Finding> findings, int files, long bytes) {
    public PackageAnalysis {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        findings = findings.stream().sorted(Finding.ORDER).toList();
        if (files < 0 || bytes < 0) {
            throw new IllegalArgumentException("files and bytes must be >= 0, got " + files + ", " + bytes);
        }
    }

    /** The package's verdict under {@code policy} (usually {@code policy.VerdictThresholds}). */
    public Verdict verdict(VerdictPolicy policy) {
        return policy.verdict(findings);
    }
}
