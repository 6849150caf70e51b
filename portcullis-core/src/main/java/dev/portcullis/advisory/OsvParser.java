package dev.portcullis.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.model.Severity;
import dev.portcullis.semver.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one OSV record (https://ossf.github.io/osv-schema/) into an {@link OsvRecord}, keeping only its npm
 * {@code affected} entries. Pure: the importer does the I/O.
 */
public final class OsvParser {
    /** npm refuses longer package names, so no advisory can be about one (and the database's column is bounded). */
    static final int MAX_NAME_CHARS = 214;
    /** OSV ids are short (GHSA-xxxx-xxxx-xxxx, MAL-2025-12345); the database keeps up to this many characters. */
    static final int MAX_ID_CHARS = 255;
    /** The OSV ecosystem name of npm. */
    public static final String NPM = "npm";

    private final ObjectMapper mapper;

    public OsvParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What became of one record. */
    public sealed interface Outcome {
        /** An npm advisory. */
        record Npm(OsvRecord record) implements Outcome {
        }

        /** A valid record that names no npm package. */
        record OtherEcosystem(String id) implements Outcome {
        }

        /** A record that breaks the schema; {@code reason} says where. */
        record Malformed(String reason) implements Outcome {
        }
    }

    /** Not a record we can use; the message names the field. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    public Outcome parse(JsonNode node, String raw) {
        try {
            return parseOrThrow(node, raw);
        } catch (Bad e) {
            String id = node != null && node.path("id").isTextual() ? node.path("id").asText() + ": " : "";
            return new Outcome.Malformed(id + e.getMessage());
        }
    }

    private Outcome parseOrThrow(JsonNode node, String raw) throws Bad {
        if (node == null || !node.isObject()) {
            throw new Bad("not a JSON object");
        }
        String id = text(node, "id").filter(s -> !s.isBlank())
                .orElseThrow(() -> new Bad("no \"id\""));
        if (id.length() > MAX_ID_CHARS) {
            throw new Bad("an \"id\" of " + id.length() + " characters, more than " + MAX_ID_CHARS);
        }
        Instant modified = time(node, "modified").orElseThrow(() -> new Bad("no \"modified\" time"));
        Instant published = time(node, "published").orElse(null);
        Instant withdrawn = time(node, "withdrawn").orElse(null);
        List<String> aliases = strings(node, "aliases");
        JsonNode affectedNode = node.get("affected");
        if (affectedNode != null && !affectedNode.isArray() && !affectedNode.isNull()) {
            throw new Bad("\"affected\" is not an array");
        }
        List<AffectedPackage> affected = new ArrayList<>();
        if (affectedNode != null) {
            for (int k = 0; k < affectedNode.size(); k++) {
                affectedEntry(affectedNode.get(k), "affected[" + k + "]").ifPresent(affected::add);
            }
        }
        if (affected.isEmpty()) {
            return new Outcome.OtherEcosystem(id);
        }
        String summary = text(node, "summary").orElse(null);
        JsonNode severity = node.get("severity");
        JsonNode databaseSpecific = node.get("database_specific");
        boolean malware = isMalware(id, aliases, summary, databaseSpecific);
        Advisory advisory = new Advisory(id, modified, withdrawn, aliases, summary, rating(severity, databaseSpecific),
                malware, affected);
        return new Outcome.Npm(new OsvRecord(advisory, published, text(node, "details").orElse(null),
                json(severity), json(databaseSpecific), raw));
    }

    private Optional<AffectedPackage> affectedEntry(JsonNode entry, String where) throws Bad {
        if (entry == null || !entry.isObject()) {
            throw new Bad(where + " is not an object");
        }
        JsonNode pkg = entry.get("package");
        if (pkg == null || !pkg.isObject()) {
            // OSV allows affected entries without a package (e.g. GIT-only ranges); they name nothing on npm.
            return Optional.empty();
        }
        if (!NPM.equals(pkg.path("ecosystem").asText())) {
            return Optional.empty();
        }
        String name = text(pkg, "name").filter(s -> !s.isBlank())
                .orElseThrow(() -> new Bad(where + ".package has no \"name\""));
        if (name.length() > MAX_NAME_CHARS) {
            throw new Bad(where + ".package.name has " + name.length() + " characters, more than npm allows ("
                    + MAX_NAME_CHARS + ")");
        }
        List<OsvRange> ranges = new ArrayList<>();
        JsonNode rangesNode = entry.get("ranges");
        if (rangesNode != null && !rangesNode.isNull()) {
            if (!rangesNode.isArray()) {
                throw new Bad(where + ".ranges is not an array");
            }
            for (int r = 0; r < rangesNode.size(); r++) {
                range(rangesNode.get(r), where + ".ranges[" + r + "]").ifPresent(ranges::add);
            }
        }
        Set<String> versions = new LinkedHashSet<>();
        JsonNode versionsNode = entry.get("versions");
        if (versionsNode != null && !versionsNode.isNull()) {
            if (!versionsNode.isArray()) {
                throw new Bad(where + ".versions is not an array");
            }
            for (JsonNode v : versionsNode) {
                // A listed version npm cannot parse could never be installed; it matches nothing, so it is dropped.
                Version.parse(v.asText(), true).ifPresent(parsed -> versions.add(parsed.toString()));
            }
        }
        if (ranges.isEmpty() && versions.isEmpty()) {
            throw new Bad(where + " (" + name + ") has neither ranges nor versions");
        }
        return Optional.of(new AffectedPackage(name, ranges, versions));
    }

    private static Optional<OsvRange> range(JsonNode range, String where) throws Bad {
        if (range == null || !range.isObject()) {
            throw new Bad(where + " is not an object");
        }
        String type = range.path("type").asText();
        if (type.equals("GIT")) {
            return Optional.empty(); // commit hashes say nothing about published npm versions
        }
        if (!type.equals("SEMVER") && !type.equals("ECOSYSTEM")) {
            throw new Bad(where + " has unknown type '" + type + "'");
        }
        JsonNode events = range.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new Bad(where + " has no events");
        }
        List<OsvEvent> parsed = new ArrayList<>();
        boolean introduced = false;
        for (int e = 0; e < events.size(); e++) {
            JsonNode event = events.get(e);
            OsvEvent one = event(event, where + ".events[" + e + "]");
            introduced |= one.kind() == OsvEvent.Kind.INTRODUCED;
            parsed.add(one);
        }
        if (!introduced) {
            throw new Bad(where + " has no 'introduced' event");
        }
        return Optional.of(new OsvRange(parsed));
    }

    private static OsvEvent event(JsonNode event, String where) throws Bad {
        if (event == null || !event.isObject() || event.size() != 1) {
            throw new Bad(where + " must be an object with exactly one key");
        }
        String key = event.fieldNames().next();
        for (OsvEvent.Kind kind : OsvEvent.Kind.values()) {
            if (kind.key().equals(key)) {
                String value = event.get(key).asText();
                if (kind == OsvEvent.Kind.INTRODUCED && value.equals("0")) {
                    return new OsvEvent(kind, null);
                }
                Version version = Version.parse(value, true)
                        .orElseThrow(() -> new Bad(where + ": '" + value + "' is not a semver version"));
                return new OsvEvent(kind, version);
            }
        }
        throw new Bad(where + " has unknown event '" + key + "'");
    }

    /**
     * Malware: OpenSSF malicious-packages ids (MAL-…, also as aliases), their origins block, GitHub's malware
     * advisories (CWE-506 "Embedded Malicious Code", or a summary that says malware).
     */
    static boolean isMalware(String id, List<String> aliases, String summary, JsonNode databaseSpecific) {
        if (id.startsWith("MAL-") || aliases.stream().anyMatch(a -> a.startsWith("MAL-"))) {
            return true;
        }
        if (databaseSpecific != null && databaseSpecific.has("malicious-packages-origins")) {
            return true;
        }
        if (databaseSpecific != null) {
            for (JsonNode cwe : databaseSpecific.path("cwe_ids")) {
                if (cwe.asText().equals("CWE-506")) {
                    return true;
                }
            }
        }
        return mentionsMalware(summary);
    }

    private static final java.util.regex.Pattern MALWARE_WORDS = java.util.regex.Pattern.compile(
            "\\bmalware\\b|\\bmalicious (code|package|version)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** GitHub titles malware advisories "Malware in x" or "Embedded malware in x"; OpenSSF "Malicious code in x". */
    public static boolean mentionsMalware(String title) {
        return title != null && MALWARE_WORDS.matcher(title).find();
    }

    /** GitHub's rating when present (it is what npm audit shows), else the highest CVSS v3 score stated. */
    static Severity rating(JsonNode severity, JsonNode databaseSpecific) {
        if (databaseSpecific != null) {
            String stated = databaseSpecific.path("severity").asText("").toUpperCase(Locale.ROOT);
            switch (stated) {
                case "CRITICAL" -> {
                    return Severity.CRITICAL;
                }
                case "HIGH" -> {
                    return Severity.HIGH;
                }
                case "MODERATE", "MEDIUM" -> {
                    return Severity.MEDIUM;
                }
                case "LOW" -> {
                    return Severity.LOW;
                }
                default -> {
                }
            }
        }
        Severity best = null;
        if (severity != null && severity.isArray()) {
            for (JsonNode s : severity) {
                Optional<Double> score = Cvss.baseScore(s.path("score").asText(null));
                if (score.isPresent()) {
                    Severity rated = Cvss.rating(score.get());
                    if (best == null || rated.atLeast(best)) {
                        best = rated;
                    }
                }
            }
        }
        return best;
    }

    private static Optional<String> text(JsonNode node, String field) throws Bad {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new Bad("\"" + field + "\" is not a string");
        }
        return Optional.of(value.asText());
    }

    private static Optional<Instant> time(JsonNode node, String field) throws Bad {
        Optional<String> text = text(node, field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw new Bad("\"" + field + "\" is not an RFC 3339 time: '" + text.get() + "'");
        }
    }

    private static List<String> strings(JsonNode node, String field) throws Bad {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new Bad("\"" + field + "\" is not an array");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            out.add(item.asText());
        }
        return out;
    }

    private String json(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serialises", e);
        }
    }
}
