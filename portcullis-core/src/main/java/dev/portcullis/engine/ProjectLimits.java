package dev.portcullis.engine;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How large the project's own files may be, so that a hostile repository fails with exit 2 and the limit named
 * instead of exhausting the heap.
 *
 * @param maxLockfileBytes the lockfile; reading one costs several times its size in graph and strings (100,000 npm
 *                         packages, 44 MB, are scanned within a 256 MB heap), so the default follows the heap
 * @param maxConfigBytes   hand-written configuration read whole: portcullis.yml, pnpm-workspace.yaml, .yarnrc.yml
 */
public record ProjectLimits(long maxLockfileBytes, long maxConfigBytes) {
    private static final long MIB = 1024L * 1024L;

    public ProjectLimits {
        if (maxLockfileBytes <= 0 || maxConfigBytes <= 0 || maxConfigBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("project limits must be positive and fit one array");
        }
    }

    /** Limits for this JVM's heap ({@code -Xmx}): the lockfile may be a fifth of it, at least 16 MiB. */
    public static ProjectLimits defaults() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }

    /** A fifth of {@code heapBytes} for the lockfile (at least 16 MiB), 1 MiB for a configuration file. */
    public static ProjectLimits forHeap(long heapBytes) {
        return new ProjectLimits(Math.max(16 * MIB, heapBytes / 5), MIB);
    }

    /** Refuses a lockfile beyond {@link #maxLockfileBytes()}, before reading it. */
    void checkLockfile(Path file, String name) throws InputException, IOException {
        long size = Files.size(file);
        if (size > maxLockfileBytes) {
            throw new InputException(Location.of(name), "the lockfile is " + size + " bytes, more than the "
                    + maxLockfileBytes + " this heap reads (ProjectLimits.maxLockfileBytes, a fifth of -Xmx): run"
                    + " with a larger heap, PORTCULLIS_JAVA_OPTS=-Xmx2g for example");
        }
    }

    /**
     * A configuration file as UTF-8 text; bytes that are not UTF-8 are bad input, reported with their line.
     *
     * @throws InputException when it is larger than {@link #maxConfigBytes()} or not UTF-8
     */
    String readConfig(Path file, String name) throws InputException, IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) maxConfigBytes + 1);
        }
        if (bytes.length > maxConfigBytes) {
            throw new InputException(Location.of(name), "larger than " + maxConfigBytes
                    + " bytes (ProjectLimits.maxConfigBytes)");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InputException(new Location(name, line), String.format(
                    "not valid UTF-8: byte 0x%02X cannot start or continue a character; save the file as UTF-8",
                    bytes[at] & 0xFF));
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
