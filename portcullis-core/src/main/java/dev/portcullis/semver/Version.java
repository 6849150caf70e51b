package dev.portcullis.semver;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A version as node-semver 7 parses it ({@code new SemVer(raw, {loose})}), compared as node-semver compares.
 *
 * <p>Hand-written: no Java library reproduces node-semver exactly (leading {@code v}/{@code =}, loose
 * {@code 1.2.3beta}, numeric prerelease identifiers past 2^53 compared as JavaScript doubles …), and npm resolves with
 * node-semver, so Portcullis must agree with it to the letter. Build metadata is kept but ignored by
 * {@link #compareTo}; hence {@code compareTo} is inconsistent with {@link #equals}, which also compares build metadata.
 */
public final class Version implements Comparable<Version> {
    /** node-semver's MAX_LENGTH: longer strings are not versions, checked before trimming as node-semver does. */
    public static final int MAX_LENGTH = 256;
    /** JavaScript's Number.MAX_SAFE_INTEGER: node-semver rejects larger major/minor/patch numbers. */
    static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;
    private static final BigInteger MAX_SAFE = BigInteger.valueOf(MAX_SAFE_INTEGER);

    private final long major;
    private final long minor;
    private final long patch;
    private final String[] prerelease;
    /** The numeric value of each prerelease identifier made of digits only, NaN for the others. */
    private final double[] prereleaseNumber;
    private final String[] build;
    private final String text;

    private Version(long major, long minor, long patch, String[] prerelease, String[] build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = prerelease;
        this.build = build;
        this.prereleaseNumber = new double[prerelease.length];
        StringBuilder sb = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        for (int i = 0; i < prerelease.length; i++) {
            sb.append(i == 0 ? '-' : '.').append(prerelease[i]);
            prereleaseNumber[i] = allDigits(prerelease[i]) ? Double.parseDouble(prerelease[i]) : Double.NaN;
        }
        this.text = sb.toString();
    }

    /** Parses like node-semver's {@code semver.parse(raw, {loose})}; empty when it would return null. */
    public static Optional<Version> parse(String raw, boolean loose) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = (loose ? SemverPatterns.LOOSE : SemverPatterns.FULL).matcher(Js.trim(raw));
        if (!m.matches()) {
            return Optional.empty();
        }
        long major = component(m.group(1));
        long minor = component(m.group(2));
        long patch = component(m.group(3));
        if (major < 0 || minor < 0 || patch < 0) {
            return Optional.empty();
        }
        String[] pre = m.group(4) == null ? new String[0] : m.group(4).split("\\.", -1);
        for (int i = 0; i < pre.length; i++) {
            pre[i] = normalizeIdentifier(pre[i]);
        }
        String[] build = m.group(5) == null ? new String[0] : m.group(5).split("\\.", -1);
        return Optional.of(new Version(major, minor, patch, pre, build));
    }

    /**
     * Parses a strict version written in code, such as a constant; untrusted input goes through {@link #parse}.
     *
     * @throws IllegalArgumentException when {@code raw} is not a strict semver version
     */
    public static Version of(String raw) {
        return parse(raw, false).orElseThrow(() -> new IllegalArgumentException("not a semver version: " + raw));
    }

    public long major() {
        return major;
    }

    public long minor() {
        return minor;
    }

    public long patch() {
        return patch;
    }

    /** The prerelease identifiers as node-semver keeps them (numeric ones without leading zeros). */
    public List<String> prerelease() {
        return List.of(prerelease);
    }

    public List<String> build() {
        return List.of(build);
    }

    public boolean isPrerelease() {
        return prerelease.length > 0;
    }

    /** {@code major.minor.patch} and the same major.minor.patch, ignoring prerelease and build. */
    boolean sameRelease(Version other) {
        return major == other.major && minor == other.minor && patch == other.patch;
    }

    @Override
    public int compareTo(Version other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        return c != 0 ? Integer.signum(c) : comparePrerelease(other);
    }

    private int comparePrerelease(Version other) {
        if (prerelease.length > 0 && other.prerelease.length == 0) {
            return -1;
        }
        if (prerelease.length == 0 && other.prerelease.length > 0) {
            return 1;
        }
        for (int i = 0; ; i++) {
            if (i >= prerelease.length && i >= other.prerelease.length) {
                return 0;
            } else if (i >= other.prerelease.length) {
                return 1;
            } else if (i >= prerelease.length) {
                return -1;
            } else if (!prerelease[i].equals(other.prerelease[i])) {
                // node-semver returns this result even when it is 0 (two huge numbers equal as doubles)
                return compareIdentifiers(i, other);
            }
        }
    }

    private int compareIdentifiers(int i, Version other) {
        double a = prereleaseNumber[i];
        double b = other.prereleaseNumber[i];
        boolean aNum = !Double.isNaN(a);
        boolean bNum = !Double.isNaN(b);
        if (aNum && bNum) {
            return Double.compare(a, b) == 0 ? 0 : a < b ? -1 : 1;
        }
        if (aNum) {
            return -1;
        }
        if (bNum) {
            return 1;
        }
        return Integer.signum(prerelease[i].compareTo(other.prerelease[i]));
    }

    /** Normalised like {@code semver.valid()}: no prefix, no build metadata. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && text.equals(v.text) && Arrays.equals(build, v.build);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + Arrays.hashCode(build);
    }

    /** A major/minor/patch number as JavaScript's {@code +digits}; -1 when past MAX_SAFE_INTEGER. */
    private static long component(String digits) {
        BigInteger value = new BigInteger(digits);
        return value.compareTo(MAX_SAFE) > 0 ? -1 : value.longValueExact();
    }

    /** node-semver turns digit-only identifiers below MAX_SAFE_INTEGER into numbers, dropping leading zeros. */
    private static String normalizeIdentifier(String id) {
        if (!allDigits(id)) {
            return id;
        }
        BigInteger value = new BigInteger(id);
        return value.compareTo(MAX_SAFE) < 0 ? value.toString() : id;
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
