package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void drawsInPlace_alwaysTheLastUpdate_andClearsAtTheEnd() {
        StringWriter err = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(err));
        progress.update(0, 3, 0);
        progress.update(1, 3, 1_000_000); // within the redraw interval: usually skipped
        progress.update(3, 3, 2_500_000); // the last one is always drawn
        progress.finish();
        assertThat(err.toString()).startsWith("\rinspecting packages 0/3, 0.0 MB")
                .endsWith("\rinspecting packages 3/3, 2.5 MB\r\u001b[2K").doesNotContain("\n");
    }

    @Test
    void nothingDrawnNothingCleared() {
        StringWriter err = new StringWriter();
        new ProgressLine(new PrintWriter(err)).finish();
        assertThat(err.toString()).isEmpty();
    }
}
