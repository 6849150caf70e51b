package dev.portcullis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.json.Json;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The SARIF 2.1.0 shapes every report's SARIF shares: tool, rule catalogue, locations, levels, fingerprints. */
final class Sarif {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final ObjectMapper MAPPER = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Sarif() {
    }

    record Text(String text) {
    }

    record Configuration(String level) {
    }

    record RuleProperties(@JsonProperty("security-severity") String securitySeverity, List<String> tags) {
    }

    @JsonPropertyOrder({"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration",
            "properties"})
    record Rule(String id, String name, Text shortDescription, Text fullDescription, Text help,
                Configuration defaultConfiguration, RuleProperties properties) {
    }

    @JsonPropertyOrder({"name", "version", "informationUri", "rules"})
    record Driver(String name, String version, String informationUri, List<Rule> rules) {
    }

    record Tool(Driver driver) {
    }

    record ArtifactLocation(String uri) {
    }

    record Region(Integer startLine) {
    }

    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    record SarifLocation(PhysicalLocation physicalLocation) {
    }

    /** The catalogue as tool.driver.rules, and where each rule stands in it (a result's ruleIndex). */
    record Rules(List<Rule> list, Map<String, Integer> index) {
        static Rules of(List<RuleDescriptor> catalogue) {
            List<Rule> list = new ArrayList<>(catalogue.size());
            Map<String, Integer> index = new HashMap<>();
            for (RuleDescriptor rule : catalogue) {
                index.put(rule.id(), list.size());
                list.add(rule(rule));
            }
            return new Rules(List.copyOf(list), Map.copyOf(index));
        }

        /** The index of {@code rule}; a finding of a rule the catalogue lacks is a defect, not input. */
        int indexOf(RuleDescriptor rule) {
            Integer at = index.get(rule.id());
            if (at == null) {
                throw new IllegalStateException("finding of a rule missing from the catalogue: " + rule.id());
            }
            return at;
        }
    }

    /** One catalogue rule as SARIF describes it . */
    static Rule rule(RuleDescriptor rule) {
        return new Rule(rule.id(), rule.title(), new Text(rule.title()), new Text(rule.why()),
                new Text(rule.why() + "\n\nHow to fix: " + rule.howToFix()),
                new Configuration(level(rule.defaultSeverity())),
                new RuleProperties(securitySeverity(rule.defaultSeverity()), List.of("security", "supply-chain",
                        rule.group())));
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub code scanning ranks security results by this 0–10 score. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    /** The first 128 bits of SHA-256 over {@code key}, hex: a partial fingerprint code-scanning UIs match on. */
    static String fingerprint(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
