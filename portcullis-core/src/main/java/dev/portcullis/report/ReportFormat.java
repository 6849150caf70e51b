package dev.portcullis.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The output formats; each constant names its reporter and the reports it renders, the one place a format is
 * registered. A command offers the formats of its report ({@link #of}).
 */
public enum ReportFormat {
    TEXT(ScanReport.class, InspectReport.class, DiffReport.class, SbomReport.class, VerifyReport.class),
    JSON(ScanReport.class, InspectReport.class, DiffReport.class, VerifyReport.class),
    SARIF(ScanReport.class, InspectReport.class, DiffReport.class, VerifyReport.class),
    /** A pull-request comment: one table row per package, details collapsed. */
    MARKDOWN(DiffReport.class),
    /** CycloneDX 1.6 JSON. */
    CYCLONEDX(SbomReport.class),
    /** SPDX 2.3 JSON. */
    SPDX(SbomReport.class);

    private final Set<Class<? extends Report>> renders;

    @SafeVarargs
    ReportFormat(Class<? extends Report>... renders) {
        this.renders = Set.of(renders);
    }

    /** Whether this format renders reports of {@code kind}. */
    public boolean renders(Class<? extends Report> kind) {
        return renders.contains(kind);
    }

    /** The formats that render reports of {@code kind}, in declaration order (the first is the default). */
    public static List<ReportFormat> of(Class<? extends Report> kind) {
        return Arrays.stream(values()).filter(f -> f.renders(kind)).toList();
    }

    /**
     * The reporter of every {@link Report}; {@code colour} applies to text on a terminal only. Its output passes
     * through {@link dev.portcullis.model.Redaction}, whatever the format.
     */
    public Reporter reporter(boolean colour) {
        Reporter reporter = switch (this) {
            case TEXT -> new TextReporter(colour);
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter();
            case MARKDOWN -> new MarkdownReporter();
            case CYCLONEDX, SPDX -> new SbomReporter(this);
        };
        return (report, out) -> {
            if (!renders(report.getClass())) {
                throw new IllegalArgumentException("the " + id() + " format does not render a "
                        + report.getClass().getSimpleName() + " (it renders " + idsInWords(report.getClass()) + ")");
            }
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

    /** The ids of the formats of scan and inspect reports, in declaration order (the first is the default). */
    public static List<String> ids() {
        return ids(ScanReport.class);
    }

    /** The ids of the formats that render reports of {@code kind}, in declaration order. */
    public static List<String> ids(Class<? extends Report> kind) {
        return of(kind).stream().map(ReportFormat::id).toList();
    }

    /** The ids of scan's and inspect's formats as a sentence, "text, json or sarif", for help texts and errors. */
    public static String idsInWords() {
        return idsInWords(ScanReport.class);
    }

    /** The ids of the formats of {@code kind} as a sentence. */
    public static String idsInWords(Class<? extends Report> kind) {
        List<String> ids = ids(kind);
        return ids.size() == 1 ? ids.getFirst()
                : ids.subList(0, ids.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + ids.getLast();
    }

    /**
     * The format with this id, in any case ({@code SARIF} is {@code sarif}).
     *
     * @throws IllegalArgumentException naming the id and every known one
     */
    public static ReportFormat byId(String id) {
        return byId(id, ScanReport.class);
    }

    /** The format of reports of {@code kind} with this id, in any case; else as {@link #byId(String)}. */
    public static ReportFormat byId(String id, Class<? extends Report> kind) {
        for (ReportFormat format : of(kind)) {
            if (format.id().equalsIgnoreCase(id)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "' (expected " + idsInWords(kind) + ")");
    }
}
