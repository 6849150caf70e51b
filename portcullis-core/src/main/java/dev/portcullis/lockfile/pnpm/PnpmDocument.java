package dev.portcullis.lockfile.pnpm;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.events.Event;

/**
 * The parts of one pnpm-lock.yaml that make the graph, read in one pass over the YAML events. Everything
 * else ({@code settings}, {@code overrides}, {@code time}, {@code catalogs} …) is skipped without being kept.
 * When the stream holds several documents (pnpm 10 puts its own env lockfile first), the last one is the
 * project's lockfile. A key given twice keeps its last value, as the clients' YAML parser does.
 *
 * @param lockfileVersion as written, or null when absent
 * @param importers {@code importers:} by path; for a 5.x/6.x project without workspaces, the top-level
 *                  {@code specifiers}/{@code dependencies}… as the root importer
 */
record PnpmDocument(String lockfileVersion, int versionLine, Map<String, YMap> importers,
                    Map<String, PnpmEntry> packages, Map<String, PnpmEntry> snapshots) {

    static PnpmDocument read(String file, InputStream in, PnpmLimits limits) throws InputException {
        YamlEvents yaml = new YamlEvents(file, in, limits);
        Event event = yaml.next();
        if (event.getEventId() != Event.ID.StreamStart) {
            throw yaml.unexpected(event);
        }
        PnpmDocument last = empty();
        for (event = yaml.next(); event.getEventId() != Event.ID.StreamEnd; event = yaml.next()) {
            if (event.getEventId() != Event.ID.DocumentStart) {
                throw yaml.unexpected(event);
            }
            last = document(yaml);
        }
        return last;
    }

    private static PnpmDocument empty() {
        return new PnpmDocument(null, 0, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private static PnpmDocument document(YamlEvents yaml) throws InputException {
        Event event = yaml.next();
        if (event.getEventId() == Event.ID.DocumentEnd) {
            return empty();
        }
        if (event.getEventId() != Event.ID.MappingStart) {
            throw new InputException(yaml.location(event),
                    "expected a mapping with lockfileVersion at the top of pnpm-lock.yaml, found " + YamlEvents.describe(event));
        }
        String version = null;
        int versionLine = 0;
        Map<String, YMap> importers = new LinkedHashMap<>();
        YMap topLevelRoot = new YMap(yaml.file(), YamlEvents.line(event));
        Map<String, PnpmEntry> packages = new LinkedHashMap<>();
        Map<String, PnpmEntry> snapshots = new LinkedHashMap<>();
        for (event = yaml.next(); event.getEventId() != Event.ID.MappingEnd; event = yaml.next()) {
            String key = yaml.key(event);
            int keyLine = YamlEvents.line(event);
            Event value = yaml.next();
            switch (key) {
                case "lockfileVersion" -> {
                    if (!(yaml.value(value) instanceof String text)) {
                        throw new InputException(new Location(yaml.file(), keyLine), "expected a version for lockfileVersion");
                    }
                    version = text;
                    versionLine = keyLine;
                }
                case "importers" -> {
                    importers.clear();
                    readEntries(yaml, value, "importers", (path, map) -> importers.put(path, map));
                }
                case "specifiers", "dependencies", "devDependencies", "optionalDependencies" ->
                        topLevelRoot.put(key, keyLine, yaml.value(value));
                case "packages" -> {
                    packages.clear();
                    readEntries(yaml, value, "packages", (k, map) -> packages.put(k, PnpmEntry.of(k, map)));
                }
                case "snapshots" -> {
                    snapshots.clear();
                    readEntries(yaml, value, "snapshots", (k, map) -> snapshots.put(k, PnpmEntry.of(k, map)));
                }
                default -> yaml.skip(value);
            }
        }
        Event end = yaml.next();
        if (end.getEventId() != Event.ID.DocumentEnd) {
            throw yaml.unexpected(end);
        }
        if (importers.isEmpty() && !topLevelRoot.keys().isEmpty()) {
            importers.put(".", topLevelRoot);
        }
        return new PnpmDocument(version, versionLine, importers, packages, snapshots);
    }

    private interface EntrySink {
        void accept(String key, YMap entry) throws InputException;
    }

    /** A mapping of key to entry mapping, read and handed over one entry at a time. */
    private static void readEntries(YamlEvents yaml, Event start, String section, EntrySink sink) throws InputException {
        if (start.getEventId() == Event.ID.Scalar && yaml.value(start) == null) {
            return;
        }
        if (start.getEventId() != Event.ID.MappingStart) {
            throw new InputException(yaml.location(start), "expected a mapping for " + section + ":, found " + YamlEvents.describe(start));
        }
        for (Event event = yaml.next(); event.getEventId() != Event.ID.MappingEnd; event = yaml.next()) {
            String key = yaml.key(event);
            Event value = yaml.next();
            Object entry = yaml.value(value, YamlEvents.line(event));
            if (entry == null) {
                entry = new YMap(yaml.file(), YamlEvents.line(event));
            }
            if (!(entry instanceof YMap map)) {
                throw new InputException(yaml.location(event), "expected a mapping for " + section + " entry '" + key + "'");
            }
            sink.accept(key, map);
        }
    }

}
