package dev.portcullis.yaml;

import java.util.Objects;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The one place snakeyaml-engine's settings are built, so every reader of YAML (lockfiles, policy, rules, CI files)
 * states its {@link YamlLimits} and none forgets one.
 */
public final class Yaml {
    private Yaml() {
    }

    /**
     * Settings for one document.
     *
     * @param label the file name, which the parser's error messages quote
     */
    public static LoadSettings settings(String label, YamlLimits limits) {
        Objects.requireNonNull(label, "label");
        return LoadSettings.builder()
                .setLabel(label)
                .setCodePointLimit(limits.maxCodePoints())
                .setMaxAliasesForCollections(limits.maxAliases())
                .setAllowDuplicateKeys(limits.duplicateKeys())
                .setUseMarks(true)
                .build();
    }
}
