package dev.portcullis.project;

import dev.portcullis.semver.Range;
import dev.portcullis.semver.RangeOptions;
import dev.portcullis.semver.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policy's {@code scripts.allow} entries: {@code name} (any version — discouraged), {@code name@1.2.3}, or
 * {@code name@range}. Scoped names keep their leading {@code @}.
 */
public record ScriptAllowlist(List<Entry> entries) {

    /** One allowance; {@code range} is null when every version is allowed. */
    public record Entry(String name, String spec, Range range) {
    }

    public ScriptAllowlist {
        entries = List.copyOf(entries);
    }

    /** Parses the entries; throws IllegalArgumentException naming an entry whose version range is invalid. */
    public static ScriptAllowlist of(List<String> raw) {
        List<Entry> entries = new ArrayList<>();
        for (String entry : raw) {
            entries.add(parse(entry));
        }
        return new ScriptAllowlist(entries);
    }

    public static Entry parse(String entry) {
        int at = entry.lastIndexOf('@');
        if (at <= 0) {
            return new Entry(entry, null, null);
        }
        String name = entry.substring(0, at);
        String spec = entry.substring(at + 1);
        Optional<Range> range = Range.parse(spec, RangeOptions.DEFAULT);
        if (range.isEmpty()) {
            throw new IllegalArgumentException("'" + entry + "' does not end in a valid version or range");
        }
        return new Entry(name, spec, range.get());
    }

    public boolean allows(String name, String version) {
        for (Entry entry : entries) {
            if (!entry.name().equals(name)) {
                continue;
            }
            if (entry.range() == null) {
                return true;
            }
            Optional<Version> parsed = Version.parse(version, true);
            if (parsed.isPresent() && entry.range().test(parsed.get())) {
                return true;
            }
        }
        return false;
    }
}
