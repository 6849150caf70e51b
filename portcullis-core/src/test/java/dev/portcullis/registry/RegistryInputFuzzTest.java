package dev.portcullis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a registry sends and what .npmrc says are untrusted text: any packument JSON becomes a {@link Packument}
 * and any .npmrc a configuration, never an exception. Regression mode runs the seeds; {@code JAZZER_FUZZ=1}
 * fuzzes (one method at a time with -Dtest).
 */
class RegistryInputFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void anyPackumentJsonIsAPackument(FuzzedDataProvider data) {
        boolean abbreviated = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return; // the client refuses these before Packument sees them
        }
        if (tree == null || !tree.isObject()) {
            return;
        }
        Packument packument = Packument.from("requested", tree, abbreviated);
        assertThat(packument.name()).isNotNull();
        for (String version : packument.versions().keySet()) {
            assertThat(packument.version(version)).isPresent();
        }
        packument.distTags().forEach((tag, version) -> assertThat(tag).isNotNull());
    }

    @FuzzTest(maxDuration = "3m")
    void anyNpmrcIsAConfiguration(FuzzedDataProvider data) {
        Map<String, String> env = Map.of("HOME", "/home/u", "TOKEN", data.consumeString(40));
        String text = data.consumeRemainingAsString();
        Map<String, String> settings = new HashMap<>();
        NpmConfig.parse(text, env, settings);
        NpmConfig config = NpmConfig.fromSettings(settings, List.of());
        assertThat(config.registry()).isNotNull();
        config.registryFor("@scope/name");
        config.authorization(config.registry() + "name");
    }
}
