package dev.portcullis.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.json.Json;
import dev.portcullis.semver.Version;

/**
 * Any JSON an advisory file holds becomes an npm record, another ecosystem's, or a malformed one with a reason —
 * never an exception — and whatever is stored round-trips through the database's text form of ranges. Regression
 * mode runs the seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class OsvParserFuzzTest {
    private static final OsvParser PARSER = new OsvParser(Json.mapper());

    @FuzzTest(maxDuration = "3m")
    void anyJsonIsARecordOrAReason(FuzzedDataProvider data) {
        String version = data.consumeString(20);
        String text = data.consumeRemainingAsString();
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return; // the importer counts these as "not JSON" before the parser sees them
        }
        switch (PARSER.parse(node, text)) {
            case OsvParser.Outcome.Npm npm -> {
                for (AffectedPackage p : npm.record().advisory().affected()) {
                    AffectedPackage stored = new AffectedPackage(p.name(),
                            RangeCodec.parseRanges(RangeCodec.ranges(p.ranges())),
                            RangeCodec.parseVersions(RangeCodec.versions(p.versions())));
                    Version.parse(version, true).ifPresent(v ->
                            assertThat(stored.affects(v)).isEqualTo(p.affects(v)));
                }
            }
            case OsvParser.Outcome.OtherEcosystem other -> assertThat(other.id()).isNotBlank();
            case OsvParser.Outcome.Malformed bad -> assertThat(bad.reason()).isNotBlank();
        }
    }
}
