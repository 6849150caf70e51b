package dev.portcullis.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.model.Problems;
import dev.portcullis.model.Severity;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryException;
import dev.portcullis.semver.Range;
import dev.portcullis.semver.RangeOptions;
import dev.portcullis.semver.Version;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry's bulk advisory endpoint, the one {@code npm audit} uses: {@code POST
 * /-/npm/v1/security/advisories/bulk} with {@code {"name": ["1.0.0", …]}} (gzip), answering
 * {@code {"name": [{id, url, title, severity, vulnerable_versions, cwe, cvss}]}}. Each answered advisory is
 * tested against each asked version with node-semver, as npm does. Many mirrors do not offer the endpoint (404 or
 * 405); then the answer says so and the caller uses the local database.
 */
public final class BulkAdvisorySource {
    public static final String PATH = "/-/npm/v1/security/advisories/bulk";
    private static final Pattern GHSA = Pattern.compile("GHSA(-[23456789cfghjmpqrvwx]{4}){3}");
    private static final Pattern UPPER_BOUND = Pattern.compile("<\\s*v?(\\d[^\\s<>=|]*)\\s*$");

    private final RegistryClient client;
    private final String registry;
    private final ObjectMapper mapper;

    /** @param registry the registry to ask (npm asks its default registry) */
    public BulkAdvisorySource(RegistryClient client, String registry, ObjectMapper mapper) {
        this.client = client;
        this.registry = registry;
        this.mapper = mapper;
    }

    /** What the endpoint said. */
    public sealed interface Answer {
        /** The matches by package name and version ({@code name@version}). */
        record Matches(Map<String, List<AdvisoryMatch>> byPackage, int advisories) implements Answer {
        }

        /** The endpoint could not be used; {@code reason} is one sentence for the report. */
        record Unavailable(String reason) implements Answer {
        }

        /** The registry has no such endpoint (it answered 404 or 405); {@code reason} says so for the report. */
        record Absent(String reason) implements Answer {
        }
    }

    /** Asks about {@code versionsByName}; never throws for an endpoint that is missing, down or malformed. */
    public Answer query(Map<String, Set<String>> versionsByName) {
        ObjectNode body = mapper.createObjectNode();
        new TreeMap<>(versionsByName).forEach((name, versions) -> {
            var array = body.putArray(name);
            versions.stream().sorted().forEach(array::add);
        });
        RegistryClient.Answer answer;
        try {
            answer = client.postJson(registry, PATH, mapper.writeValueAsBytes(body));
        } catch (RegistryException e) {
            return new Answer.Unavailable("the bulk advisory endpoint of " + registry + " could not be reached ("
                    + Problems.describe(e) + ")");
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        if (answer.status() == 404 || answer.status() == 405) {
            return new Answer.Absent("registry " + registry + " has no bulk advisory endpoint (it answered "
                    + answer.status() + ")");
        }
        if (answer.status() != 200) {
            return new Answer.Unavailable("the bulk advisory endpoint of " + registry + " answered "
                    + answer.status());
        }
        return read(answer.body(), versionsByName);
    }

    /** The matches in a 200 answer's body, or why it is unusable; never throws (a fuzz target). */
    Answer read(byte[] body, Map<String, Set<String>> versionsByName) {
        try {
            return parse(mapper.readTree(body), versionsByName);
        } catch (IOException e) {
            return new Answer.Unavailable("the bulk advisory endpoint of " + registry + " answered malformed JSON ("
                    + Problems.describe(e).lines().findFirst().orElse("") + ")");
        }
    }

    private Answer parse(JsonNode tree, Map<String, Set<String>> asked) {
        if (tree == null || !tree.isObject()) {
            return new Answer.Unavailable("the bulk advisory endpoint of " + registry + " answered no JSON object");
        }
        Map<String, List<AdvisoryMatch>> byPackage = new TreeMap<>();
        int advisories = 0;
        for (Map.Entry<String, JsonNode> entry : tree.properties()) {
            String name = entry.getKey();
            Set<String> versions = asked.getOrDefault(name, Set.of());
            for (JsonNode advisory : entry.getValue()) {
                advisories++;
                String vulnerable = advisory.path("vulnerable_versions").asText("");
                Optional<Range> range = Range.parse(vulnerable, RangeOptions.DEFAULT);
                if (range.isEmpty()) {
                    continue; // npm skips what it cannot parse as well
                }
                for (String version : versions) {
                    Optional<Version> parsed = Version.parse(version, true);
                    if (parsed.isPresent() && range.get().test(parsed.get())) {
                        byPackage.computeIfAbsent(name + "@" + version, k -> new ArrayList<>())
                                .add(match(name, version, parsed.get(), advisory, vulnerable));
                    }
                }
            }
        }
        return new Answer.Matches(byPackage, advisories);
    }

    private static AdvisoryMatch match(String name, String version, Version parsed, JsonNode advisory,
                                       String vulnerable) {
        String url = advisory.path("url").asText(null);
        Matcher ghsa = url == null ? null : GHSA.matcher(url);
        String id = ghsa != null && ghsa.find() ? ghsa.group() : "npm-" + advisory.path("id").asText("?");
        String title = advisory.path("title").asText("");
        boolean malware = OsvParser.mentionsMalware(title);
        for (JsonNode cwe : advisory.path("cwe")) {
            malware |= cwe.asText().equals("CWE-506");
        }
        return new AdvisoryMatch(name, version, id, List.of(), title, url,
                rating(advisory.path("severity").asText("")), malware, fixedIn(vulnerable, parsed), null);
    }

    /** The exclusive upper bound of the comparator set holding the version: {@code <4.17.21} → 4.17.21. */
    static String fixedIn(String vulnerable, Version version) {
        for (String set : vulnerable.split("\\|\\|")) {
            Optional<Range> one = Range.parse(set.trim(), RangeOptions.DEFAULT);
            if (one.isPresent() && one.get().test(version)) {
                Matcher m = UPPER_BOUND.matcher(set.trim());
                return m.find() ? m.group(1) : null;
            }
        }
        return null;
    }

    private static Severity rating(String severity) {
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "critical" -> Severity.CRITICAL;
            case "high" -> Severity.HIGH;
            case "moderate", "medium" -> Severity.MEDIUM;
            case "low" -> Severity.LOW;
            case "info" -> Severity.INFO;
            default -> null;
        };
    }
}
