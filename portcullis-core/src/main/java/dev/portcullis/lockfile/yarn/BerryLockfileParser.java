package dev.portcullis.lockfile.yarn;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.yaml.Yaml;
import dev.portcullis.yaml.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a yarn berry lockfile (YAML) entry by entry from snakeyaml-engine's event stream, so only one entry's
 * small tree is in memory at a time, and keeps the line of every key from the events' marks.
 * A repeated key keeps its last value, as yarn's YAML parser does. Anchors and aliases, which yarn never writes,
 * are refused: they are the way a small YAML file expands into a huge tree.
 */
public final class BerryLockfileParser {
    /** Deeper than any berry entry (three levels: entry, dependenciesMeta, its flags); bounds each entry's tree. */
    public static final int MAX_NESTING = 16;
    /** snakeyaml-engine refuses documents above its code point limit (3 MB by default); lockfiles are larger. */
    public static final int MAX_CODE_POINTS = Integer.MAX_VALUE;

    /** A YAML value with the 1-based line of the key that holds it. */
    public sealed interface Node permits Scalar, Mapping, Sequence {
        int line();
    }

    public record Scalar(String value, int line) implements Node {
        public Scalar {
            Objects.requireNonNull(value, "value");
        }
    }

    public record Mapping(Map<String, Node> fields, int line) implements Node {
        public Mapping {
            Objects.requireNonNull(fields, "fields");
        }
    }

    public record Sequence(List<Node> items, int line) implements Node {
        public Sequence {
            Objects.requireNonNull(items, "items");
        }
    }

    /** Receives the top-level keys and their values in file order. */
    @FunctionalInterface
    public interface EntryHandler {
        void entry(String key, Node value) throws InputException;
    }

    /** Yarn never writes aliases; a repeated key is tolerated as yarn itself does (the later wins). */
    private static final YamlLimits LIMITS = new YamlLimits(MAX_CODE_POINTS, 0, true);

    private final String file;

    public BerryLockfileParser(String file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Parses the stream, handing each top-level key and its value to {@code handler}; an empty file has none. */
    public void parse(InputStream in, EntryHandler handler) throws InputException, IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        try {
            Iterator<Event> events = new Parse(Yaml.settings(file, LIMITS)).parseReader(reader).iterator();
            next(events, Event.ID.StreamStart);
            Event event = next(events, null);
            if (event.getEventId() == Event.ID.StreamEnd) {
                return;
            }
            expect(event, Event.ID.DocumentStart, "a YAML document");
            event = next(events, null);
            if (event.getEventId() == Event.ID.MappingStart) {
                while (true) {
                    Event key = next(events, null);
                    if (key.getEventId() == Event.ID.MappingEnd) {
                        break;
                    }
                    String name = key(key);
                    handler.entry(name, value(events, line(key), 1));
                }
            } else if (!(event instanceof ScalarEvent scalar && scalar.getValue().isEmpty())) {
                throw error(line(event), "a " + describe(event) + " at the top level; expected a mapping of descriptors to entries");
            }
            next(events, Event.ID.DocumentEnd);
            Event end = next(events, null);
            if (end.getEventId() != Event.ID.StreamEnd) {
                throw error(line(end), "a second YAML document; expected one lockfile document");
            }
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            String context = e.getContext() == null ? "" : e.getContext() + ", ";
            throw new InputException(new Location(file, line), "malformed YAML: " + context
                    + dev.portcullis.model.Redaction.quoting(e.getProblem()), e);
        } catch (YamlEngineException e) {
            throw new InputException(Location.of(file), "malformed YAML: "
                    + dev.portcullis.model.Redaction.quoting(dev.portcullis.model.Problems.describe(e).lines()
                    .findFirst().orElse("")), e);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Node value(Iterator<Event> events, int keyLine, int depth) throws InputException {
        Event event = next(events, null);
        if (depth > MAX_NESTING) {
            throw error(line(event), "values nested more than " + MAX_NESTING + " deep; expected a yarn.lock entry");
        }
        return switch (event) {
            case ScalarEvent scalar -> new Scalar(scalar.getValue(), keyLine);
            case MappingStartEvent ignored -> {
                Map<String, Node> fields = new LinkedHashMap<>();
                while (true) {
                    Event key = next(events, null);
                    if (key.getEventId() == Event.ID.MappingEnd) {
                        break;
                    }
                    String name = key(key);
                    Node value = value(events, line(key), depth + 1);
                    fields.remove(name);
                    fields.put(name, value);
                }
                yield new Mapping(fields, keyLine);
            }
            case SequenceStartEvent ignored -> {
                List<Node> items = new ArrayList<>();
                while (true) {
                    Event peek = next(events, null);
                    if (peek.getEventId() == Event.ID.SequenceEnd) {
                        break;
                    }
                    items.add(item(peek));
                }
                yield new Sequence(items, keyLine);
            }
            case AliasEvent alias -> throw error(line(alias), "a YAML alias; expected plain values (yarn writes no anchors)");
            default -> throw error(line(event), "a " + describe(event) + "; expected a value");
        };
    }

    /** A sequence item whose first event was already taken: only scalars appear in yarn's sequences. */
    private Node item(Event first) throws InputException {
        if (first instanceof ScalarEvent scalar) {
            return new Scalar(scalar.getValue(), line(first));
        }
        throw error(line(first), "a " + describe(first) + " in a list; expected plain values");
    }

    private String key(Event event) throws InputException {
        if (event instanceof ScalarEvent scalar) {
            return scalar.getValue();
        }
        throw error(line(event), "a " + describe(event) + " as a key; expected a plain key");
    }

    private Event next(Iterator<Event> events, Event.ID expected) throws InputException {
        if (!events.hasNext()) {
            throw error(0, "the end of the input; expected more YAML");
        }
        Event event = events.next();
        if (expected != null) {
            expect(event, expected, expected.name());
        }
        return event;
    }

    private void expect(Event event, Event.ID id, String what) throws InputException {
        if (event.getEventId() != id) {
            throw error(line(event), "a " + describe(event) + "; expected " + what);
        }
    }

    private static String describe(Event event) {
        return switch (event.getEventId()) {
            case Scalar -> "scalar";
            case MappingStart -> "mapping";
            case SequenceStart -> "list";
            case Alias -> "alias";
            default -> event.getEventId().name();
        };
    }

    private static int line(Event event) {
        return event.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
    }

    private InputException error(int line, String problem) {
        return new InputException(new Location(file, line), "malformed yarn.lock: found " + problem);
    }
}
