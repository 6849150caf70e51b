package dev.portcullis.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats; each constant names its reporter, the one place a format is registered. */
public enum ReportFormat {
    TEXT,
    JSON,
    SARIF;

    /**
     * The reporter of every {@link Report}; {@code colour} applies to text on a terminal only. Its output passes
     * through {@link dev.portcullis.model.Redaction}, whatever the format.
     */
    public Reporter reporter(boolean colour) {
        Reporter reporter = switch (this) {
            case TEXT -> new TextReporter(colour);
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter();
        };
        return (report, out) -> {
            RedactingWriter redacted = new RedactingWriter(out);
            reporter.write(report, redacted);
            redacted.finish();
        };
    }

    /** The id users type after {@code --format}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The id, so that help texts showing a default ("${DEFAULT-VALUE}" in picocli) show what users type. */
    @Override
    public String toString() {
        return id();
    }

    /** Every id, in declaration order (the first is the default). */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ReportFormat::id).toList();
    }

    /** The ids as a sentence, "text, json or sarif", for help texts and errors. */
    public static String idsInWords() {
        List<String> ids = ids();
        return ids.size() == 1 ? ids.getFirst()
                : ids.subList(0, ids.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + ids.getLast();
    }

    /**
     * The format with this id, in any case ({@code SARIF} is {@code sarif}).
     *
     * @throws IllegalArgumentException naming the id and every known one
     */
    public static ReportFormat byId(String id) {
        for (ReportFormat format : values()) {
            if (format.id().equalsIgnoreCase(id)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "' (expected " + idsInWords() + ")");
    }
}
