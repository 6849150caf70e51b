package dev.portcullis.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.testkit.PublishedPackages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A recorded upstream the test writes: packuments with dependencies and publish times, and real tarballs (built
 * with TarballBuilder), in the layout FakeRegistry serves. Tarball URLs name the public registry, which the fake
 * rewrites to itself as a mirror does.
 */
final class Upstream {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path dir;
    private final Map<String, ObjectNode> documents = new LinkedHashMap<>();

    Upstream(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Publishes {@code name@version} at {@code published}, depending on {@code dependencies}; latest moves to it. */
    Upstream publish(String name, String version, Instant published, byte[] tarball, Map<String, String> dependencies) {
        try {
            Files.createDirectories(dir.resolve("tarballs"));
            String unscoped = name.substring(name.indexOf('/') + 1);
            String file = unscoped + "-" + version + ".tgz";
            byte[] bytes = tarball != null ? tarball
                    : pkg(name, version, "module.exports = '" + version + "';\n", dependencies);
            Files.write(dir.resolve("tarballs").resolve(file), bytes);
            ObjectNode doc = documents.computeIfAbsent(name, n -> {
                ObjectNode d = MAPPER.createObjectNode();
                d.put("name", n);
                d.putObject("dist-tags");
                d.putObject("versions");
                d.putObject("time").put("created", published.toString());
                return d;
            });
            ObjectNode v = ((ObjectNode) doc.get("versions")).putObject(version);
            v.put("name", name);
            v.put("version", version);
            ObjectNode deps = v.putObject("dependencies");
            dependencies.forEach(deps::put);
            ObjectNode dist = v.putObject("dist");
            dist.put("tarball", "https://registry.npmjs.org/" + name + "/-/" + file);
            dist.put("integrity", PublishedPackages.sri(bytes));
            dist.put("shasum", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes)));
            ((ObjectNode) doc.get("dist-tags")).put("latest", version);
            ((ObjectNode) doc.get("time")).put(version, published.toString()).put("modified", published.toString());
            Files.writeString(dir.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8) + ".json"),
                    MAPPER.writeValueAsString(doc), StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets a dist-tag. */
    Upstream tag(String name, String tag, String version) {
        ObjectNode doc = documents.get(name);
        ((ObjectNode) doc.get("dist-tags")).put(tag, version);
        try {
            Files.writeString(dir.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8) + ".json"),
                    MAPPER.writeValueAsString(doc), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A tarball with a package.json and an index.js. */
    static byte[] pkg(String name, String version, String indexJs) {
        return pkg(name, version, indexJs, Map.of());
    }

    /** A tarball whose package.json declares the same dependencies as its registry document. */
    static byte[] pkg(String name, String version, String indexJs, Map<String, String> dependencies) {
        ObjectNode manifest = MAPPER.createObjectNode();
        manifest.put("name", name);
        manifest.put("version", version);
        manifest.put("main", "index.js");
        manifest.put("license", "MIT");
        if (!dependencies.isEmpty()) {
            ObjectNode deps = manifest.putObject("dependencies");
            dependencies.forEach(deps::put);
        }
        return dev.portcullis.testkit.TarballBuilder.tarball()
                .file("package/package.json", manifest.toString())
                .file("package/index.js", indexJs)
                .build();
    }
}
