package dev.portcullis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.model.InputException;
import java.util.Set;

/**
 * Any portcullis.yml is a policy or an {@link InputException} with the file and a reason, never another exception
 * (aliases and anchors included). Regression mode runs the seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class PolicyReaderFuzzTest {
    private static final PolicyReader READER = new PolicyReader(Set.of("content/credential-exfiltration",
            "lockfile/insecure-url", "meta/unmaintained"));

    @FuzzTest(maxDuration = "3m")
    void anyTextIsAPolicyOrAnInputError(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            Policy policy = READER.read("portcullis.yml", text);
            assertThat(policy).isNotNull();
        } catch (InputException e) {
            assertThat(e.location().file()).isEqualTo("portcullis.yml");
            assertThat(e.problem()).isNotBlank();
        }
    }
}
