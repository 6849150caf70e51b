package dev.portcullis.lockfile;

import dev.portcullis.json.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.model.DeclaredDependency;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Manifest;
import dev.portcullis.model.Script;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads package.json with the line of every dependency and script, so findings point at them.
 * Streams with Jackson: sections that matter are walked token by token, the rest skipped.
 * Duplicate keys keep the last value, as JSON.parse (and so npm) does.
 */
public final class ManifestReader {
    private final ObjectMapper mapper = Json.mapper();

    public Manifest read(String file, InputStream in) throws InputException, IOException {
        try (JsonParser p = Json.utf8Parser(mapper, in)) {
            try {
                return read(file, p);
            } catch (JsonProcessingException e) {
                throw Json.inputException(file, e, p);
            }
        }
    }

    private Manifest read(String file, JsonParser p) throws InputException, IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new InputException(new Location(file, Json.line(p)), "expected a JSON object for package.json");
        }
        String name = null;
        String version = null;
        String packageManager = null;
        Map<String, DeclaredDependency> deps = new LinkedHashMap<>();
        List<String> optionalPeers = new ArrayList<>();
        List<String> bundle = new ArrayList<>();
        boolean bundleAll = false;
        Map<String, Object> overrides = Map.of();
        Map<String, String> resolutions = Map.of();
        Map<String, String> pnpmOverrides = Map.of();
        Map<String, Script> scripts = new LinkedHashMap<>();
        List<String> workspaces = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "name" -> name = text(p, file);
                case "version" -> version = text(p, file);
                case "packageManager" -> packageManager = text(p, file);
                case "dependencies" -> readDeps(p, file, DependencyType.PROD, deps);
                case "devDependencies" -> readDeps(p, file, DependencyType.DEV, deps);
                case "optionalDependencies" -> readDeps(p, file, DependencyType.OPTIONAL, deps);
                case "peerDependencies" -> readDeps(p, file, DependencyType.PEER, deps);
                case "peerDependenciesMeta" -> {
                    JsonNode meta = mapper.readTree(p);
                    meta.properties().forEach(e -> {
                        if (e.getValue().path("optional").asBoolean(false)) {
                            optionalPeers.add(e.getKey());
                        }
                    });
                }
                case "bundleDependencies", "bundledDependencies" -> {
                    JsonNode node = mapper.readTree(p);
                    bundle.clear();
                    if (node.isArray()) {
                        node.forEach(n -> bundle.add(n.asText()));
                    }
                    bundleAll = node.asBoolean(false);
                }
                case "overrides" -> overrides = plainMap(mapper.readTree(p));
                case "resolutions" -> resolutions = stringMap(mapper.readTree(p));
                case "pnpm" -> pnpmOverrides = stringMap(mapper.<JsonNode>readTree(p).path("overrides"));
                case "scripts" -> readScripts(p, file, scripts);
                case "workspaces" -> {
                    JsonNode node = mapper.readTree(p);
                    JsonNode list = node.isArray() ? node : node.path("packages");
                    List<String> globs = new ArrayList<>();
                    list.forEach(n -> globs.add(n.asText()));
                    workspaces = globs;
                }
                default -> {
                    if (value.isStructStart()) {
                        p.skipChildren();
                    }
                }
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
            throw new InputException(new Location(file, Json.line(p)), "unexpected content after the package.json object");
        }
        List<DeclaredDependency> all = new ArrayList<>(deps.values());
        if (bundleAll) {
            bundle.clear();
            all.stream().filter(d -> d.type() == DependencyType.PROD).forEach(d -> bundle.add(d.name()));
        }
        return new Manifest(file, name, version, all, optionalPeers, bundle, overrides, resolutions,
                pnpmOverrides, new ArrayList<>(scripts.values()), workspaces, packageManager, new Location(file, 1));
    }

    private static String text(JsonParser p, String file) throws IOException, InputException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (p.currentToken().isStructStart()) {
            p.skipChildren();
        }
        return null;
    }

    private static void readDeps(JsonParser p, String file, DependencyType type, Map<String, DeclaredDependency> into)
            throws IOException, InputException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new InputException(new Location(file, Json.line(p)), type.section() + " must be an object of name to version range");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String dep = p.currentName();
            int line = Json.line(p);
            JsonToken value = p.nextToken();
            if (value != JsonToken.VALUE_STRING) {
                throw new InputException(new Location(file, line), type.section() + "." + dep + " must be a string");
            }
            // one key per name and section; the same name in two sections is kept per section
            into.put(type + ":" + dep, new DeclaredDependency(dep, p.getText(), type, new Location(file, line)));
        }
    }

    private static void readScripts(JsonParser p, String file, Map<String, Script> into) throws IOException, InputException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new InputException(new Location(file, Json.line(p)), "scripts must be an object of name to command");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String script = p.currentName();
            int line = Json.line(p);
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                into.put(script, new Script(script, p.getText(), new Location(file, line)));
            } else if (value.isStructStart()) {
                p.skipChildren();
            }
        }
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (e.getValue().isValueNode()) {
                map.put(e.getKey(), e.getValue().asText());
            }
        });
        return map;
    }

    private Map<String, Object> plainMap(JsonNode node) {
        if (!node.isObject()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = mapper.convertValue(node, LinkedHashMap.class);
        return map;
    }
}
