package dev.portcullis.lockfile.yarn;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a yarn classic (v1) lockfile into its entries, line by line.
 *
 * <p>Hand-written because the format is yarn's own: it looks like YAML but is not (values follow keys after a
 * space, not a colon; several comma-separated keys share one entry; {@code integrity sha512-…} is an unquoted
 * string a YAML parser would read differently), and no Java library reads it. A line parser also keeps the exact
 * line of every entry and streams: memory grows with the entries kept, not with the text.
 *
 * <p>Grammar, as yarn 1 writes it: comment lines ({@code #}), blank lines, and lines indented by multiples of two
 * spaces holding {@code key value} (a field) or {@code key:} (a block whose fields follow one level deeper);
 * at the top level {@code key, "key":} opens an entry. Keys and values are unquoted tokens or JSON-quoted
 * strings. A repeated key keeps its last value, as yarn's parser does.
 */
public final class ClassicLockfileParser {
    /** Deeper blocks than a real yarn.lock holds (it nests two levels); refusing them keeps trees small. */
    public static final int MAX_NESTING = 16;
    /** A longer line is not a yarn.lock line; bounding it bounds the memory one line can take. */
    public static final int MAX_LINE_LENGTH = 1 << 20;

    /** The only version yarn classic ever wrote. */
    public static final String SUPPORTED_VERSION = "1";

    private static final Pattern VERSION_HEADER = Pattern.compile("#\\s*yarn lockfile v(\\S*)\\s*");

    /** A field value or a block of fields, with the line of its key. */
    public sealed interface Node permits Scalar, Block {
        int line();
    }

    /** {@code key value}. */
    public record Scalar(String value, int line) implements Node {
        public Scalar {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code key:} and the fields below it, in file order. */
    public record Block(Map<String, Node> fields, int line) implements Node {
        public Block {
            Objects.requireNonNull(fields, "fields");
        }
    }

    /** One top-level entry: the descriptors of its header line and its fields. */
    public record Entry(List<String> descriptors, Block body) {
        public Entry {
            descriptors = List.copyOf(descriptors);
            Objects.requireNonNull(body, "body");
        }

        public int line() {
            return body.line();
        }
    }

    /** The {@code # yarn lockfile vN} comment: the version as written and its line. */
    public record Header(String version, int line) {
        public Header {
            Objects.requireNonNull(version, "version");
        }
    }

    /** Receives each entry once it is complete, so the caller keeps what it needs and the tree is dropped. */
    @FunctionalInterface
    public interface EntryHandler {
        void entry(Entry entry) throws InputException;
    }

    private final String file;
    private final char[] buffer = new char[1 << 16];
    private int bufferPos;
    private int bufferEnd;
    /** A CR ended the previous buffer: an LF at the start of the next one belongs to it. */
    private boolean skipLf;

    /** A parser for one file; not reusable, not thread-safe. */
    public ClassicLockfileParser(String file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * Parses the stream, handing each entry to {@code handler} in file order.
     *
     * @return the {@code # yarn lockfile vN} comment, or null when there is none
     */
    public Header parse(InputStream in, EntryHandler handler) throws InputException, IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        Entry current = null;
        // stack.get(d) is the block that lines of depth d+1 belong to; stack[0] is the current entry's body
        List<Block> stack = new ArrayList<>();
        Header version = null;
        int lineNo = 0;
        String line;
        while ((line = readLine(reader, lineNo + 1)) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            if (indent == line.length() || line.isBlank()) {
                continue;
            }
            char first = line.charAt(indent);
            if (first == '#') {
                Matcher m = VERSION_HEADER.matcher(line.substring(indent));
                if (indent == 0 && m.matches() && version == null) {
                    version = new Header(m.group(1), lineNo);
                    if (!SUPPORTED_VERSION.equals(version.version())) {
                        // checked at once: a later format may not even parse as v1
                        throw new InputException(new Location(file, lineNo), "unsupported yarn lockfile version v"
                                + version.version() + "; supported: v" + SUPPORTED_VERSION + " (yarn classic)");
                    }
                }
                continue;
            }
            if (indent == 0 && (line.startsWith("<<<<<<<") || line.startsWith("=======") || line.startsWith(">>>>>>>"))) {
                throw error(lineNo, "a git merge conflict marker; expected a resolved yarn.lock (run yarn install to merge it)");
            }
            if (first == '\t') {
                throw error(lineNo, "a tab in the indentation; expected indentation by spaces");
            }
            if (indent % 2 != 0) {
                throw error(lineNo, "an indentation of " + indent + " spaces; expected a multiple of two");
            }
            int depth = indent / 2;
            if (depth > stack.size()) {
                throw error(lineNo, "an indentation of " + indent + " spaces; expected at most " + 2 * stack.size()
                        + " here");
            }
            if (depth > MAX_NESTING) {
                throw error(lineNo, "blocks nested " + depth + " deep; expected at most " + MAX_NESTING);
            }
            Tokens tokens = tokenize(line, indent, lineNo);
            if (depth == 0) {
                if (!tokens.opensBlock) {
                    throw error(lineNo, "'" + dev.portcullis.model.Redaction.snippet(line.strip()) + "'; expected an entry header such as \"name@range\":");
                }
                if (current != null) {
                    handler.entry(current);
                }
                stack.clear();
                Block body = new Block(new LinkedHashMap<>(), lineNo);
                current = new Entry(tokens.keys, body);
                stack.add(body);
                continue;
            }
            while (stack.size() > depth) {
                stack.removeLast();
            }
            Block parent = stack.getLast();
            if (tokens.keys.size() != 1) {
                throw error(lineNo, "several keys on one line; expected one key inside an entry");
            }
            String key = tokens.keys.getFirst();
            parent.fields().remove(key);
            if (tokens.opensBlock) {
                Block block = new Block(new LinkedHashMap<>(), lineNo);
                parent.fields().put(key, block);
                stack.add(block);
            } else {
                parent.fields().put(key, new Scalar(tokens.value, lineNo));
            }
        }
        if (current != null) {
            handler.entry(current);
        }
        return version;
    }

    /**
     * The next line without its terminator (LF, CRLF or a lone CR, as yarn splits them), or null at the end.
     * Reads through its own buffer: a per-character read of the stream is several times slower.
     */
    private String readLine(Reader reader, int lineNo) throws IOException, InputException {
        StringBuilder sb = null;
        while (true) {
            if (bufferPos >= bufferEnd) {
                bufferEnd = reader.read(buffer, 0, buffer.length);
                bufferPos = 0;
                if (bufferEnd <= 0) {
                    bufferEnd = 0;
                    return sb == null || sb.isEmpty() ? null : sb.toString();
                }
                if (skipLf && buffer[0] == '\n') {
                    bufferPos = 1;
                }
                skipLf = false;
                continue;
            }
            int i = bufferPos;
            while (i < bufferEnd && buffer[i] != '\n' && buffer[i] != '\r') {
                i++;
            }
            int length = (sb == null ? 0 : sb.length()) + i - bufferPos;
            if (length > MAX_LINE_LENGTH) {
                throw error(lineNo, "a line longer than " + MAX_LINE_LENGTH + " characters; expected a yarn.lock line");
            }
            if (i < bufferEnd) {
                String line = sb == null ? new String(buffer, bufferPos, i - bufferPos)
                        : sb.append(buffer, bufferPos, i - bufferPos).toString();
                if (buffer[i] == '\r') {
                    if (i + 1 < bufferEnd) {
                        bufferPos = buffer[i + 1] == '\n' ? i + 2 : i + 1;
                    } else {
                        bufferPos = i + 1;
                        skipLf = true;
                    }
                } else {
                    bufferPos = i + 1;
                }
                return line;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(buffer, bufferPos, i - bufferPos);
            bufferPos = bufferEnd;
        }
    }

    /** The keys of a line and either its value or that it opens a block. */
    private record Tokens(List<String> keys, String value, boolean opensBlock) {
    }

    private Tokens tokenize(String line, int start, int lineNo) throws InputException {
        List<String> keys = new ArrayList<>();
        int[] pos = {start};
        while (true) {
            keys.add(token(line, pos, lineNo));
            int i = pos[0];
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                pos[0] = i;
                continue;
            }
            if (i < line.length() && line.charAt(i) == ':') {
                if (!line.substring(i + 1).isBlank()) {
                    throw error(lineNo, "text after ':'; expected 'key:' to end its line (yarn.lock writes 'key value')");
                }
                return new Tokens(keys, null, true);
            }
            if (keys.size() > 1) {
                throw error(lineNo, "a key list without ':' at its end; expected \"a@1\", \"a@^1\":");
            }
            if (i >= line.length() || line.charAt(i) != ' ') {
                throw error(lineNo, "a key without a value; expected 'key value' or 'key:'");
            }
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= line.length()) {
                throw error(lineNo, "a key without a value; expected 'key value' or 'key:'");
            }
            pos[0] = i;
            String value = token(line, pos, lineNo);
            if (!line.substring(pos[0]).isBlank()) {
                throw error(lineNo, "text after the value; expected one value after the key");
            }
            return new Tokens(keys, value, false);
        }
    }

    /** An unquoted token (up to a space, a comma or a colon that ends the key) or a JSON-quoted string. */
    private String token(String line, int[] pos, int lineNo) throws InputException {
        int i = pos[0];
        if (i >= line.length()) {
            throw error(lineNo, "the end of the line; expected a key or value");
        }
        if (line.charAt(i) == '"') {
            StringBuilder sb = new StringBuilder();
            i++;
            while (true) {
                if (i >= line.length()) {
                    throw error(lineNo, "an unterminated string; expected a closing '\"'");
                }
                char c = line.charAt(i++);
                if (c == '"') {
                    break;
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (i >= line.length()) {
                    throw error(lineNo, "an unterminated escape; expected a character after '\\'");
                }
                char e = line.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        int code = i + 4 <= line.length() ? parseHex(line.substring(i, i + 4)) : -1;
                        if (code < 0) {
                            throw error(lineNo, "a malformed \\u escape; expected four hex digits");
                        }
                        sb.append((char) code);
                        i += 4;
                    }
                    default -> throw error(lineNo, "the escape '\\" + e + "'; expected a JSON string escape");
                }
            }
            pos[0] = i;
            return sb.toString();
        }
        int begin = i;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == ',' || c == '"' || (c == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' '))) {
                break;
            }
            i++;
        }
        if (i == begin) {
            throw error(lineNo, "'" + line.charAt(i) + "'; expected a key or value");
        }
        pos[0] = i;
        return line.substring(begin, i);
    }

    private static int parseHex(String digits) {
        int value = 0;
        for (int k = 0; k < digits.length(); k++) {
            int d = Character.digit(digits.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    private InputException error(int line, String problem) {
        return new InputException(new Location(file, line), "malformed yarn.lock: found " + problem);
    }
}
