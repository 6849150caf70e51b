package dev.portcullis.lockfile.pnpm;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One YAML mapping of a lockfile entry, with the line of every key, and typed access that names what was expected. */
final class YMap {
    private final String file;
    private final int line;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();

    YMap(String file, int line) {
        this.file = file;
        this.line = line;
    }

    void put(String key, int keyLine, Object value) {
        values.remove(key);
        values.put(key, value);
        lines.put(key, keyLine);
    }

    int line() {
        return line;
    }

    int line(String key) {
        return lines.getOrDefault(key, line);
    }

    Location location(String key) {
        return new Location(file, line(key));
    }

    Set<String> keys() {
        return values.keySet();
    }

    Object get(String key) {
        return values.get(key);
    }

    /** A scalar value, or null when absent or null. */
    String string(String key) throws InputException {
        Object value = values.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InputException(location(key), "expected a single value for '" + key + "'");
    }

    /** A mapping value, or null when absent, null or empty. */
    YMap map(String key) throws InputException {
        Object value = values.get(key);
        if (value == null || value instanceof YMap) {
            return (YMap) value;
        }
        throw new InputException(location(key), "expected a mapping for '" + key + "'");
    }

    boolean isTrue(String key) throws InputException {
        return "true".equals(string(key));
    }

    /** A list of scalars ({@code os: [darwin]}); a single scalar counts as a list of one. */
    List<String> strings(String key) throws InputException {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw new InputException(location(key), "expected a list of names for '" + key + "'");
                }
                out.add(s);
            }
            return out;
        }
        throw new InputException(location(key), "expected a list for '" + key + "'");
    }

    /** A mapping of name to single value ({@code dependencies: {a: 1.0.0}}), with the line of each name. */
    Map<String, String> stringMap(String key) throws InputException {
        YMap map = map(key);
        if (map == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : map.keys()) {
            String value = map.string(name);
            if (value == null) {
                throw new InputException(map.location(name), "expected a version for '" + key + "." + name + "'");
            }
            out.put(name, value);
        }
        return out;
    }
}
