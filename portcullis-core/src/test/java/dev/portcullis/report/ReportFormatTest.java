package dev.portcullis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @ParameterizedTest
    @CsvSource({"text, TEXT", "json, JSON", "sarif, SARIF", "TEXT, TEXT", "Json, JSON", "SARIF, SARIF"})
    void findsEachFormatByItsId_inAnyCase(String id, ReportFormat expected) {
        assertThat(ReportFormat.byId(id)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "html", " sarif", "jsonl"})
    void refusesAnUnknownIdNamingEveryKnownOne(String id) {
        assertThatThrownBy(() -> ReportFormat.byId(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format '" + id + "' (expected text, json or sarif)");
    }

    @Test
    void idsComeFromTheConstantsInOrder() {
        assertThat(ReportFormat.ids()).containsExactly("text", "json", "sarif");
        assertThat(ReportFormat.idsInWords()).isEqualTo("text, json or sarif");
        assertThat(ReportFormat.SARIF).hasToString("sarif");
    }
}
