package dev.portcullis.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The store's file format for one package: compact JSON (short keys, times as epoch milliseconds, false flags and
 * empty maps left out, the tarball URL only where it is not npm's usual {@code <name>/-/<base>-<version>.tgz}
 * under the registry). Written and read with Jackson's streaming API: a warm scan reads thousands of these, and a
 * tree per file would cost as much again as the reading.
 */
final class SummaryCodec {
    /** Bumped when the layout changes; an entry of another format reads as absent and is fetched again. */
    static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = Json.mapper();

    private SummaryCodec() {
    }

    /** A stored entry: the summary, or the registry's 404 (the package is gone), and when that was learnt. */
    record Entry(Instant fetched, Optional<PackageSummary> summary) {
    }

    static byte[] encode(String registry, Entry entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeNumberField("fetched", entry.fetched().toEpochMilli());
            g.writeStringField("r", registry);
            if (entry.summary().isEmpty()) {
                g.writeBooleanField("missing", true);
            } else {
                summary(g, registry, entry.summary().get());
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void summary(JsonGenerator g, String registry, PackageSummary s) throws IOException {
        g.writeStringField("name", s.name());
        flag(g, "abbreviated", s.abbreviated());
        map(g, "tags", s.distTags());
        s.time().created().ifPresent(t -> number(g, "created", t));
        s.time().modified().ifPresent(t -> number(g, "modified", t));
        g.writeObjectFieldStart("time");
        for (Map.Entry<String, Instant> e : s.time().published().entrySet()) {
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
        for (PackageSummary.VersionFacts v : new TreeMap<>(s.versions()).values()) {
            g.writeObjectFieldStart(v.version());
            if (!v.name().equals(s.name())) {
                g.writeStringField("n", v.name());
            }
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
            if (v.maintainerKeys().isPresent()) {
                g.writeArrayFieldStart("m");
                for (String key : new TreeSet<>(v.maintainerKeys().get())) {
                    g.writeString(key);
                }
                g.writeEndArray();
            }
            flag(g, "sig", v.signed());
            flag(g, "att", v.attested());
            Optional<URI> tarball = v.dist().tarball();
            if (tarball.isPresent() && !tarball.get().toString().equals(usualTarball(registry, s.name(), v.version()))) {
                g.writeStringField("tb", tarball.get().toString());
            } else if (tarball.isEmpty()) {
                g.writeBooleanField("notb", true);
            }
            if (v.dist().integrity().isPresent()) {
                g.writeStringField("i", v.dist().integrity().get());
            }
            if (v.dist().shasum().isPresent()) {
                g.writeStringField("sha", v.dist().shasum().get());
            }
            map(g, "dep", v.dependencies());
            map(g, "bin", v.bin());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** The entry, or empty when the bytes are not a whole entry of this format (a damaged file is fetched again). */
    static Optional<Entry> decode(byte[] bytes) {
        try (JsonParser p = MAPPER.getFactory().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            int format = -1;
            Instant fetched = null;
            String registry = "";
            boolean missing = false;
            String name = null;
            boolean abbreviated = false;
            Map<String, String> tags = Map.of();
            Optional<Instant> created = Optional.empty();
            Optional<Instant> modified = Optional.empty();
            Map<String, Instant> published = new TreeMap<>();
            Optional<List<Packument.Person>> maintainers = Optional.empty();
            List<JsonNode> versionNodes = new ArrayList<>();
            List<String> versionKeys = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> format = p.getIntValue();
                    case "fetched" -> fetched = Instant.ofEpochMilli(p.getLongValue());
                    case "r" -> registry = p.getText();
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
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            versionKeys.add(p.currentName());
                            p.nextToken();
                            versionNodes.add(MAPPER.readTree(p));
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
            Map<String, PackageSummary.VersionFacts> versions = new TreeMap<>();
            for (int i = 0; i < versionKeys.size(); i++) {
                versions.put(versionKeys.get(i), facts(registry, name, versionKeys.get(i), versionNodes.get(i)));
            }
            return Optional.of(new Entry(fetched, Optional.of(new PackageSummary(name, tags, versions, abbreviated,
                    new Packument.Times(created, modified, published), maintainers, fetched))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static PackageSummary.VersionFacts facts(String registry, String name, String version, JsonNode v) {
        Optional<URI> tarball = v.path("notb").asBoolean(false) ? Optional.empty()
                : Optional.of(URI.create(v.has("tb") ? v.get("tb").asText() : usualTarball(registry, name, version)));
        Optional<Set<String>> maintainers = Optional.empty();
        if (v.path("m").isArray()) {
            Set<String> keys = new TreeSet<>();
            v.get("m").forEach(k -> keys.add(k.asText()));
            maintainers = Optional.of(keys);
        }
        return new PackageSummary.VersionFacts(v.has("n") ? v.get("n").asText() : name, version,
                Packument.strings(v.path("s")), v.path("h").asBoolean(false), v.path("g").asBoolean(false),
                v.has("d") ? Optional.of(v.get("d").asText()) : Optional.empty(),
                v.path("u").isArray() ? Optional.of(person(v.get("u"))) : Optional.empty(), maintainers,
                v.path("sig").asBoolean(false), v.path("att").asBoolean(false),
                new Packument.Dist(tarball, Packument.text(v.path("i")), Packument.text(v.path("sha"))),
                Packument.strings(v.path("dep")), Packument.strings(v.path("bin")));
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

    private static Packument.Person person(JsonNode node) {
        return new Packument.Person(Packument.text(node.path(0)), Packument.text(node.path(1)));
    }

    /** A person array [name, email], the parser on its START_ARRAY. */
    private static Packument.Person readPerson(JsonParser p) throws IOException {
        return person(MAPPER.readTree(p));
    }

    private static Map<String, String> readMap(JsonParser p) throws IOException {
        Map<String, String> out = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            out.put(key, p.getText());
        }
        return out;
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

    private static void number(JsonGenerator g, String field, Instant t) {
        try {
            g.writeNumberField(field, t.toEpochMilli());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
