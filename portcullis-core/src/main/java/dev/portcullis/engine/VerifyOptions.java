package dev.portcullis.engine;

import dev.portcullis.model.Severity;
import java.nio.file.Path;

/**
 * What {@code portcullis verify} checks.
 *
 * @param files compare installed packages file by file with their tarballs
 * @param signatures verify the registry signatures
 * @param provenance verify provenance attestations and the identity policy
 * @param keysFile the registry keys ({@code /-/npm/v1/keys} shape) to use instead of asking the registry, or null
 * @param trustedRoot a Sigstore {@code trusted_root.json} to use instead of the bundled one, or null
 * @param trustFile the trust-on-first-use file, or null for {@code portcullis-trust.json} in the project
 * @param recordTrust add the packages the trust file does not know yet, and write it
 * @param failOn the severity that fails the run instead of the policy's, or null
 * @param failOnUnchecked a check that could not be made fails the run (exit 3)
 * @param omitDev the install left out development dependencies ({@code npm ci --omit=dev}, {@code pnpm install
 *     --prod}, {@code yarn install --production}): a dev package that is absent is not missing
 * @param parallelism downloads at once
 */
public record VerifyOptions(boolean files, boolean signatures, boolean provenance, Path keysFile, Path trustedRoot,
                            Path trustFile, boolean recordTrust, Severity failOn, boolean failOnUnchecked,
                            boolean omitDev, int parallelism) {
    public VerifyOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    /** Every check, the policy's threshold, the default files. */
    public static VerifyOptions all() {
        return new VerifyOptions(true, true, true, null, null, null, false, null, false, false, 8);
    }
}
