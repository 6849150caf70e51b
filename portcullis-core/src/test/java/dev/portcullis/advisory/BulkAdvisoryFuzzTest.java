package dev.portcullis.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.json.Json;
import java.util.Map;
import java.util.Set;

/**
 * Any body a registry answers to the bulk advisory request is matches or a reason, never an exception. Regression
 * mode runs the seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class BulkAdvisoryFuzzTest {
    private static final BulkAdvisorySource SOURCE = new BulkAdvisorySource(null, "https://registry.example/",
            Json.mapper());

    @FuzzTest(maxDuration = "3m")
    void anyAnswerIsMatchesOrAReason(FuzzedDataProvider data) {
        String name = data.consumeString(30);
        String version = data.consumeString(20);
        byte[] body = data.consumeRemainingAsBytes();
        switch (SOURCE.read(body, Map.of(name, Set.of(version), "lodash", Set.of("4.17.20")))) {
            case BulkAdvisorySource.Answer.Matches matches -> {
                assertThat(matches.advisories()).isNotNegative();
                matches.byPackage().forEach((id, found) -> assertThat(found).isNotEmpty()
                        .allSatisfy(m -> assertThat(m.id()).isNotBlank()));
            }
            case BulkAdvisorySource.Answer.Unavailable unavailable ->
                    assertThat(unavailable.reason()).isNotBlank().startsWith("the bulk advisory endpoint of ");
            case BulkAdvisorySource.Answer.Absent absent ->
                    throw new AssertionError("a body read is never the 404 of a missing endpoint: " + absent);
        }
    }
}
