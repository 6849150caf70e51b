package dev.portcullis.js;

import dev.portcullis.js.FileFacts.Language;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The facts of one file of a package, read by what the file is: JavaScript through a hand-written lexer and a
 * pattern layer ({@link JsLexer}, {@link JsAnalyzer}), shell, batch and PowerShell scripts line by line as commands
 * ({@link CommandFacts}), executables by their magic number. Pure: bytes in, facts out, nothing run.
 *
 * <p>Why not a real parser: on this machine the GraalJS parser (the fastest complete JVM parser tried) runs at
 * 15–30 MB/s per core and stops at the first syntax error, while unpacking runs at ~300 MB/s and packages ship
 * minified, truncated and hostile code; the lexer reads everything at a multiple of the parser's speed (see
 * docs/benchmarks.md, "JavaScript facts: lexer vs a full parser") and never gives up.
 */
public final class JsFacts {
    /**
     * A line longer than this with almost no spaces is machine-written; in a file that is otherwise hand-written
     * it is the typical shape of an injected payload (ua-parser-js, chalk/debug 2025). Real code has long lines of
     * tables and templates, but with spaces in them.
     */
    private static final int LONG_LINE = 2000;
    /** A file is minified when at least half of it is in lines longer than this. */
    private static final int MINIFIED_LINE = 500;

    private JsFacts() {
    }

    /**
     * The facts of {@code content}, a file at {@code path} (relative to the package root). Never throws: broken
     * input gives the facts read so far plus an {@link FactKind#UNPARSABLE} fact.
     */
    public static FileFacts extract(String path, byte[] content, JsOptions options) {
        return extract(path, content, options, language(path, content));
    }

    /**
     * The facts of {@code content} read as {@code language} whatever its name: a file node is told to run is
     * JavaScript even when it is called {@code setup} or {@code install.dat}.
     */
    public static FileFacts extract(String path, byte[] content, JsOptions options, Language language) {
        FactSink sink = new FactSink(options);
        boolean minified = false;
        try {
            switch (language) {
                case BINARY -> sink.add(FactKind.BINARY, 0, binaryFormat(content), path, 0);
                case JAVASCRIPT -> minified = javascript(content, sink);
                case SHELL, BATCH, POWERSHELL -> script(content, sink, language != Language.SHELL);
                case OTHER -> {
                    // only the cheap magic check, which found nothing
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            // The last line of defence of "never throws": a bug in a pattern must not stop the analysis of a package.
            sink.add(FactKind.UNPARSABLE, 0, "internal-error", String.valueOf(e), 0);
        }
        return new FileFacts(path, language, sink.facts(), content.length, minified);
    }

    /** By content first (executables, shebangs), then by extension. */
    static Language language(String path, byte[] content) {
        if (binaryFormat(content) != null) {
            return Language.BINARY;
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot >= 0 ? name.substring(dot + 1) : "";
        switch (ext) {
            case "js", "mjs", "cjs" -> {
                return Language.JAVASCRIPT;
            }
            case "sh", "bash" -> {
                return Language.SHELL;
            }
            case "bat", "cmd" -> {
                return Language.BATCH;
            }
            case "ps1" -> {
                return Language.POWERSHELL;
            }
            default -> {
                // decided by the shebang below
            }
        }
        if (content.length > 2 && content[0] == '#' && content[1] == '!') {
            int end = 2;
            while (end < content.length && end < 200 && content[end] != '\n') {
                end++;
            }
            String shebang = new String(content, 2, end - 2, StandardCharsets.ISO_8859_1);
            if (shebang.matches(".*\\b(?:node|nodejs|bun|deno)\\b.*")) {
                return Language.JAVASCRIPT;
            }
            if (shebang.matches(".*\\b(?:sh|bash|zsh|dash|ksh|ash)\\b.*")) {
                return Language.SHELL;
            }
            if (shebang.matches(".*\\bpwsh\\b.*")) {
                return Language.POWERSHELL;
            }
        }
        return Language.OTHER;
    }

    /** "elf", "pe", "mach-o" by magic number, or null. */
    static String binaryFormat(byte[] c) {
        if (c.length >= 4 && c[0] == 0x7F && c[1] == 'E' && c[2] == 'L' && c[3] == 'F') {
            return "elf";
        }
        if (c.length >= 64 && c[0] == 'M' && c[1] == 'Z') {
            int peOffset = (c[0x3C] & 0xFF) | (c[0x3D] & 0xFF) << 8 | (c[0x3E] & 0xFF) << 16 | (c[0x3F] & 0x7F) << 24;
            if (peOffset + 4 <= c.length && peOffset >= 0 && c[peOffset] == 'P' && c[peOffset + 1] == 'E'
                    && c[peOffset + 2] == 0 && c[peOffset + 3] == 0) {
                return "pe";
            }
        }
        if (c.length >= 8) {
            int magic = (c[0] & 0xFF) << 24 | (c[1] & 0xFF) << 16 | (c[2] & 0xFF) << 8 | (c[3] & 0xFF);
            if (magic == 0xFEEDFACE || magic == 0xFEEDFACF || magic == 0xCEFAEDFE || magic == 0xCFFAEDFE) {
                return "mach-o";
            }
            // 0xCAFEBABE is both a universal Mach-O and a Java class file; Mach-O counts architectures there (few),
            // a class file its version (45 and up).
            int second = (c[4] & 0xFF) << 24 | (c[5] & 0xFF) << 16 | (c[6] & 0xFF) << 8 | (c[7] & 0xFF);
            if (magic == 0xCAFEBABE && second > 0 && second < 30) {
                return "mach-o";
            }
        }
        return null;
    }

    /** Decodes the file and runs the lexer, the pattern layer and the whole-text scans; true when minified. */
    private static boolean javascript(byte[] content, FactSink sink) {
        String text = decode(content, sink);
        TextScan scan = scanText(content, (int) Math.min(content.length, sink.limits().maxFileBytes()), sink);
        JsLexer lexer = new JsLexer(text);
        new JsAnalyzer(lexer, sink, 0, 0).run();
        lexer.finish();
        problems(lexer, sink);
        if (lexer.invisibleCodeLine > 0) {
            sink.add(FactKind.INVISIBLE_UNICODE, lexer.invisibleCodeLine, codePoint(lexer.invisibleCodeChar),
                    codePoint(lexer.invisibleCodeChar) + " between tokens", 0);
        }
        if (lexer.invisibleIdentifierLine > 0) {
            sink.add(FactKind.INVISIBLE_UNICODE, lexer.invisibleIdentifierLine, codePoint(lexer.invisibleIdentifierChar),
                    "identifier with " + codePoint(lexer.invisibleIdentifierChar), 0);
        }
        boolean minified = content.length >= 2048 && scan.longLineChars * 2 >= Math.min(content.length, sink.limits().maxFileBytes());
        if (!minified && scan.firstLongLine > 0) {
            sink.add(FactKind.OBFUSCATION, scan.firstLongLine, "long-line",
                    "dense line of " + scan.firstLongLineLength + " characters in a file that is otherwise not minified", 0);
        }
        return minified;
    }

    private static void script(byte[] content, FactSink sink, boolean windows) {
        String text = decode(content, sink);
        scanText(content, (int) Math.min(content.length, sink.limits().maxFileBytes()), sink);
        CommandFacts.analyse(text, 1, 0, sink, 0, windows);
    }

    /** UTF-8 text of at most maxFileBytes; malformed bytes become U+FFFD and one UNPARSABLE fact. */
    private static String decode(byte[] content, FactSink sink) {
        long max = sink.limits().maxFileBytes();
        byte[] bytes = content;
        if (content.length > max) {
            bytes = Arrays.copyOf(content, (int) max);
            sink.add(FactKind.UNPARSABLE, 0, "too-large", "only the first " + max + " of " + content.length
                    + " bytes analysed", 0);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int replacement = text.indexOf('\uFFFD');
        if (replacement >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                int line = 1;
                for (int i = 0; i < replacement; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                }
                sink.add(FactKind.UNPARSABLE, line, "invalid-utf-8", "bytes that are not UTF-8, read as U+FFFD", 0);
            }
        }
        return text;
    }

    private static final class TextScan {
        long longLineChars;
        int firstLongLine;
        int firstLongLineLength;
    }

    /**
     * One pass over the bytes: line lengths (minified, dense long lines) and invisible or bidirectional Unicode
     * anywhere in the text (Trojan Source hides in comments and strings as well as in code). Over the UTF-8 bytes
     * rather than the decoded text because the code points in question all start with one of three lead bytes
     * (E2, EF, F3), so ASCII costs one comparison a byte.
     */
    private static TextScan scanText(byte[] bytes, int n, FactSink sink) {
        TextScan scan = new TextScan();
        int line = 1;
        int lineStart = 0;
        int selectors = 0;
        int spaces = 0;
        int selectorEnd = -1;
        for (int i = 0; i <= n; i++) {
            int b = i < n ? bytes[i] : '\n';
            if (b > ' ') {
                continue;
            }
            if (b >= 0) {
                if (b == '\n') {
                    int len = i - lineStart;
                    if (len > MINIFIED_LINE) {
                        scan.longLineChars += len;
                    }
                    if (len > LONG_LINE && spaces * 100 < len * 3 && scan.firstLongLine == 0) {
                        scan.firstLongLine = line;
                        scan.firstLongLineLength = len;
                    }
                    line++;
                    lineStart = i + 1;
                    spaces = 0;
                } else if (b == ' ' || b == '\t') {
                    spaces++;
                }
                continue;
            }
            int lead = b & 0xFF;
            if (lead != 0xE2 && lead != 0xEF && lead != 0xF3) {
                continue;
            }
            int cp = codePointAt(bytes, i, n);
            String what = null;
            if (cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 || cp >= 0xE0000 && cp <= 0xE007F) {
                what = codePoint(cp);
            } else if (cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF) {
                // only an unbroken run counts: emoji use one selector at a time, hidden payloads thousands in a row
                selectors = selectorEnd == i ? selectors + 1 : 1;
                selectorEnd = i + (cp > 0xFFFF ? 4 : 3);
                if (selectors == 8) {
                    what = "variation-selectors";
                }
            }
            if (what != null) {
                int from = Math.max(lineStart, i - 60);
                int to = from;
                while (to < n && to < from + 200 && bytes[to] != '\n') {
                    to++;
                }
                sink.add(FactKind.INVISIBLE_UNICODE, line, what, new String(bytes, from, to - from, StandardCharsets.UTF_8), 0);
            }
        }
        return scan;
    }

    /** The code point of the 3- or 4-byte UTF-8 sequence at {@code i}, or -1 when malformed or cut off. */
    private static int codePointAt(byte[] bytes, int i, int n) {
        int lead = bytes[i] & 0xFF;
        if (lead >= 0xE0 && lead < 0xF0 && i + 2 < n) {
            return (lead & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | (bytes[i + 2] & 0x3F);
        }
        if (lead >= 0xF0 && lead < 0xF5 && i + 3 < n) {
            return (lead & 0x07) << 18 | (bytes[i + 1] & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6 | (bytes[i + 3] & 0x3F);
        }
        return -1;
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    private static void problems(JsLexer lexer, FactSink sink) {
        problem(sink, lexer.unterminatedString, "unterminated-string");
        problem(sink, lexer.unterminatedTemplate, "unterminated-template");
        problem(sink, lexer.unterminatedRegex, "unterminated-regex");
        problem(sink, lexer.unterminatedComment, "unterminated-comment");
        problem(sink, lexer.deepNesting, "deep-nesting");
        problem(sink, lexer.unbalanced, "unbalanced-brackets");
    }

    private static void problem(FactSink sink, int line, String what) {
        if (line > 0) {
            sink.add(FactKind.UNPARSABLE, line, what, what.replace('-', ' '), 0);
        }
    }
}
