package dev.portcullis.advisory;

import dev.portcullis.semver.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The database's text form of an affected entry's ranges ({@code introduced:0,fixed:1.2.3;introduced:2.0.0}) and
 * versions (space-separated). Semver versions never contain these separators; the form parses several times faster
 * than JSON, which is what loading 200,000 advisories costs.
 */
final class RangeCodec {
    private RangeCodec() {
    }

    static String ranges(List<OsvRange> ranges) {
        StringBuilder s = new StringBuilder();
        for (OsvRange range : ranges) {
            if (!s.isEmpty()) {
                s.append(';');
            }
            for (int k = 0; k < range.events().size(); k++) {
                OsvEvent event = range.events().get(k);
                s.append(k == 0 ? "" : ",").append(event.kind().key()).append(':').append(event.text());
            }
        }
        return s.toString();
    }

    static String versions(Set<String> versions) {
        return String.join(" ", versions);
    }

    static List<OsvRange> parseRanges(String text) {
        List<OsvRange> ranges = new ArrayList<>();
        if (text.isEmpty()) {
            return ranges;
        }
        for (String range : text.split(";")) {
            List<OsvEvent> events = new ArrayList<>();
            for (String event : range.split(",")) {
                int colon = event.indexOf(':');
                String key = event.substring(0, colon);
                String value = event.substring(colon + 1);
                OsvEvent.Kind kind = kind(key);
                events.add(new OsvEvent(kind, kind == OsvEvent.Kind.INTRODUCED && value.equals("0") ? null
                        : Version.parse(value, true).orElseThrow(() -> new IllegalStateException(
                                "stored range has an unparseable version '" + value + "'"))));
            }
            ranges.add(new OsvRange(events));
        }
        return ranges;
    }

    static Set<String> parseVersions(String text) {
        Set<String> versions = new LinkedHashSet<>();
        if (!text.isEmpty()) {
            versions.addAll(List.of(text.split(" ")));
        }
        return versions;
    }

    private static OsvEvent.Kind kind(String key) {
        for (OsvEvent.Kind kind : OsvEvent.Kind.values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        throw new IllegalStateException("stored range has an unknown event '" + key + "'");
    }
}
