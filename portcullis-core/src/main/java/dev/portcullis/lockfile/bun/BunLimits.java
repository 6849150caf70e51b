package dev.portcullis.lockfile.bun;

/**
 * The bounds on what a bun.lock may hold.
 *
 * @param maxKeyDepth path segments of one package key ({@code a/b/c/...}): bun nests a copy once per parent
 *                    that needs its own, so real keys stay short; the bound keeps resolution linear
 */
public record BunLimits(int maxKeyDepth) {
    public BunLimits {
        if (maxKeyDepth <= 0) {
            throw new IllegalArgumentException("maxKeyDepth must be positive");
        }
    }

    public static BunLimits defaults() {
        return new BunLimits(64);
    }
}
