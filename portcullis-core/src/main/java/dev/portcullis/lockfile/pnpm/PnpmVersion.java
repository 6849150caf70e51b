package dev.portcullis.lockfile.pnpm;

/**
 * The three layouts of pnpm-lock.yaml. They differ in how a package is named ("dependency path") and
 * where its edges live; {@link #depPath} is pnpm's own {@code refToRelative} for each.
 */
enum PnpmVersion {
    /** lockfileVersion 5.x (pnpm 5–7): {@code /name/1.0.0_peer@2.0.0}, top-level {@code specifiers:}. */
    V5,
    /** lockfileVersion 6.x (pnpm 8): {@code /name@1.0.0(peer@2.0.0)}, inline {@code {specifier, version}}. */
    V6,
    /** lockfileVersion 9.x (pnpm 9, 10): {@code name@1.0.0(peer@2.0.0)}, metadata in packages, edges in snapshots. */
    V9;

    static final String SUPPORTED = "5.x (pnpm 5-7), 6.x (pnpm 8), 9.x (pnpm 9-10)";

    /** The layout of a {@code lockfileVersion} value, or null when unsupported. */
    static PnpmVersion of(String lockfileVersion) {
        String major = lockfileVersion.contains(".")
                ? lockfileVersion.substring(0, lockfileVersion.indexOf('.')) : lockfileVersion;
        return switch (major) {
            case "5" -> V5;
            case "6" -> V6;
            case "9" -> V9;
            default -> null;
        };
    }

    /** The key of the package a dependency {@code name: reference} points at ({@code link:} excluded). */
    String depPath(String name, String reference) {
        return switch (this) {
            case V5 -> reference.startsWith("file:") || reference.contains("/") ? reference : "/" + name + "/" + reference;
            case V6 -> reference.startsWith("file:") || beforePeers(reference).contains("/")
                    ? reference : "/" + name + "@" + reference;
            case V9 -> {
                if (reference.startsWith("@")) {
                    yield reference;
                }
                int at = reference.indexOf('@');
                int colon = reference.indexOf(':');
                int paren = reference.indexOf('(');
                boolean isPath = at >= 0 && (colon < 0 || at < colon) && (paren < 0 || at < paren);
                yield isPath ? reference : name + "@" + reference;
            }
        };
    }

    /** A package key split into name and version ({@code ""} when the key has no version part). */
    record NameVersion(String name, String version) {
    }

    /** Name and version from a registry package key; for other keys the entry's name/version fields decide. */
    NameVersion nameAndVersion(String key) {
        String path = key.startsWith("/") ? key.substring(1) : key;
        return switch (this) {
            case V5 -> {
                int slash = path.indexOf('/', path.startsWith("@") ? path.indexOf('/') + 1 : 0);
                if (slash <= 0 || (path.startsWith("@") && path.indexOf('/') <= 0)) {
                    yield new NameVersion(path, "");
                }
                String version = path.substring(slash + 1);
                int peers = version.indexOf('_');
                yield new NameVersion(path.substring(0, slash), peers < 0 ? version : version.substring(0, peers));
            }
            case V6, V9 -> {
                String head = beforePeers(path);
                int at = head.indexOf('@', 1);
                yield at <= 0 ? new NameVersion(head, "") : new NameVersion(head.substring(0, at), head.substring(at + 1));
            }
        };
    }

    /**
     * A package's dependency reference as the spec of its edge: without pnpm's peer-resolution suffix
     * ({@code 7.29.17(@babel/core@7.29.17)}, nested {@code 29.7.0(ts-node@10.9.2(@types/node@22.20.7))} →
     * {@code 7.29.17}, {@code 29.7.0}; 5.x: {@code 1.0.0_@babel+core@7.0.0} → {@code 1.0.0}). The suffix names
     * the peers pnpm resolved the package with, not where it comes from: a scoped peer's {@code /} must not make a
     * registry version look like a path.
     */
    String withoutPeerSuffix(String reference) {
        if (this == V5) {
            int peers = reference.indexOf('_');
            return peers > 0 && Character.isDigit(reference.charAt(0)) && !reference.contains("/")
                    ? reference.substring(0, peers) : reference;
        }
        int paren = reference.indexOf('(');
        return paren > 0 && reference.endsWith(")") ? reference.substring(0, paren) : reference;
    }

    /** A snapshot key without its peer suffix: the key of its packages entry (9.x). */
    static String withoutPeers(String key) {
        return beforePeers(key);
    }

    private static String beforePeers(String reference) {
        int paren = reference.indexOf('(');
        return paren < 0 ? reference : reference.substring(0, paren);
    }
}
