package dev.portcullis.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One digest a download must match: the strongest of a Subresource Integrity string ({@code sha512-…}), or the
 * legacy {@code dist.shasum} hex SHA-1 when nothing else is published.
 *
 * @param hex the expected digest, lower-case hex (also the content-addressed cache key)
 */
public record Integrity(Algorithm algorithm, String hex) {
    /** The algorithms npm publishes, strongest first. */
    public enum Algorithm {
        SHA512("sha512", "SHA-512"), SHA384("sha384", "SHA-384"), SHA256("sha256", "SHA-256"), SHA1("sha1", "SHA-1");

        private final String sriName;
        private final String jcaName;

        Algorithm(String sriName, String jcaName) {
            this.sriName = sriName;
            this.jcaName = jcaName;
        }

        public String sriName() {
            return sriName;
        }

        /** The JDK's (and CycloneDX's) name: {@code SHA-512}. */
        public String jcaName() {
            return jcaName;
        }

        /** SHA-1 collisions can be manufactured, so a SHA-1 match proves little against a hostile registry. */
        public boolean weak() {
            return this == SHA1;
        }

        MessageDigest digest() {
            try {
                return MessageDigest.getInstance(jcaName);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks " + jcaName, e);
            }
        }

        static Optional<Algorithm> ofSri(String name) {
            for (Algorithm a : values()) {
                if (a.sriName.equals(name)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

    public Integrity {
        Objects.requireNonNull(algorithm, "algorithm");
        if (hex == null || !hex.matches("[0-9a-f]+") || hex.length() != algorithm.digest().getDigestLength() * 2) {
            throw new IllegalArgumentException("not a " + algorithm.sriName + " digest: " + hex);
        }
    }

    /**
     * The strongest usable digest of an SRI string (entries separated by spaces, options after '?' ignored);
     * empty when it names no algorithm we know or its digests are malformed.
     */
    public static Optional<Integrity> parse(String sri) {
        Integrity best = null;
        if (sri == null) {
            return Optional.empty();
        }
        for (String entry : sri.strip().split("\\s+")) {
            int dash = entry.indexOf('-');
            if (dash <= 0) {
                continue;
            }
            Optional<Algorithm> algorithm = Algorithm.ofSri(entry.substring(0, dash));
            if (algorithm.isEmpty() || best != null && best.algorithm.compareTo(algorithm.get()) <= 0) {
                continue;
            }
            String base64 = entry.substring(dash + 1).replaceFirst("\\?.*$", "");
            try {
                best = new Integrity(algorithm.get(), HexFormat.of().formatHex(Base64.getDecoder().decode(base64)));
            } catch (IllegalArgumentException e) {
                continue; // a malformed entry is skipped like npm's ssri does; another entry may still verify
            }
        }
        return Optional.ofNullable(best);
    }

    /** The strongest of the published {@code dist.integrity} and {@code dist.shasum}. */
    public static Optional<Integrity> of(Optional<String> integrity, Optional<String> shasum) {
        return integrity.flatMap(Integrity::parse).or(() -> shasum.flatMap(hex -> {
            try {
                return Optional.of(new Integrity(Algorithm.SHA1, hex.toLowerCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }));
    }

    public boolean matches(byte[] content) {
        return MessageDigest.isEqual(algorithm.digest().digest(content), HexFormat.of().parseHex(hex));
    }

    /** The SRI form, as npm writes it. */
    @Override
    public String toString() {
        return algorithm.sriName + "-" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
