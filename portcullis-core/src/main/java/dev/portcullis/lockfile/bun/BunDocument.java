package dev.portcullis.lockfile.bun;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.json.Json;
import dev.portcullis.model.DeclaredDependency;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a bun.lock that make the graph, streamed with Jackson: each {@code packages} entry is a small
 * array read on its own, so memory grows with the packages, not with the text. A key given twice keeps its
 * last value, as bun's own parser does.
 *
 * @param lockfileVersion as written, or null when absent
 */
record BunDocument(String lockfileVersion, int versionLine, Map<String, BunWorkspace> workspaces,
                   Map<String, BunEntry> packages) {

    static BunDocument read(String file, InputStream in) throws InputException, IOException {
        // bun writes UTF-8 only; decoding here keeps Jackson from guessing UTF-16/32 from the first bytes
        JsonParser p = Json.utf8Parser(Json.relaxedMapper(), in);
        try (p) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(new Location(file, Json.line(p)), "expected a JSON object for bun.lock");
            }
            String version = null;
            int versionLine = 0;
            Map<String, BunWorkspace> workspaces = new LinkedHashMap<>();
            Map<String, BunEntry> packages = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int line = Json.line(p);
                JsonToken value = p.nextToken();
                switch (field) {
                    case "lockfileVersion" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT) {
                            throw new InputException(new Location(file, line), "expected a whole number for lockfileVersion");
                        }
                        version = p.getText();
                        versionLine = line;
                    }
                    case "workspaces" -> {
                        expectObject(p, file, "workspaces");
                        workspaces.clear();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String path = p.currentName();
                            p.nextToken();
                            workspaces.put(path, workspace(p, file, path));
                        }
                    }
                    case "packages" -> {
                        expectObject(p, file, "packages");
                        packages.clear();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            int keyLine = Json.line(p);
                            if (p.nextToken() != JsonToken.START_ARRAY) {
                                throw new InputException(new Location(file, keyLine),
                                        "expected an array [\"name@version\", …] for package '" + key + "'");
                            }
                            JsonNode entry = Json.relaxedMapper().readTree(p);
                            packages.remove(key);
                            packages.put(key, entry(file, key, keyLine, entry));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new InputException(new Location(file, Json.line(p)), "unexpected content after the bun.lock object");
            }
            return new BunDocument(version, versionLine, workspaces, packages);
        } catch (JsonProcessingException e) {
            InputException error = Json.inputException(file, e);
            // a broken limit (nesting, string length) comes without a location: the parser still knows the line
            throw error.location().line() > 0 ? error
                    : new InputException(new Location(file, Json.line(p)), error.problem(), e);
        }
    }

    private static void expectObject(JsonParser p, String file, String what) throws InputException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new InputException(new Location(file, Json.line(p)), "expected an object for " + what);
        }
    }

    private static BunWorkspace workspace(JsonParser p, String file, String path) throws IOException, InputException {
        expectObject(p, file, "workspace '" + path + "'");
        String name = null;
        List<DeclaredDependency> declared = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            DependencyType type = switch (field) {
                case "dependencies" -> DependencyType.PROD;
                case "devDependencies" -> DependencyType.DEV;
                case "optionalDependencies" -> DependencyType.OPTIONAL;
                case "peerDependencies" -> DependencyType.PEER;
                default -> null;
            };
            if (type != null) {
                expectObject(p, file, "workspace '" + path + "' " + field);
                Map<String, DeclaredDependency> section = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String dep = p.currentName();
                    int line = Json.line(p);
                    if (p.nextToken() != JsonToken.VALUE_STRING) {
                        throw new InputException(new Location(file, line), "expected a version range for " + field + "." + dep);
                    }
                    section.remove(dep);
                    section.put(dep, new DeclaredDependency(dep, p.getText(), type, new Location(file, line)));
                }
                declared.addAll(section.values());
            } else if (field.equals("name") && value == JsonToken.VALUE_STRING) {
                name = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return new BunWorkspace(path, name, declared);
    }

    private static BunEntry entry(String file, String key, int line, JsonNode array) throws InputException {
        Location at = new Location(file, line);
        JsonNode id = array.path(0);
        if (!id.isTextual()) {
            throw new InputException(at, "expected \"name@version\" first in package '" + key + "'");
        }
        String text = id.textValue();
        int separator = text.indexOf('@', 1);
        if (separator < 0) {
            throw new InputException(at, "expected \"name@version\" first in package '" + key + "', found '" + text + "'");
        }
        String registry = null;
        String integrity = null;
        String extra = null;
        JsonNode meta;
        if (array.path(1).isTextual()) {
            registry = array.get(1).textValue();
            meta = array.path(2);
            integrity = textOrNull(array.path(3));
        } else {
            meta = array.path(1);
            extra = textOrNull(array.path(2));
        }
        if (!meta.isMissingNode() && !meta.isObject()) {
            throw new InputException(at, "expected an object of metadata in package '" + key + "'");
        }
        Set<String> optionalPeers = new LinkedHashSet<>();
        for (String peer : strings(meta.path("optionalPeers"), at, "optionalPeers")) {
            optionalPeers.add(peer);
        }
        JsonNode bin = meta.path("bin");
        List<String> bins = new ArrayList<>();
        if (bin.isObject()) {
            bin.fieldNames().forEachRemaining(bins::add);
        } else if (bin.isTextual()) {
            bins.add(text.substring(text.lastIndexOf('/', separator) + 1, separator));
        }
        JsonNode scripts = meta.path("hasInstallScript");
        return new BunEntry(key, line, text.substring(0, separator), text.substring(separator + 1), registry,
                integrity, extra, deps(meta, "dependencies", at), deps(meta, "optionalDependencies", at),
                deps(meta, "peerDependencies", at), optionalPeers, strings(meta.path("os"), at, "os"),
                strings(meta.path("cpu"), at, "cpu"), bins, meta.path("bundled").asBoolean(false),
                scripts.isBoolean() ? Boolean.valueOf(scripts.booleanValue()) : null);
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }

    private static Map<String, String> deps(JsonNode meta, String section, Location at) throws InputException {
        JsonNode deps = meta.path(section);
        if (deps.isMissingNode() || deps.isNull()) {
            return Map.of();
        }
        if (!deps.isObject()) {
            throw new InputException(at, "expected an object of name to version range for " + section);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> dep : deps.properties()) {
            if (!dep.getValue().isTextual()) {
                throw new InputException(at, "expected a version range for " + section + "." + dep.getKey());
            }
            out.put(dep.getKey(), dep.getValue().textValue());
        }
        return out;
    }

    /** {@code "os": "darwin"} or {@code "os": ["darwin", "linux"]}. */
    private static List<String> strings(JsonNode node, Location at, String field) throws InputException {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (!node.isArray()) {
            throw new InputException(at, "expected a name or a list of names for " + field);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new InputException(at, "expected a list of names for " + field);
            }
            out.add(item.textValue());
        }
        return out;
    }
}
