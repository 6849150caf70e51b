package dev.portcullis.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Each limit of {@link YamlLimits} reaches the parser. */
class YamlTest {
    private static Object load(YamlLimits limits, String yaml) {
        return new Load(Yaml.settings("test.yml", limits)).loadFromString(yaml);
    }

    @Test
    void configurationRefusesARepeatedKeyDataKeepsTheLast() {
        assertThatThrownBy(() -> load(YamlLimits.configuration(1_000), "a: 1\na: 2\n"))
                .isInstanceOf(YamlEngineException.class).hasMessageContaining("duplicate key a");
        assertThat(load(new YamlLimits(1_000, 0, true), "a: 1\na: 2\n")).isEqualTo(Map.of("a", 2));
    }

    @Test
    void refusesAliasesBeyondTheLimit() {
        String yaml = "x: &x [1]\ny: [*x, *x, *x]\n";
        assertThatThrownBy(() -> load(new YamlLimits(1_000, 2, false), yaml))
                .isInstanceOf(YamlEngineException.class).hasMessageContaining("aliases");
        assertThat(load(new YamlLimits(1_000, 3, false), yaml)).isInstanceOf(Map.class);
    }

    @Test
    void stopsAtTheSizeLimitAndKeepsTheLabel() {
        String big = "k: " + "v".repeat(5_000) + "\n";
        assertThatThrownBy(() -> load(new YamlLimits(1_000, 0, false), big))
                .isInstanceOf(YamlEngineException.class).hasMessageContaining("exceeds the limit: 1000 code points");
        assertThat(Yaml.settings("test.yml", YamlLimits.configuration(10)).getLabel()).isEqualTo("test.yml");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, -1"})
    void refusesLimitsThatLimitNothing(int maxCodePoints, int maxAliases) {
        assertThatThrownBy(() -> new YamlLimits(maxCodePoints, maxAliases, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
