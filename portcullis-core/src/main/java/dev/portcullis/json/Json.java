package dev.portcullis.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The JSON set-up every reader shares: one mapper for strict JSON, one for bun's JSON with trailing commas,
 * both with explicit limits on nesting and string size (hostile input), and one way to turn Jackson's
 * errors into an {@link InputException} with file and line.
 */
public final class Json {
    /** Deeper nesting than any real manifest or lockfile; refusing it keeps recursion bounded. */
    private static final int MAX_NESTING = 500;
    /** A single JSON string above this is not a lockfile value; 64 MiB keeps memory bounded. */
    private static final int MAX_STRING = 64 << 20;

    private static final ObjectMapper STRICT = JsonMapper.builder(factory(false)).build();
    private static final ObjectMapper RELAXED = JsonMapper.builder(factory(true)).build();

    private Json() {
    }

    private static com.fasterxml.jackson.core.JsonFactory factory(boolean relaxed) {
        // Field names are not interned: lockfile paths, version keys and package names are mostly unique, and
        // interning thousands of them (String.intern) cost a warm scan a fifth of its CPU time
        var builder = com.fasterxml.jackson.core.JsonFactory.builder()
                .disable(com.fasterxml.jackson.core.JsonFactory.Feature.INTERN_FIELD_NAMES)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING)
                        .build());
        if (relaxed) {
            builder.enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                    .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS);
        }
        return builder.build();
    }

    /** Strict JSON, as npm writes it. */
    public static ObjectMapper mapper() {
        return STRICT;
    }

    /** JSON with trailing commas and comments, as bun.lock is written. */
    public static ObjectMapper relaxedMapper() {
        return RELAXED;
    }

    /**
     * A parser over UTF-8 text, the only encoding npm, bun and registries write. Decoding here (a leading byte-order
     * mark dropped) keeps Jackson from guessing UTF-16 or UTF-32 from the first bytes of hostile input and failing
     * with an encoding error instead of a syntax error with a line.
     */
    public static JsonParser utf8Parser(ObjectMapper mapper, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return mapper.getFactory().createParser(reader);
    }

    /** The 1-based line of the parser's current token. */
    public static int line(JsonParser p) {
        JsonLocation location = p.currentTokenLocation();
        return Math.max(1, location.getLineNr());
    }

    /** Jackson's parse error as an input error at its line, with Jackson's description of what was expected. */
    public static InputException inputException(String file, JsonProcessingException e) {
        return inputException(file, e, null);
    }

    /**
     * As {@link #inputException(String, JsonProcessingException)}; limit errors (nesting, string length) carry no
     * location of their own, so the parser's current one is used.
     */
    public static InputException inputException(String file, JsonProcessingException e, JsonParser parser) {
        JsonLocation location = e.getLocation() != null ? e.getLocation()
                : parser != null ? parser.currentLocation() : null;
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        String message = dev.portcullis.model.Redaction.quoting(e.getOriginalMessage());
        return new InputException(new Location(file, line), "malformed JSON: " + message, e);
    }
}
