package dev.portcullis.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The store's two file formats for one package, compact JSON written and read with Jackson's streaming API (a warm
 * scan reads thousands of summaries; a tree per file would cost as much again as the reading): the summary (short
 * keys, times as epoch milliseconds, false flags and empty maps left out) and the manifests (the tarball URL only
 * where it is not npm's usual {@code <registry><name>/-/<base>-<version>.tgz}, the shasum only without an SRI
 * integrity). A file that is not whole or of another format reads as absent and is fetched again.
 */
final class SummaryCodec {
    /** Bumped when a layout changes. */
    static final int FORMAT = 5; // 3: versions in semver order; 4: dependency names; 5: "same as before" sets

    private static final ObjectMapper MAPPER = Json.mapper();

    private SummaryCodec() {
    }

    /** A stored summary, or the registry's 404 (the package is gone), and when that was learnt. */
    record Entry(Instant fetched, Optional<PackageSummary> summary) {
    }

    static byte[] encode(Entry entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeNumberField("fetched", entry.fetched().toEpochMilli());
            if (entry.summary().isEmpty()) {
                g.writeBooleanField("missing", true);
            } else {
                summary(g, entry.summary().get());
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void summary(JsonGenerator g, PackageSummary s) throws IOException {
        g.writeStringField("name", s.name());
        flag(g, "abbreviated", s.abbreviated());
        map(g, "tags", s.distTags());
        if (s.time().created().isPresent()) {
            g.writeNumberField("created", s.time().created().get().toEpochMilli());
        }
        if (s.time().modified().isPresent()) {
            g.writeNumberField("modified", s.time().modified().get().toEpochMilli());
        }
        g.writeObjectFieldStart("time");
        for (Map.Entry<String, Instant> e : new TreeMap<>(s.time().published()).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue().toEpochMilli());
        }
        g.writeEndObject();
        if (s.maintainers().isPresent()) {
            g.writeArrayFieldStart("maintainers");
            for (Packument.Person p : s.maintainers().get()) {
                person(g, p);
            }
            g.writeEndArray();
        }
        g.writeObjectFieldStart("versions");
        // consecutive versions mostly share their maintainers and dependency names: a set equal to the previous
        // version's is written as a flag, and read back as that same set (decoding thousands of equal sets cost a
        // warm scan a third of its time)
        Set<String> previousDependencies = Set.of();
        Optional<Set<String>> previousMaintainers = Optional.empty();
        for (PackageSummary.VersionFacts v : s.versions().values()) { // in semver order, which decode keeps
            g.writeObjectFieldStart(v.version());
            map(g, "s", v.installScripts());
            flag(g, "h", v.hasInstallScript());
            flag(g, "g", v.gypfile());
            if (v.deprecated().isPresent()) {
                g.writeStringField("d", v.deprecated().get());
            }
            if (v.npmUser().isPresent()) {
                g.writeFieldName("u");
                person(g, v.npmUser().get());
            }
            if (v.maintainerKeys().isPresent() && v.maintainerKeys().equals(previousMaintainers)) {
                g.writeBooleanField("m=", true);
            } else if (v.maintainerKeys().isPresent()) {
                g.writeArrayFieldStart("m");
                for (String key : new TreeSet<>(v.maintainerKeys().get())) {
                    g.writeString(key);
                }
                g.writeEndArray();
            }
            previousMaintainers = v.maintainerKeys();
            flag(g, "sig", v.signed());
            flag(g, "att", v.attested());
            if (!v.dependencyNames().isEmpty() && v.dependencyNames().equals(previousDependencies)) {
                g.writeBooleanField("dep=", true);
            } else if (!v.dependencyNames().isEmpty()) {
                g.writeArrayFieldStart("dep");
                for (String name : new TreeSet<>(v.dependencyNames())) {
                    g.writeString(name);
                }
                g.writeEndArray();
            }
            previousDependencies = v.dependencyNames();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** The entry, or empty when the bytes are not a whole entry of this format. */
    static Optional<Entry> decode(byte[] bytes) {
        try (JsonParser p = MAPPER.getFactory().createParser(bytes)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            int format = -1;
            Instant fetched = null;
            boolean missing = false;
            String name = null;
            boolean abbreviated = false;
            Map<String, String> tags = Map.of();
            Optional<Instant> created = Optional.empty();
            Optional<Instant> modified = Optional.empty();
            Map<String, Instant> published = new HashMap<>(); // Times keeps its own copy; the encoder sorts
            Optional<List<Packument.Person>> maintainers = Optional.empty();
            PackageSummary.InSemverOrder versions = new PackageSummary.InSemverOrder();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> format = p.getIntValue();
                    case "fetched" -> fetched = Instant.ofEpochMilli(p.getLongValue());
                    case "missing" -> missing = p.getBooleanValue();
                    case "name" -> name = p.getText();
                    case "abbreviated" -> abbreviated = p.getBooleanValue();
                    case "tags" -> tags = readMap(p);
                    case "created" -> created = Optional.of(Instant.ofEpochMilli(p.getLongValue()));
                    case "modified" -> modified = Optional.of(Instant.ofEpochMilli(p.getLongValue()));
                    case "time" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String version = p.currentName();
                            p.nextToken();
                            published.put(version, Instant.ofEpochMilli(p.getLongValue()));
                        }
                    }
                    case "maintainers" -> {
                        List<Packument.Person> people = new ArrayList<>();
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            people.add(readPerson(p));
                        }
                        maintainers = Optional.of(people);
                    }
                    case "versions" -> {
                        PackageSummary.VersionFacts previous = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String version = p.currentName();
                            expect(p.nextToken(), JsonToken.START_OBJECT);
                            previous = readFacts(p, version, previous);
                            versions.put(version, previous);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (format != FORMAT || fetched == null) {
                return Optional.empty();
            }
            if (missing) {
                return Optional.of(new Entry(fetched, Optional.empty()));
            }
            if (name == null) {
                return Optional.empty();
            }
            return Optional.of(new Entry(fetched, Optional.of(new PackageSummary(name, tags, versions, abbreviated,
                    new Packument.Times(created, modified, published), maintainers, fetched))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @param previous the version before it in the file, whose sets "m=" and "dep=" say are this one's too */
    private static PackageSummary.VersionFacts readFacts(JsonParser p, String version,
                                                         PackageSummary.VersionFacts previous) throws IOException {
        Map<String, String> scripts = Map.of();
        boolean hasInstallScript = false;
        boolean gypfile = false;
        Optional<String> deprecated = Optional.empty();
        Optional<Packument.Person> npmUser = Optional.empty();
        Optional<Set<String>> maintainers = Optional.empty();
        boolean signed = false;
        boolean attested = false;
        Set<String> dependencies = Set.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "s" -> scripts = readMap(p);
                case "h" -> hasInstallScript = p.getBooleanValue();
                case "g" -> gypfile = p.getBooleanValue();
                case "d" -> deprecated = Optional.of(p.getText());
                case "u" -> npmUser = Optional.of(readPerson(p));
                case "m" -> maintainers = Optional.of(readSet(p));
                case "m=" -> maintainers = previous.maintainerKeys();
                case "sig" -> signed = p.getBooleanValue();
                case "att" -> attested = p.getBooleanValue();
                case "dep" -> dependencies = readSet(p);
                case "dep=" -> dependencies = previous.dependencyNames();
                default -> p.skipChildren();
            }
        }
        return new PackageSummary.VersionFacts(version, scripts, hasInstallScript, gypfile, deprecated, npmUser,
                maintainers, signed, attested, dependencies);
    }

    /** An array of strings as an immutable set, the parser on its START_ARRAY. */
    private static Set<String> readSet(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            values.add(p.getText());
        }
        return Set.copyOf(values);
    }

    /** The manifests of one package, each version one object under its key. */
    static byte[] encodeManifests(String registry, String name, Map<String, PackageSummary.Manifest> manifests)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeStringField("r", registry);
            g.writeStringField("name", name);
            g.writeObjectFieldStart("versions");
            for (PackageSummary.Manifest m : new TreeMap<>(manifests).values()) {
                g.writeObjectFieldStart(m.version());
                if (!m.name().equals(name)) {
                    g.writeStringField("n", m.name());
                }
                Optional<URI> tarball = m.dist().tarball();
                if (tarball.isEmpty()) {
                    g.writeBooleanField("notb", true);
                } else if (!tarball.get().toString().equals(usualTarball(registry, name, m.version()))) {
                    g.writeStringField("tb", tarball.get().toString());
                }
                if (m.dist().integrity().isPresent()) {
                    g.writeStringField("i", m.dist().integrity().get());
                }
                if (m.dist().shasum().isPresent()) {
                    g.writeStringField("sha", m.dist().shasum().get());
                }
                map(g, "s", m.installScripts());
                map(g, "dep", m.dependencies());
                map(g, "bin", m.bin());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * The manifest of {@code version}, reading no further than it: empty when the file does not list it or is not
     * a whole file of this format.
     */
    static Optional<PackageSummary.Manifest> decodeManifest(byte[] bytes, String version) {
        try (JsonParser p = MAPPER.getFactory().createParser(bytes)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            int format = -1;
            String registry = null;
            String name = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> format = p.getIntValue();
                    case "r" -> registry = p.getText();
                    case "name" -> name = p.getText();
                    case "versions" -> {
                        if (format != FORMAT || registry == null || name == null) {
                            return Optional.empty();
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            expect(p.nextToken(), JsonToken.START_OBJECT);
                            if (!key.equals(version)) {
                                p.skipChildren();
                                continue;
                            }
                            PackageSummary.Manifest manifest = readManifest(p, registry, name, version);
                            // only a whole file counts: a torn one might have lost fields of this version
                            return p.nextToken() == JsonToken.FIELD_NAME || p.currentToken() == JsonToken.END_OBJECT
                                    ? Optional.of(manifest) : Optional.empty();
                        }
                        return Optional.empty();
                    }
                    default -> p.skipChildren();
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static PackageSummary.Manifest readManifest(JsonParser p, String registry, String name, String version)
            throws IOException {
        String manifestName = name;
        boolean noTarball = false;
        String tarball = null;
        Optional<String> integrity = Optional.empty();
        Optional<String> shasum = Optional.empty();
        Map<String, String> scripts = Map.of();
        Map<String, String> deps = Map.of();
        Map<String, String> bin = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "n" -> manifestName = p.getText();
                case "notb" -> noTarball = p.getBooleanValue();
                case "tb" -> tarball = p.getText();
                case "i" -> integrity = Optional.of(p.getText());
                case "sha" -> shasum = Optional.of(p.getText());
                case "s" -> scripts = readMap(p);
                case "dep" -> deps = readMap(p);
                case "bin" -> bin = readMap(p);
                default -> p.skipChildren();
            }
        }
        Optional<URI> url = noTarball ? Optional.empty()
                : Optional.of(URI.create(tarball != null ? tarball : usualTarball(registry, name, version)));
        return new PackageSummary.Manifest(manifestName, version, new Packument.Dist(url, integrity, shasum), scripts,
                deps, bin);
    }

    /** npm's tarball URL: {@code <registry><name>/-/<name without scope>-<version>.tgz}. */
    static String usualTarball(String registry, String name, String version) {
        return (registry.endsWith("/") ? registry : registry + "/") + name + "/-/"
                + name.substring(name.indexOf('/') + 1) + "-" + version + ".tgz";
    }

    private static void person(JsonGenerator g, Packument.Person p) throws IOException {
        g.writeStartArray();
        g.writeString(p.name().orElse(null));
        g.writeString(p.email().orElse(null));
        g.writeEndArray();
    }

    /** A person array [name, email], the parser on its START_ARRAY. */
    private static Packument.Person readPerson(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        String[] parts = new String[2];
        for (int i = 0; i < 2; i++) {
            JsonToken t = p.nextToken();
            parts[i] = t == JsonToken.VALUE_STRING && !p.getText().isEmpty() ? p.getText() : null;
        }
        expect(p.nextToken(), JsonToken.END_ARRAY);
        return new Packument.Person(Optional.ofNullable(parts[0]), Optional.ofNullable(parts[1]));
    }

    private static Map<String, String> readMap(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        Map<String, String> out = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            expect(p.nextToken(), JsonToken.VALUE_STRING);
            out.put(key, p.getText());
        }
        return out;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }

    private static void map(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        if (map.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void flag(JsonGenerator g, String field, boolean value) throws IOException {
        if (value) {
            g.writeBooleanField(field, true);
        }
    }
}
