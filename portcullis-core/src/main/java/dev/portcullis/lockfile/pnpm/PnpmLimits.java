package dev.portcullis.lockfile.pnpm;

/**
 * The bounds on what a pnpm lockfile may hold.
 *
 * @param maxCodePoints the whole file, in characters; snakeyaml-engine's default of 3 MB is below real
 *                      monorepo lockfiles, and the reader streams, so this bounds time, not memory
 * @param maxDepth nesting of one entry; pnpm writes at most five levels
 */
public record PnpmLimits(int maxCodePoints, int maxDepth) {
    public PnpmLimits {
        if (maxCodePoints <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static PnpmLimits defaults() {
        return new PnpmLimits(Integer.MAX_VALUE, 64);
    }
}
