package dev.portcullis.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.yaml.YamlLimits;
import java.util.List;

/**
 * CI YAML whose commands hide in trees of anchors and aliases: the extractor never throws and never produces more
 * than the expansion bound (or, past it, one snippet per line). Regression mode runs the seeds;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class CiAliasFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void aliasTreesExpandWithinTheBound(FuzzedDataProvider data) {
        int anchors = data.consumeInt(1, 40);
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < anchors; i++) {
            yaml.append('x').append(i).append(": &a").append(i).append(" [");
            int items = data.consumeInt(0, 30);
            for (int j = 0; j < items; j++) {
                if (j > 0) {
                    yaml.append(", ");
                }
                if (i > 0 && data.consumeBoolean()) {
                    yaml.append("*a").append(data.consumeInt(0, i - 1));
                } else {
                    yaml.append('"').append(data.consumeAsciiString(40).replaceAll("[\"\\\\\\p{Cntrl}]", " "))
                            .append('"');
                }
            }
            yaml.append("]\n");
        }
        yaml.append("job:\n  script: [*a").append(anchors - 1).append(", ")
                .append(data.consumeBoolean() ? "*a0" : "\"npm ci\"").append("]\n");
        String text = yaml.toString();

        List<ShellSnippet> snippets = CiExtractor.yaml(text, CiExtractor.GITLAB_KEYS, 1 << 20);

        long lines = text.lines().count();
        assertThat((long) snippets.size()).isLessThanOrEqualTo(Math.max(lines, YamlLimits.DEFAULT_EXPANDED_VALUES));
    }
}
