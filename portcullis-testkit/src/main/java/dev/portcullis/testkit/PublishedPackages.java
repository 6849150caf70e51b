package dev.portcullis.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes packuments and tarballs into a directory as a {@link FakeRegistry} serves them, so a test publishes real
 * tarballs (built with {@link TarballBuilder}) under real integrity hashes: {@code <name>.json} with every version
 * published so far, and the tarball under {@code tarballs/}. Tarball URLs name the public registry, which the fake
 * rewrites to itself, as a mirror does. Names and versions are the test's own, so the JSON is written plainly.
 */
public final class PublishedPackages {
    private final Path dir;
    /** name → version → its version document, in publication order. */
    private final Map<String, Map<String, String>> published = new LinkedHashMap<>();

    public PublishedPackages(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Publishes {@code name@version} with these tarball bytes and makes it {@code latest}; returns its SRI. */
    public String publish(String name, String version, byte[] tarball) {
        try {
            Files.createDirectories(dir.resolve("tarballs"));
            String unscoped = name.substring(name.indexOf('/') + 1);
            String file = unscoped + "-" + version + ".tgz";
            Files.write(dir.resolve("tarballs").resolve(file), tarball);
            String integrity = sri(tarball);
            Map<String, String> versions = published.computeIfAbsent(name, k -> new LinkedHashMap<>());
            versions.put(version, "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"dist\":{"
                    + "\"tarball\":\"https://registry.npmjs.org/" + name + "/-/" + file + "\",\"integrity\":\""
                    + integrity + "\",\"shasum\":\"" + hex("SHA-1", tarball) + "\"}}");
            StringBuilder json = new StringBuilder("{\"name\":\"" + name + "\",\"dist-tags\":{\"latest\":\""
                    + version + "\"},\"versions\":{");
            String separator = "";
            for (Map.Entry<String, String> entry : versions.entrySet()) {
                json.append(separator).append('"').append(entry.getKey()).append("\":").append(entry.getValue());
                separator = ",";
            }
            json.append("}}");
            Files.writeString(dir.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8) + ".json"), json,
                    StandardCharsets.UTF_8);
            return integrity;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SRI sha512 of these bytes, as npm writes it in lockfiles. */
    public static String sri(byte[] bytes) {
        return "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", bytes));
    }

    private static String hex(String algorithm, byte[] bytes) {
        return HexFormat.of().formatHex(digest(algorithm, bytes));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
