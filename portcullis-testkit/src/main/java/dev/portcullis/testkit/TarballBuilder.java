package dev.portcullis.testkit;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds gzipped tarballs in memory, honest or hostile, so each tarball-reading test shows its input plainly.
 * Names are written byte for byte as given (absolute paths, {@code ..}, backslashes and invalid UTF-8 included),
 * which {@link TarArchiveOutputStream} allows when entries preserve absolute paths and names go out as ISO-8859-1.
 */
public final class TarballBuilder {
    private static final int BLOCK = 512;
    private static final int CHECKSUM_OFFSET = 148;
    private static final int BOMB_CHUNK = 1024 * 1024;
    private static final String GNU_LONG_LINK = "././@LongLink";

    private sealed interface Item permits Entry, Bomb, Repeated {
    }

    private record Repeated(TarArchiveEntry header, byte[] pattern) implements Item {
    }

    private record Entry(TarArchiveEntry header, byte[] content) implements Item {
    }

    private record Bomb(String name, long size) implements Item {
    }

    private final List<Item> items = new ArrayList<>();
    private int truncateBytes;
    private boolean corruptFirstHeader;
    private boolean gzip = true;
    private boolean pax;

    public static TarballBuilder tarball() {
        return new TarballBuilder();
    }

    public TarballBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    public TarballBuilder file(String name, byte[] content, int mode) {
        TarArchiveEntry header = header(nameBytes(name), TarArchiveEntry.LF_NORMAL);
        header.setSize(content.length);
        header.setMode(mode);
        items.add(new Entry(header, content.clone()));
        return this;
    }

    /**
     * A file whose long name is written as a GNU {@code ././@LongLink} entry of its own, built here rather than by
     * Commons Compress (whose header writer is quadratic in the name's length): names of megabytes build fast.
     */
    public TarballBuilder gnuLongName(String name, String content) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry longLink = header(GNU_LONG_LINK, TarArchiveEntry.LF_GNUTYPE_LONGNAME);
        longLink.setSize(nameBytes.length + 1L);
        items.add(new Entry(longLink, Arrays.copyOf(nameBytes, nameBytes.length + 1)));
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry header = header(new String(nameBytes, 0, 99, StandardCharsets.ISO_8859_1),
                TarArchiveEntry.LF_NORMAL);
        header.setSize(bytes.length);
        items.add(new Entry(header, bytes));
        return this;
    }

    /** A file whose name is the given bytes exactly, for names that are not valid UTF-8. */
    public TarballBuilder fileWithRawName(byte[] name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry header = header(new String(name, StandardCharsets.ISO_8859_1), TarArchiveEntry.LF_NORMAL);
        header.setSize(bytes.length);
        items.add(new Entry(header, bytes));
        return this;
    }

    public TarballBuilder directory(String name) {
        items.add(new Entry(header(nameBytes(name), TarArchiveEntry.LF_DIR), new byte[0]));
        return this;
    }

    public TarballBuilder symlink(String name, String target) {
        return link(name, target, TarArchiveEntry.LF_SYMLINK);
    }

    public TarballBuilder hardlink(String name, String target) {
        return link(name, target, TarArchiveEntry.LF_LINK);
    }

    /** A character device, like {@code /dev/null}. */
    public TarballBuilder device(String name) {
        items.add(new Entry(header(nameBytes(name), TarArchiveEntry.LF_CHR), new byte[0]));
        return this;
    }

    public TarballBuilder fifo(String name) {
        items.add(new Entry(header(nameBytes(name), TarArchiveEntry.LF_FIFO), new byte[0]));
        return this;
    }

    /** An entry of any type flag, for types npm never writes (sparse files, vendor extensions). */
    public TarballBuilder entryOfType(String name, byte typeFlag) {
        items.add(new Entry(header(nameBytes(name), typeFlag), new byte[0]));
        return this;
    }

    /**
     * A file of {@code size} zero bytes written as concatenated gzip members of one mebibyte of zeros each, so a
     * tarball inflating to gigabytes builds in milliseconds. Must be the last entry.
     */
    public TarballBuilder gzipBomb(String name, long size) {
        items.add(new Bomb(name, size));
        return this;
    }

    /**
     * A file of {@code size} bytes, {@code pattern} repeated (the last repetition cut short), kept as the pattern
     * alone: tarballs with files of hundreds of megabytes are built with {@link #writeTo(Path)}, which streams them.
     */
    public TarballBuilder repeated(String name, long size, String pattern) {
        TarArchiveEntry header = header(nameBytes(name), TarArchiveEntry.LF_NORMAL);
        header.setSize(size);
        header.setMode(0644);
        items.add(new Repeated(header, pattern.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /**
     * Writes the gzipped tarball to {@code file} as it is built, never holding it: for tarballs with
     * {@link #repeated} files. Bombs, truncation and corruption are for {@link #build()}.
     */
    public void writeTo(Path file) {
        if (truncateBytes > 0 || corruptFirstHeader || !gzip) {
            throw new IllegalStateException("writeTo streams a plain gzipped tarball; use build() for broken ones");
        }
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                1 << 16); TarArchiveOutputStream tar = new TarArchiveOutputStream(out,
                StandardCharsets.ISO_8859_1.name())) {
            tar.setLongFileMode(pax ? TarArchiveOutputStream.LONGFILE_POSIX : TarArchiveOutputStream.LONGFILE_GNU);
            tar.setAddPaxHeadersForNonAsciiNames(pax);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Item item : items) {
                switch (item) {
                    case Entry entry -> {
                        tar.putArchiveEntry(entry.header());
                        tar.write(entry.content());
                    }
                    case Repeated repeated -> {
                        tar.putArchiveEntry(repeated.header());
                        byte[] chunk = chunkOf(repeated.pattern());
                        long left = repeated.header().getSize();
                        while (left > 0) {
                            int n = (int) Math.min(left, chunk.length);
                            tar.write(chunk, 0, n);
                            left -= n;
                        }
                    }
                    case Bomb bomb -> throw new IllegalStateException("writeTo does not write gzip bombs: "
                            + bomb.name());
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** About a mebibyte of whole repetitions of {@code pattern}, so the file's bytes line up across chunks. */
    private static byte[] chunkOf(byte[] pattern) {
        int times = Math.max(1, (1 << 20) / Math.max(1, pattern.length));
        byte[] chunk = new byte[pattern.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(pattern, 0, chunk, i * pattern.length, pattern.length);
        }
        return chunk;
    }

    /** Drops the last {@code bytes} bytes of the finished (gzipped) tarball. */
    public TarballBuilder truncate(int bytes) {
        truncateBytes = bytes;
        return this;
    }

    /** Breaks the header checksum of the first entry. */
    public TarballBuilder corruptHeader() {
        corruptFirstHeader = true;
        return this;
    }

    /**
     * Writes long and non-ASCII names in PAX headers, as npm's node-tar does, instead of byte for byte in the tar
     * header. Must come before the first entry, since it changes how every name is written.
     */
    public TarballBuilder paxNames() {
        if (!items.isEmpty()) {
            throw new IllegalStateException("paxNames() must come before the first entry");
        }
        pax = true;
        return this;
    }

    /** Leaves the tar uncompressed, as no registry serves it. */
    public TarballBuilder withoutGzip() {
        gzip = false;
        return this;
    }

    public byte[] build() {
        try {
            byte[] result = gzip ? gzipped() : tar(entriesBeforeBomb(), true);
            return Arrays.copyOf(result, Math.max(0, result.length - truncateBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] gzipped() throws IOException {
        Bomb bomb = items.isEmpty() || !(items.getLast() instanceof Bomb b) ? null : b;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bomb == null) {
            out.write(gzip(tar(entriesBeforeBomb(), true)));
            return out.toByteArray();
        }
        List<Entry> entries = new ArrayList<>(entriesBeforeBomb());
        TarArchiveEntry header = header(nameBytes(bomb.name()), TarArchiveEntry.LF_NORMAL);
        header.setSize(bomb.size());
        entries.add(new Entry(header, null));
        out.write(gzip(tar(entries, false)));
        byte[] zeros = gzip(new byte[BOMB_CHUNK]);
        for (long written = 0; written < bomb.size(); written += BOMB_CHUNK) {
            out.write(zeros);
        }
        return out.toByteArray();
    }

    private List<Entry> entriesBeforeBomb() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            switch (items.get(i)) {
                case Entry entry -> entries.add(entry);
                case Repeated repeated -> throw new IllegalStateException("a repeated file is written by writeTo");
                case Bomb bomb -> {
                    if (i != items.size() - 1) {
                        throw new IllegalStateException("a gzip bomb must be the last entry");
                    }
                }
            }
        }
        return entries;
    }

    /** The tar bytes; an entry with null content gets only its header (the bomb streams the content separately). */
    private byte[] tar(List<Entry> entries, boolean finish) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, StandardCharsets.ISO_8859_1.name());
        tar.setLongFileMode(pax ? TarArchiveOutputStream.LONGFILE_POSIX : TarArchiveOutputStream.LONGFILE_GNU);
        tar.setAddPaxHeadersForNonAsciiNames(pax);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Entry entry : entries) {
            tar.putArchiveEntry(entry.header());
            if (entry.content() == null) {
                tar.flush();
                byte[] headerOnly = bytes.toByteArray();
                return corrupt(headerOnly);
            }
            tar.write(entry.content());
            tar.closeArchiveEntry();
        }
        if (finish) {
            tar.finish();
        }
        tar.flush();
        return corrupt(bytes.toByteArray());
    }

    private byte[] corrupt(byte[] tar) {
        if (corruptFirstHeader && tar.length >= BLOCK) {
            tar[CHECKSUM_OFFSET] = (byte) 'X';
        }
        return tar;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private TarballBuilder link(String name, String target, byte flag) {
        TarArchiveEntry header = header(nameBytes(name), flag);
        header.setLinkName(nameBytes(target));
        items.add(new Entry(header, new byte[0]));
        return this;
    }

    private static TarArchiveEntry header(String latin1Name, byte flag) {
        TarArchiveEntry header = new TarArchiveEntry(latin1Name, flag, true);
        header.setModTime(0);
        return header;
    }

    /** The UTF-8 bytes of a name as the ISO-8859-1 string the output stream writes back byte for byte. */
    private String nameBytes(String name) {
        return pax ? name : new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
