package dev.portcullis.lockfile.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.portcullis.json.Json;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.PackageFlag;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams a package-lock.json into {@link NpmEntry} values with Jackson's token parser, so a 100,000-package
 * lockfile never exists as a tree: only the small entries are kept. Duplicate keys keep the last value, as
 * JSON.parse (and so npm) does. Nesting depth is bounded by {@link Json}'s limits.
 */
final class NpmLockfileParser {
    static final List<Integer> SUPPORTED_VERSIONS = List.of(1, 2, 3);

    private final String file;
    /** Names, versions and specs repeat thousands of times in a large lockfile; one copy of each keeps memory down. */
    private final Map<String, String> strings = new HashMap<>();

    private NpmLockfileParser(String file) {
        this.file = file;
    }

    static NpmDocument parse(String file, InputStream in) throws InputException, IOException {
        return new NpmLockfileParser(file).parse(in);
    }

    private NpmDocument parse(InputStream in) throws InputException, IOException {
        try (JsonParser p = Json.mapper().getFactory().createParser(in)) {
            try {
                return parse(p);
            } catch (StreamConstraintsException e) {
                // Jackson's limit errors carry no location; the parser still knows where it stopped
                throw new InputException(new Location(file, Json.line(p)), "malformed JSON: " + e.getOriginalMessage(), e);
            } catch (CharConversionException e) {
                throw notText(Json.line(p), e);
            }
        } catch (JsonProcessingException e) {
            throw Json.inputException(file, e);
        } catch (CharConversionException e) {
            // the first bytes looked like UTF-16 or UTF-32 and were not
            throw notText(1, e);
        }
    }

    private InputException notText(int line, CharConversionException e) {
        return new InputException(new Location(file, line), "expected UTF-8 JSON text: " + e.getMessage(), e);
    }

    private NpmDocument parse(JsonParser p) throws InputException, IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw error(p, "expected a JSON object (a package-lock.json), found "
                    + (p.currentToken() == null ? "nothing" : describe(p)));
        }
        Integer version = null;
        int versionLine = 0;
        String rootName = null;
        Map<String, NpmEntry> packages = null;
        Map<String, NpmEntry> tree = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            int line = Json.line(p);
            JsonToken value = p.nextToken();
            switch (field) {
                case "lockfileVersion" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw error(line, "lockfileVersion must be a whole number (supported: " + supported()
                                + "), found " + describe(p));
                    }
                    version = p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : -1;
                    if (!SUPPORTED_VERSIONS.contains(version)) {
                        throw error(line, "unsupported lockfileVersion " + p.getText() + " (supported: " + supported() + ")");
                    }
                    versionLine = line;
                }
                case "name" -> rootName = optionalString(p, line, "name");
                case "packages" -> packages = readPackages(p, line);
                case "dependencies" -> {
                    // v2 repeats the tree for npm 6; once we know the file has packages, the copy is skipped
                    if (version != null && version >= 2 || packages != null) {
                        p.skipChildren();
                    } else {
                        tree = new LinkedHashMap<>();
                        readTree(p, line, "", tree);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw error(p, "unexpected content after the lockfile's JSON object");
        }
        if (version == null) {
            throw error(1, "missing lockfileVersion (supported: " + supported() + ")");
        }
        if (version == 1 || version == 2 && packages == null) {
            return new NpmDocument(version, rootName, true, tree == null ? List.of() : new ArrayList<>(tree.values()));
        }
        if (packages == null) {
            throw error(versionLine, "lockfileVersion " + version + " requires a \"packages\" object");
        }
        return new NpmDocument(version, rootName, false, new ArrayList<>(packages.values()));
    }

    private Map<String, NpmEntry> readPackages(JsonParser p, int line) throws IOException, InputException {
        expectObject(p, line, "\"packages\" must be an object of path to package entry");
        Map<String, NpmEntry> packages = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = Json.line(p);
            if (key.equals(".")) {
                throw error(keyLine, "the package path \".\" is not valid (the project root's entry is \"\")");
            }
            p.nextToken();
            NpmEntry entry = readEntry(p, key, keyLine, false, null);
            // a duplicate key takes the later value and the later position, as JSON.parse does
            packages.remove(key);
            packages.put(key, entry);
        }
        return packages;
    }

    /** v1: {@code dependencies} maps names to entries whose own {@code dependencies} nest below them. */
    private void readTree(JsonParser p, int line, String parentKey, Map<String, NpmEntry> into)
            throws IOException, InputException {
        expectObject(p, line, "\"dependencies\" must be an object of name to package entry");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int keyLine = Json.line(p);
            String key = parentKey.isEmpty() ? "node_modules/" + name : parentKey + "/node_modules/" + name;
            p.nextToken();
            if (into.containsKey(key)) {
                // a duplicate name replaces the earlier entry together with everything nested under it
                String nested = key + "/";
                into.keySet().removeIf(k -> k.equals(key) || k.startsWith(nested));
            }
            readEntry(p, key, keyLine, true, into);
        }
    }

    /**
     * Reads one entry object. For v1 ({@code tree}) the entry is put into {@code tree} before its nested
     * dependencies, so that the entries stay in file order.
     */
    private NpmEntry readEntry(JsonParser p, String key, int line, boolean v1, Map<String, NpmEntry> tree)
            throws IOException, InputException {
        expectObject(p, line, "the entry \"" + key + "\" must be an object");
        String name = null;
        String version = null;
        String resolved = null;
        String integrity = null;
        String from = null;
        boolean link = false;
        Set<PackageFlag> flags = EnumSet.noneOf(PackageFlag.class);
        boolean hasInstallScript = false;
        List<String> os = List.of();
        List<String> cpu = List.of();
        List<String> bins = List.of();
        Map<DependencyType, List<NpmDependency>> deps = new EnumMap<>(DependencyType.class);
        List<String> workspaces = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            int fieldLine = Json.line(p);
            p.nextToken();
            switch (field) {
                case "name" -> name = shared(optionalString(p, fieldLine, field));
                case "version" -> version = shared(optionalString(p, fieldLine, field));
                case "resolved" -> resolved = optionalString(p, fieldLine, field);
                case "integrity" -> integrity = optionalString(p, fieldLine, field);
                case "from" -> from = shared(optionalString(p, fieldLine, field));
                case "link" -> link = bool(p, fieldLine, field);
                case "dev" -> flag(flags, PackageFlag.DEV, bool(p, fieldLine, field));
                case "optional", "devOptional" -> {
                    // devOptional: only dev or optional paths need it; it may be absent, so it counts as optional
                    if (bool(p, fieldLine, field)) {
                        flags.add(PackageFlag.OPTIONAL);
                    }
                }
                case "peer" -> flag(flags, PackageFlag.PEER, bool(p, fieldLine, field));
                case "inBundle", "bundled" -> flag(flags, PackageFlag.BUNDLED, bool(p, fieldLine, field));
                case "hasInstallScript" -> hasInstallScript = bool(p, fieldLine, field);
                case "os" -> os = stringList(p, fieldLine, field);
                case "cpu" -> cpu = stringList(p, fieldLine, field);
                case "bin" -> bins = binNames(p, fieldLine, name, key);
                case "workspaces" -> workspaces = workspaceGlobs(p, fieldLine);
                case "dependencies" -> {
                    if (v1) {
                        tree.putIfAbsent(key, placeholder(key, line));
                        readTree(p, fieldLine, key, tree);
                    } else {
                        deps.put(DependencyType.PROD, dependencies(p, fieldLine, field, DependencyType.PROD));
                    }
                }
                case "requires" -> {
                    // v1 entries map names to the ranges they require; anything else carries no dependency
                    if (v1 && p.currentToken() == JsonToken.START_OBJECT) {
                        deps.put(DependencyType.PROD, dependencies(p, fieldLine, field, DependencyType.PROD));
                    } else {
                        p.skipChildren();
                    }
                }
                case "devDependencies" -> deps.put(DependencyType.DEV, dependencies(p, fieldLine, field, DependencyType.DEV));
                case "optionalDependencies" ->
                        deps.put(DependencyType.OPTIONAL, dependencies(p, fieldLine, field, DependencyType.OPTIONAL));
                case "peerDependencies" -> deps.put(DependencyType.PEER, dependencies(p, fieldLine, field, DependencyType.PEER));
                default -> p.skipChildren();
            }
        }
        List<NpmDependency> all = new ArrayList<>();
        for (DependencyType type : DependencyType.values()) {
            all.addAll(deps.getOrDefault(type, List.of()));
        }
        NpmEntry entry = new NpmEntry(key, line, name, version, resolved, integrity, from, link, flags, hasInstallScript,
                os, cpu, bins, all, workspaces);
        if (tree != null) {
            tree.put(key, entry);
        }
        return entry;
    }

    /** Holds the entry's position in file order until its own fields are complete. */
    private static NpmEntry placeholder(String key, int line) {
        return new NpmEntry(key, line, null, null, null, null, null, false, Set.of(), false, List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    private List<NpmDependency> dependencies(JsonParser p, int line, String field, DependencyType type)
            throws IOException, InputException {
        expectObject(p, line, "\"" + field + "\" must be an object of name to version range");
        Map<String, NpmDependency> deps = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int depLine = Json.line(p);
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw error(depLine, "\"" + field + "\".\"" + name + "\" must be a string, found " + describe(p));
            }
            deps.remove(name);
            deps.put(name, new NpmDependency(name, shared(p.getText()), type, depLine));
        }
        return new ArrayList<>(deps.values());
    }

    private List<String> stringList(JsonParser p, int line, String field) throws IOException, InputException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return List.of(shared(p.getText()));
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(line, "\"" + field + "\" must be a list of strings, found " + describe(p));
        }
        List<String> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw error(p, "\"" + field + "\" must be a list of strings, found " + describe(p));
            }
            values.add(shared(p.getText()));
        }
        return values;
    }

    /** {@code bin} is an object of command to path; a plain string means one command named after the package. */
    private List<String> binNames(JsonParser p, int line, String name, String key) throws IOException, InputException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            int installedAt = key.lastIndexOf("node_modules/");
            String pkg = name != null ? name
                    : installedAt >= 0 ? key.substring(installedAt + "node_modules/".length()) : key.substring(key.lastIndexOf('/') + 1);
            return List.of(pkg.substring(pkg.indexOf('/') + 1));
        }
        expectObject(p, line, "\"bin\" must be an object of command to file");
        Map<String, Boolean> names = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            names.put(p.currentName(), Boolean.TRUE);
            p.nextToken();
            p.skipChildren();
        }
        return new ArrayList<>(names.keySet());
    }

    /** {@code workspaces} is a list of globs or, as in package.json, {@code {"packages": [...]}}. */
    private List<String> workspaceGlobs(JsonParser p, int line) throws IOException, InputException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            List<String> globs = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int fieldLine = Json.line(p);
                boolean packages = p.currentName().equals("packages");
                p.nextToken();
                if (packages) {
                    globs = stringList(p, fieldLine, "workspaces.packages");
                } else {
                    p.skipChildren();
                }
            }
            return globs;
        }
        return stringList(p, line, "workspaces");
    }

    private String optionalString(JsonParser p, int line, String field) throws IOException, InputException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getText();
            case VALUE_NULL -> null;
            default -> throw error(line, "\"" + field + "\" must be a string, found " + describe(p));
        };
    }

    private boolean bool(JsonParser p, int line, String field) throws IOException, InputException {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            default -> throw error(line, "\"" + field + "\" must be true or false, found " + describe(p));
        };
    }

    private static void flag(Set<PackageFlag> flags, PackageFlag flag, boolean set) {
        if (set) {
            flags.add(flag);
        } else {
            flags.remove(flag);
        }
    }

    private void expectObject(JsonParser p, int line, String expected) throws IOException, InputException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error(line, expected + ", found " + describe(p));
        }
    }

    private String shared(String value) {
        if (value == null) {
            return null;
        }
        String known = strings.putIfAbsent(value, value);
        return known != null ? known : value;
    }

    private static String describe(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
            case VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NULL -> "null";
            default -> String.valueOf(token);
        };
    }

    private static String supported() {
        return "1, 2 or 3";
    }

    private InputException error(JsonParser p, String problem) {
        return error(Json.line(p), problem);
    }

    private InputException error(int line, String problem) {
        return new InputException(new Location(file, line), problem);
    }
}
