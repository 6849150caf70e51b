package dev.portcullis.report;

import java.util.Locale;

/** The output formats; each constant names its reporter, the one place a format is registered. */
public enum ReportFormat {
    TEXT,
    JSON,
    SARIF;

    /** The reporter; {@code colour} applies to text on a terminal only. */
    public Reporter reporter(boolean colour) {
        return switch (this) {
            case TEXT -> new TextReporter(colour);
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter();
        };
    }

    /** The reporter of {@code portcullis inspect} in this format; {@code colour} as for {@link #reporter}. */
    public InspectReporter inspectReporter(boolean colour) {
        return switch (this) {
            case TEXT -> new InspectTextReporter(colour);
            case JSON -> new InspectJsonReporter();
            case SARIF -> new InspectSarifReporter();
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
