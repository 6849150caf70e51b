package dev.portcullis.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.json.Json;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Trust on first use, committed with the project ({@code portcullis-trust.json}): for each package, who built it
 * when it was first recorded, or that it had no provenance then. {@code verify --record-trust} adds packages it has
 * not seen and keeps what is recorded; later runs compare every version with it.
 *
 * <pre>{"version":1,"packages":{"sigstore":{"provenance":true,"repository":"https://github.com/sigstore/sigstore-js",
 * "workflow":".github/workflows/release.yml","issuer":"https://token.actions.githubusercontent.com",
 * "recordedVersion":"2.3.1"}}}</pre>
 */
public record TrustFile(Map<String, Entry> packages) {
    public static final String DEFAULT_NAME = "portcullis-trust.json";
    private static final ObjectMapper MAPPER = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** What was recorded of one package; {@code provenance} false: it was published without any. */
    @JsonPropertyOrder({"provenance", "repository", "workflow", "issuer", "recordedVersion"})
    public record Entry(boolean provenance, String repository, String workflow, String issuer,
                        String recordedVersion) {
        public Entry {
            Objects.requireNonNull(recordedVersion, "recordedVersion");
        }

        public static Entry of(String version, Identity identity) {
            return identity == null ? new Entry(false, null, null, null, version)
                    : new Entry(true, identity.repository(), identity.workflow(), identity.issuer(), version);
        }
    }

    @JsonPropertyOrder({"version", "packages"})
    private record FileJson(int version, Map<String, Entry> packages) {
    }

    public TrustFile {
        packages = Map.copyOf(packages);
    }

    public static TrustFile empty() {
        return new TrustFile(Map.of());
    }

    public Optional<Entry> entry(String name) {
        return Optional.ofNullable(packages.get(name));
    }

    /** This file with {@code name} recorded, unless it already is. */
    public TrustFile withFirstUse(String name, Entry entry) {
        if (packages.containsKey(name)) {
            return this;
        }
        Map<String, Entry> changed = new TreeMap<>(packages);
        changed.put(name, entry);
        return new TrustFile(changed);
    }

    /** The file at {@code path}, or an empty one when there is none. */
    public static TrustFile read(Path path, String shown) throws InputException, IOException {
        if (!Files.exists(path)) {
            return empty();
        }
        JsonNode tree;
        try (var parser = Json.utf8Parser(Json.mapper(), Files.newInputStream(path))) {
            tree = Json.mapper().readTree(parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Json.inputException(shown, e);
        } catch (java.io.CharConversionException e) {
            throw new InputException(Location.of(shown), "not UTF-8 JSON");
        }
        if (tree == null || tree.path("version").asInt(0) != 1 || !tree.path("packages").isObject()) {
            throw new InputException(Location.of(shown), "not a trust file: expected {\"version\":1,"
                    + "\"packages\":{…}}");
        }
        Map<String, Entry> packages = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : tree.path("packages").properties()) {
            JsonNode v = e.getValue();
            if (!v.isObject() || !v.path("recordedVersion").isTextual()) {
                throw new InputException(Location.of(shown), "packages." + e.getKey()
                        + " needs a recordedVersion");
            }
            packages.put(e.getKey(), new Entry(v.path("provenance").asBoolean(false), text(v, "repository"),
                    text(v, "workflow"), text(v, "issuer"), v.get("recordedVersion").asText()));
        }
        return new TrustFile(packages);
    }

    public void write(Path path) throws IOException {
        String json = MAPPER.writeValueAsString(new FileJson(1, new TreeMap<>(packages)));
        Files.writeString(path, json + "\n", StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }
}
