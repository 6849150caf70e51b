package dev.portcullis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"30m, PT30M", "72h, PT72H", "7d, PT168H", "2w, PT336H", "3y, PT26280H", " 3d , PT72H", "0d, PT0S"})
    void parsesOneNumberAndOneUnit(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "d", "3 days", "1.5d", "-1d", "3M", "7d12h", "99999999999d"})
    void rejectsAnythingElseSayingWhatIsAccepted(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("72h, 7d, 2y");
    }

    @ParameterizedTest
    @CsvSource({"PT72H, 3d", "PT30M, 30m", "PT5H, 5h", "PT26280H, 3y"})
    void formatsTheShortestExactSpelling(String duration, String text) {
        assertThat(Durations.format(Duration.parse(duration))).isEqualTo(text);
    }
}
