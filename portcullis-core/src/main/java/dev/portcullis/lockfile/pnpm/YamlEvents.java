package dev.portcullis.lockfile.pnpm;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.yaml.Yaml;
import dev.portcullis.yaml.YamlLimits;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * snakeyaml-engine's event stream, so a lockfile of any size is read entry by entry: each top-level
 * entry becomes a small tree of {@link YMap}, lists and strings, and is dropped once converted. Scalars stay
 * strings (no YAML 1.1 typing: {@code 5.4} is the text "5.4"). Anchors and aliases are refused: pnpm never
 * writes them, and refusing them rules out alias bombs.
 */
final class YamlEvents {
    private final String file;
    private final PnpmLimits limits;
    private final Iterator<Event> events;

    YamlEvents(String file, InputStream in, PnpmLimits limits) {
        this.file = file;
        this.limits = limits;
        // aliases are refused event by event below, with the line; the parser's own bound stays as a backstop
        this.events = new Parse(Yaml.settings(file, new YamlLimits(limits.maxCodePoints(), YamlLimits.DEFAULT_ALIASES,
                false))).parseInputStream(in).iterator();
    }

    String file() {
        return file;
    }

    /** The next event; malformed YAML becomes an {@link InputException} at the line where the parser stopped. */
    Event next() throws InputException {
        try {
            if (!events.hasNext()) {
                throw new InputException(new Location(file, 0), "unexpected end of the YAML stream");
            }
            return events.next();
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new InputException(new Location(file, line), "malformed YAML: " + problem, e);
        } catch (YamlEngineException e) {
            throw new InputException(new Location(file, 0), "malformed YAML: "
                    + dev.portcullis.model.Redaction.quoting(dev.portcullis.model.Problems.describe(e).lines()
                    .findFirst().orElse("")), e);
        }
    }

    /** The 1-based line an event starts on, 0 when unknown. */
    static int line(Event event) {
        return event.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
    }

    Location location(Event event) {
        return new Location(file, line(event));
    }

    /** A mapping key: must be a scalar, as in every pnpm lockfile. */
    String key(Event event) throws InputException {
        if (!(event instanceof ScalarEvent scalar)) {
            throw new InputException(location(event), "expected a plain mapping key, found " + describe(event));
        }
        return scalar.getValue();
    }

    /** The value starting at {@code start} as strings (null for YAML null), {@link YMap}s and lists. */
    Object value(Event start) throws InputException {
        return value(start, 0, line(start));
    }

    /** As {@link #value(Event)}, a mapping taking the line of its key: where a lockfile entry is. */
    Object value(Event start, int keyLine) throws InputException {
        return value(start, 0, keyLine);
    }

    private Object value(Event start, int depth, int mapLine) throws InputException {
        if (depth > limits.maxDepth()) {
            throw new InputException(location(start), "nesting deeper than " + limits.maxDepth() + " levels");
        }
        return switch (start.getEventId()) {
            case Scalar -> scalar((ScalarEvent) start);
            case MappingStart -> {
                YMap map = new YMap(file, mapLine);
                for (Event event = next(); event.getEventId() != Event.ID.MappingEnd; event = next()) {
                    String key = key(event);
                    Event valueStart = next();
                    // duplicate keys: the last one wins, as in the YAML parser pnpm uses
                    map.put(key, line(event), value(valueStart, depth + 1, line(valueStart)));
                }
                yield map;
            }
            case SequenceStart -> {
                List<Object> list = new ArrayList<>();
                for (Event event = next(); event.getEventId() != Event.ID.SequenceEnd; event = next()) {
                    list.add(value(event, depth + 1, line(event)));
                }
                yield list;
            }
            default -> throw unexpected(start);
        };
    }

    /** Skips the value starting at {@code start}, however large, without keeping it. */
    void skip(Event start) throws InputException {
        int depth = 0;
        Event event = start;
        while (true) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > limits.maxDepth()) {
                        throw new InputException(location(event), "nesting deeper than " + limits.maxDepth() + " levels");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                case Scalar -> {
                    // a value of its own
                }
                default -> throw unexpected(event);
            }
            if (depth == 0) {
                return;
            }
            event = next();
        }
    }

    InputException unexpected(Event event) {
        if (event.getEventId() == Event.ID.Alias) {
            return new InputException(location(event), "YAML aliases are not expected in a pnpm lockfile");
        }
        return new InputException(location(event), "unexpected " + describe(event));
    }

    private static String scalar(ScalarEvent scalar) {
        String value = scalar.getValue();
        if (scalar.isPlain() && (value.isEmpty() || value.equals("~") || value.equals("null")
                || value.equals("Null") || value.equals("NULL"))) {
            return null;
        }
        return value;
    }

    static String describe(Event event) {
        return switch (event.getEventId()) {
            case Scalar -> "the scalar '" + dev.portcullis.model.Redaction.snippet(((ScalarEvent) event).getValue())
                    + "'";
            case MappingStart -> "a mapping";
            case SequenceStart -> "a list";
            case MappingEnd, SequenceEnd -> "the end of a collection";
            case Alias -> "an alias";
            case DocumentStart, DocumentEnd -> "a document boundary";
            case StreamStart, StreamEnd -> "the stream boundary";
            case Comment -> "a comment";
        };
    }
}
