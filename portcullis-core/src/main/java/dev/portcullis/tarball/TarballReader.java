package dev.portcullis.tarball;

import dev.portcullis.tarball.TarballLimits.Limit;
import dev.portcullis.tarball.TarballProblem.Kind;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a gzipped npm tarball into memory under {@link TarballLimits}. Hostile content never throws: the result
 * holds what could be read plus a problem for everything suspicious. Nothing is written to disk and no link is
 * followed or materialised. Only a failure of the given stream itself is thrown, as the {@link IOException} it was.
 */
public final class TarballReader {
    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:");
    private static final String NPM_ROOT = "package";
    private static final int COPY_CHUNK = 64 * 1024;
    /** What one file's buffer starts at before its bytes arrive: above nearly every file of an npm package. */
    private static final int FIRST_RESERVE = 4 * 1024 * 1024;
    private static final char MALFORMED = '\uFFFD';

    private TarballReader() {
    }

    public static TarballContents read(InputStream gzippedTarball, TarballLimits limits) throws IOException {
        Objects.requireNonNull(gzippedTarball, "gzippedTarball");
        Objects.requireNonNull(limits, "limits");
        return new Run(gzippedTarball, limits).read();
    }

    /** One entry that survived the per-entry checks, before the package root is known. */
    private record Candidate(String written, List<String> segments, byte[] content, int mode, boolean directory) {
    }

    /** What the stream gave, in order: a candidate or a problem. */
    private sealed interface Event permits Found, Problem {
    }

    private record Found(Candidate candidate) implements Event {
    }

    private record Problem(TarballProblem problem) implements Event {
    }

    /** Thrown inside the stream stack when a byte limit is crossed, so reading unwinds from wherever it was. */
    private static final class LimitReached extends IOException {
        LimitReached(String message) {
            super(message);
        }
    }

    /** Marks a failure of the caller's stream, which is rethrown rather than reported as bad content. */
    private static final class SourceFailed extends IOException {
        SourceFailed(IOException cause) {
            super(cause);
        }
    }

    private static final class Run {
        private final TarballLimits limits;
        private final CountingSource compressed;
        private final InflatedBudget inflated;
        private final List<Event> events = new ArrayList<>();
        private int entries;

        Run(InputStream source, TarballLimits limits) {
            this.limits = limits;
            this.compressed = new CountingSource(source);
            this.inflated = new InflatedBudget(limits, compressed);
        }

        TarballContents read() throws IOException {
            try {
                inflated.open();
                readEntries();
            } catch (SourceFailed e) {
                throw (IOException) e.getCause();
            } catch (LimitReached e) {
                stop(Kind.LIMIT_EXCEEDED, "", e.getMessage());
            } catch (IOException | RuntimeException e) {
                // Commons Compress reports some malformed headers with unchecked exceptions; all are bad content.
                classify(e);
            }
            return assemble();
        }

        private void classify(Exception e) throws IOException {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SourceFailed failed) {
                    throw (IOException) failed.getCause();
                }
                if (t instanceof LimitReached limit) {
                    stop(Kind.LIMIT_EXCEEDED, "", limit.getMessage());
                    return;
                }
            }
            String message = String.valueOf(e.getMessage()).replaceAll("\\.+$", "");
            if (e instanceof EOFException || message.toLowerCase(Locale.ROOT).contains("truncated")) {
                stop(Kind.TRUNCATED, "", "The tarball ends early: " + message + ".");
            } else {
                stop(Kind.CORRUPT, "", "The tarball is not a readable gzipped tar: " + message + ".");
            }
        }

        private void readEntries() throws IOException {
            NameAwareTarStream tar = new NameAwareTarStream(inflated, 4L * limits.maxPathLength());
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries++;
                String written = tar.nameOf(entry);
                if (entries > limits.maxEntries()) {
                    stop(Kind.LIMIT_EXCEEDED, written, "More than " + limits.maxEntries() + " entries ("
                            + Limit.ENTRIES + "); reading stopped here.");
                    return;
                }
                if (!accept(tar, entry, written)) {
                    return;
                }
            }
            // The gzip trailer (CRC and length) is checked only when the inflater reaches it; a tar cut off at an
            // entry boundary ends early there, without its trailer.
            inflated.drain();
        }

        /** Records one entry; false when reading must stop. */
        private boolean accept(NameAwareTarStream tar, TarArchiveEntry entry, String written) throws IOException {
            if (tar.oversizedName() > 0) {
                report(Kind.LIMIT_EXCEEDED, "(a name of " + tar.oversizedName() + " bytes)", "An entry name of "
                        + tar.oversizedName() + " bytes is longer than " + limits.maxPathLength() + " characters ("
                        + Limit.PATH_LENGTH + "); the entry is skipped, reading goes on.");
                return true;
            }
            if (written.length() > limits.maxPathLength()) {
                report(Kind.LIMIT_EXCEEDED, written, "An entry name of " + written.length() + " characters is longer than "
                        + limits.maxPathLength() + " (" + Limit.PATH_LENGTH + "); the entry is skipped, reading goes on.");
                return true;
            }
            if (entry.isSymbolicLink()) {
                report(Kind.SYMLINK, written, "A symbolic link to '" + entry.getLinkName() + "'; not followed.");
                return true;
            }
            if (entry.isLink()) {
                report(Kind.HARDLINK, written, "A hard link to '" + entry.getLinkName() + "'; not followed.");
                return true;
            }
            if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                String what = entry.isFIFO() ? "A FIFO" : entry.isBlockDevice() ? "A block device" : "A character device";
                report(Kind.DEVICE_OR_FIFO, written, what + "; not kept.");
                return true;
            }
            boolean directory = entry.isDirectory();
            if (!directory && !isRegularFile(entry)) {
                report(Kind.UNSUPPORTED_ENTRY, written, "A tar entry of type '" + (char) entry.getLinkFlag()
                        + "', which npm packages do not use; not kept.");
                return true;
            }
            if (written.indexOf(MALFORMED) >= 0) {
                report(Kind.NON_UTF8_PATH, written, "The entry name is not valid UTF-8; kept with U+FFFD in place of"
                        + " the malformed bytes.");
            }
            List<String> segments = segments(written);
            if (segments == null) {
                return true;
            }
            if (segments.size() > limits.maxPathDepth()) {
                report(Kind.LIMIT_EXCEEDED, written, "An entry name " + segments.size() + " directories deep is deeper than "
                        + limits.maxPathDepth() + " (" + Limit.PATH_DEPTH + "); the entry is skipped, reading goes on.");
                return true;
            }
            if (directory) {
                if (!segments.isEmpty()) {
                    events.add(new Found(new Candidate(written, segments, new byte[0], 0, true)));
                }
                return true;
            }
            long size = entry.getSize();
            if (size > limits.maxFileBytes()) {
                // Skipped unread (the tar stream steps over it, still counted against the total): the files after
                // it are read and analysed.
                report(Kind.LIMIT_EXCEEDED, written, "A file of " + size + " bytes is larger than " + limits.maxFileBytes()
                        + " (" + Limit.FILE_BYTES + "); the file is not read, reading goes on.");
                return true;
            }
            if (segments.isEmpty()) {
                report(Kind.PATH_TRAVERSAL, written, "A file entry with an empty path; not kept.");
                return true;
            }
            byte[] content = readContent(tar, (int) size);
            events.add(new Found(new Candidate(written, segments, content, entry.getMode() & 07777, false)));
            return true;
        }

        private static boolean isRegularFile(TarArchiveEntry entry) {
            byte flag = entry.getLinkFlag();
            return flag == TarArchiveEntry.LF_NORMAL || flag == TarArchiveEntry.LF_OLDNORM
                    || flag == TarArchiveEntry.LF_CONTIG;
        }

        /** The normalised segments, or null after reporting a traversal. */
        private List<String> segments(String written) {
            if (written.indexOf('\\') >= 0) {
                report(Kind.PATH_TRAVERSAL, written, "The entry name contains a backslash, a path separator on Windows;"
                        + " not kept.");
                return null;
            }
            if (written.startsWith("/")) {
                report(Kind.PATH_TRAVERSAL, written, "An absolute entry name; not kept.");
                return null;
            }
            if (DRIVE_LETTER.matcher(written).find()) {
                report(Kind.PATH_TRAVERSAL, written, "An entry name with a Windows drive letter; not kept.");
                return null;
            }
            List<String> segments = new ArrayList<>();
            for (String segment : written.split("/")) {
                if (segment.equals("..")) {
                    report(Kind.PATH_TRAVERSAL, written, "An entry name with a '..' segment; not kept.");
                    return null;
                }
                if (!segment.isEmpty() && !segment.equals(".")) {
                    segments.add(segment);
                }
            }
            return segments;
        }

        /**
         * Reserves at most {@link #FIRST_RESERVE} before the bytes arrive, so a header declaring a huge size reserves
         * no more than that, and the files of a package (nearly all smaller) are read into one array without a copy.
         * A larger file's buffer doubles with the bytes that really arrive until an eighth of it is there, then the
         * rest is reserved at once: it is never held twice while its buffer grows (at most 1.25 times its size at
         * the last growth).
         */
        private byte[] readContent(TarArchiveInputStream tar, int size) throws IOException {
            byte[] content = new byte[Math.min(size, FIRST_RESERVE)];
            int read = 0;
            while (read < size) {
                if (read == content.length) {
                    long grown = read >= size / 8 ? size : Math.min(size, 2L * content.length);
                    content = Arrays.copyOf(content, (int) grown);
                }
                int n = tar.read(content, read, content.length - read);
                if (n < 0) {
                    throw new EOFException("a file ends after " + read + " of its " + size + " bytes");
                }
                read += n;
            }
            return content;
        }

        private void report(Kind kind, String entry, String message) {
            events.add(new Problem(new TarballProblem(kind, entry, message)));
        }

        private void stop(Kind kind, String entry, String message) {
            report(kind, entry, message);
        }

        /** Chooses the root, strips it, and keeps the last of duplicate paths. */
        private TarballContents assemble() {
            String root = root();
            Map<String, TarballFile> files = new HashMap<>();
            List<TarballProblem> problems = new ArrayList<>();
            for (Event event : events) {
                switch (event) {
                    case Problem problem -> problems.add(problem.problem());
                    case Found found -> place(found.candidate(), root, files, problems);
                }
            }
            List<TarballFile> sorted = new ArrayList<>(files.values());
            sorted.sort((a, b) -> a.path().compareTo(b.path()));
            return new TarballContents(root, sorted, problems);
        }

        private static void place(Candidate candidate, String root, Map<String, TarballFile> files,
                                  List<TarballProblem> problems) {
            List<String> segments = candidate.segments();
            if (candidate.directory()) {
                if (!segments.getFirst().equals(root)) {
                    problems.add(new TarballProblem(Kind.OUTSIDE_PACKAGE_ROOT, candidate.written(),
                            "A directory outside the package root '" + root + "'."));
                }
                return;
            }
            if (segments.size() == 1) {
                problems.add(new TarballProblem(Kind.OUTSIDE_PACKAGE_ROOT, candidate.written(),
                        "A file at the top level, outside the package root '" + root + "'; npm drops it, so it is"
                                + " not kept."));
                return;
            }
            if (!segments.getFirst().equals(root)) {
                problems.add(new TarballProblem(Kind.OUTSIDE_PACKAGE_ROOT, candidate.written(),
                        "A file outside the package root '" + root + "'; kept without its first directory, where npm"
                                + " would install it."));
            }
            String path = String.join("/", segments.subList(1, segments.size()));
            TarballFile previous = files.put(path, TarballFile.owning(path, candidate.content(), candidate.mode()));
            if (previous != null && previous.buffer().equals(ByteBuffer.wrap(candidate.content()))) {
                problems.add(new TarballProblem(Kind.DUPLICATE_ENTRY, candidate.written(),
                        "A second entry for '" + path + "' with the same content; the last one is kept, as npm's"
                                + " extraction does."));
            } else if (previous != null) {
                problems.add(new TarballProblem(Kind.SHADOWED_ENTRY, candidate.written(),
                        "A second entry for '" + path + "' with different content (" + previous.size() + " then "
                                + candidate.content().length + " bytes): npm installs the last, another extractor or"
                                + " a reviewer may see the first."));
            }
        }

        /**
         * The first segment most entries share: {@code package} for npm, another name for some old packages. Chosen
         * by count rather than by the first entry, so one hostile entry at the front cannot displace the package.
         */
        private String root() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Event event : events) {
                if (event instanceof Found found && (found.candidate().directory() || found.candidate().segments().size() > 1)) {
                    counts.merge(found.candidate().segments().getFirst(), 1, Integer::sum);
                }
            }
            String best = "";
            int bestCount = 0;
            for (Map.Entry<String, Integer> count : counts.entrySet()) {
                boolean better = count.getValue() > bestCount
                        || count.getValue() == bestCount && count.getKey().equals(NPM_ROOT);
                if (better) {
                    best = count.getKey();
                    bestCount = count.getValue();
                }
            }
            return best;
        }
    }

    /**
     * Recovers every entry name exactly as written. Commons Compress normalises names from GNU long-name entries and
     * PAX headers (it strips a leading {@code /}), which would hide an absolute path, so those are captured raw here;
     * names from plain tar headers arrive as ISO-8859-1, one char per byte. All are then decoded as UTF-8, malformed
     * bytes becoming U+FFFD.
     */
    private static final class NameAwareTarStream extends TarArchiveInputStream {
        private static final int TYPE_FLAG_OFFSET = 156;
        /** PAX headers hold a few short records; a longer one is not kept for its raw path. */
        private static final int MAX_PAX_CAPTURE = 64 * 1024;
        private static final byte[] OVERSIZED_NAME = "package/(oversized name)".getBytes(StandardCharsets.US_ASCII);
        private final ByteArrayOutputStream pax = new ByteArrayOutputStream();
        private boolean capturingPax;
        private byte[] rawPaxPath;
        private byte[] rawLongName;

        /** Bytes of a GNU long name kept; a longer one is stepped over, never held (a 64 MiB name is a bomb). */
        private final long maxNameBytes;
        private long pendingOversized;
        private long oversizedName;

        NameAwareTarStream(InputStream in, long maxNameBytes) {
            super(in, StandardCharsets.ISO_8859_1.name());
            this.maxNameBytes = maxNameBytes;
        }

        /** The length of the GNU long name of the entry just returned when it was too long to keep, else 0. */
        long oversizedName() {
            return oversizedName;
        }

        /** Called for header records only: the content of entries and of PAX headers is read with read(). */
        @Override
        protected byte[] readRecord() throws IOException {
            byte[] record = super.readRecord();
            if (capturingPax) {
                capturingPax = false;
                byte[] path = paxPath(pax.toByteArray());
                if (path != null) {
                    rawPaxPath = path;
                }
            }
            if (record != null && record.length > TYPE_FLAG_OFFSET
                    && record[TYPE_FLAG_OFFSET] == TarArchiveEntry.LF_PAX_EXTENDED_HEADER_LC) {
                capturingPax = true;
                pax.reset();
            }
            return record;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (capturingPax && n > 0 && pax.size() + n <= MAX_PAX_CAPTURE) {
                pax.write(buffer, offset, n);
            }
            return n;
        }

        @Override
        protected byte[] getLongNameData() throws IOException {
            boolean name = getCurrentEntry() != null && getCurrentEntry().isGNULongNameEntry();
            if (getCurrentEntry() != null && getCurrentEntry().getSize() > maxNameBytes) {
                long length = getCurrentEntry().getSize();
                byte[] sink = new byte[COPY_CHUNK];
                while (read(sink, 0, sink.length) >= 0) {
                    // stepped over: the name is reported by its length only
                }
                if (getNextEntry() == null) {
                    return null;
                }
                pendingOversized = length;
                return OVERSIZED_NAME;
            }
            byte[] data = super.getLongNameData();
            if (name && data != null) {
                rawLongName = data.clone();
            }
            return data;
        }

        /** The name of the entry getNextEntry just returned; called once per entry, as it resets the captures. */
        String nameOf(TarArchiveEntry entry) {
            oversizedName = pendingOversized;
            pendingOversized = 0;
            if (oversizedName > 0) {
                rawPaxPath = null;
                rawLongName = null;
                return entry.getName();
            }
            String normalised = entry.getName();
            byte[] raw = rawPaxPath != null ? rawPaxPath : rawLongName;
            rawPaxPath = null;
            rawLongName = null;
            if (raw == null) {
                for (int i = 0; i < normalised.length(); i++) {
                    if (normalised.charAt(i) > 0xFF) {
                        // Decoded from a PAX header that was too large to capture: already UTF-8.
                        return normalised;
                    }
                }
                raw = normalised.getBytes(StandardCharsets.ISO_8859_1);
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                return new String(raw, StandardCharsets.UTF_8);
            }
        }

        /** The value of the last {@code path} record of a PAX header ("LEN key=value\n" records), or null. */
        private static byte[] paxPath(byte[] header) {
            byte[] path = null;
            int position = 0;
            while (position < header.length) {
                int space = position;
                int length = 0;
                while (space < header.length && header[space] >= '0' && header[space] <= '9' && length < MAX_PAX_CAPTURE) {
                    length = length * 10 + header[space] - '0';
                    space++;
                }
                int end = position + length;
                if (space == position || space >= header.length || header[space] != ' ' || end > header.length
                        || end <= space + 1) {
                    return path;
                }
                int equals = space + 1;
                while (equals < end && header[equals] != '=') {
                    equals++;
                }
                boolean isPath = equals - space - 1 == 4 && new String(header, space + 1, 4,
                        StandardCharsets.ISO_8859_1).equals("path");
                if (isPath && equals < end) {
                    int valueEnd = header[end - 1] == '\n' ? end - 1 : end;
                    path = Arrays.copyOfRange(header, equals + 1, Math.max(equals + 1, valueEnd));
                }
                position = end;
            }
            return path;
        }
    }

    /** Counts compressed bytes and marks failures of the caller's stream. */
    private static final class CountingSource extends InputStream {
        private final InputStream in;
        long count;

        CountingSource(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                throw new SourceFailed(e);
            }
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException e) {
                throw new SourceFailed(e);
            }
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /**
     * The inflated stream, counted against the total and the ratio limits on every read, so a bomb stops after at
     * most one buffer beyond a limit.
     */
    private static final class InflatedBudget extends InputStream {
        private final TarballLimits limits;
        private final CountingSource compressed;
        private InputStream gzip;
        private long count;

        InflatedBudget(TarballLimits limits, CountingSource compressed) {
            this.limits = limits;
            this.compressed = compressed;
        }

        void open() throws IOException {
            gzip = new GZIPInputStream(compressed, COPY_CHUNK);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long allowed = limits.maxTotalBytes() - count;
            if (allowed <= 0 && length > 0) {
                throw new LimitReached("The tarball unpacks to more than " + limits.maxTotalBytes()
                        + " bytes (" + Limit.TOTAL_BYTES + "); reading stopped there.");
            }
            // Reading one byte past the budget tells a stream that ends exactly at the limit from one that goes on.
            int n = gzip.read(buffer, offset, (int) Math.min(length, allowed + 1));
            if (n > 0) {
                count += n;
                if (count > limits.maxTotalBytes()) {
                    throw new LimitReached("The tarball unpacks to more than "
                            + limits.maxTotalBytes() + " bytes (" + Limit.TOTAL_BYTES + "); reading stopped there.");
                }
                if (count > limits.ratioGraceBytes()
                        && count > (long) limits.maxCompressionRatio() * Math.max(1, compressed.count)) {
                    throw new LimitReached("The tarball inflates more than "
                            + limits.maxCompressionRatio() + " times (" + count + " bytes from " + compressed.count
                            + "), a compression bomb (" + Limit.COMPRESSION_RATIO + "); reading stopped there.");
                }
            }
            return n;
        }

        void drain() throws IOException {
            byte[] sink = new byte[COPY_CHUNK];
            while (read(sink, 0, sink.length) >= 0) {
                // Only the trailer check matters; the padding after the tar end marker is discarded.
            }
        }
    }
}
