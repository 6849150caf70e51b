package dev.portcullis.tarball;

import static dev.portcullis.testkit.TarballBuilder.tarball;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.portcullis.tarball.TarballProblem.Kind;
import dev.portcullis.testkit.Fixtures;
import dev.portcullis.testkit.TarballBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TarballReaderTest {
    private static final long MIB = 1024L * 1024L;

    private static TarballFile file(String path, String content) {
        return new TarballFile(path, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    private static TarballProblem problem(Kind kind, String entry, String message) {
        return new TarballProblem(kind, entry, message);
    }

    private static TarballContents read(TarballBuilder builder) throws IOException {
        return read(builder.build());
    }

    private static TarballContents read(byte[] gzipped) throws IOException {
        return TarballReader.read(new ByteArrayInputStream(gzipped), TarballLimits.defaults());
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("normalPackage",
                        tarball().directory("package/").file("package/package.json", "{}")
                                .file("package/lib/index.js", "x").file("package/bin/cli.js", "#!".getBytes(StandardCharsets.UTF_8), 0755),
                        new TarballContents("package", List.of(
                                new TarballFile("bin/cli.js", "#!".getBytes(StandardCharsets.UTF_8), 0755),
                                file("lib/index.js", "x"), file("package.json", "{}")), List.of())),
                Arguments.of("emptyTarball", tarball(), new TarballContents("", List.of(), List.of())),
                Arguments.of("dotSegmentsAreNormalised",
                        tarball().file("./package/./a.js", "a").file("package//b.js", "b"),
                        new TarballContents("package", List.of(file("a.js", "a"), file("b.js", "b")), List.of())),
                Arguments.of("pathTraversal",
                        tarball().file("package/index.js", "ok").file("package/../../etc/passwd", "x")
                                .file("/etc/shadow", "x").file("C:/Windows/evil.dll", "x")
                                .file("package\\..\\evil.js", "x"),
                        new TarballContents("package", List.of(file("index.js", "ok")), List.of(
                                problem(Kind.PATH_TRAVERSAL, "package/../../etc/passwd",
                                        "An entry name with a '..' segment; not kept."),
                                problem(Kind.PATH_TRAVERSAL, "/etc/shadow", "An absolute entry name; not kept."),
                                problem(Kind.PATH_TRAVERSAL, "C:/Windows/evil.dll",
                                        "An entry name with a Windows drive letter; not kept."),
                                problem(Kind.PATH_TRAVERSAL, "package\\..\\evil.js", "The entry name contains a"
                                        + " backslash, a path separator on Windows; not kept.")))),
                Arguments.of("pathTraversalInLongNames_gnuAndPax",
                        tarball().file("package/index.js", "ok").file("/etc/" + "x/".repeat(60) + "gnu", "x")
                                .file("package/" + "x/".repeat(60) + "../".repeat(62) + "evil", "x"),
                        new TarballContents("package", List.of(file("index.js", "ok")), List.of(
                                problem(Kind.PATH_TRAVERSAL, "/etc/" + "x/".repeat(60) + "gnu",
                                        "An absolute entry name; not kept."),
                                problem(Kind.PATH_TRAVERSAL, "package/" + "x/".repeat(60) + "../".repeat(62) + "evil",
                                        "An entry name with a '..' segment; not kept.")))),
                Arguments.of("pathTraversalInPaxNames",
                        tarball().paxNames().file("package/index.js", "ok").file("/etc/" + "x/".repeat(60) + "pax", "x"),
                        new TarballContents("package", List.of(file("index.js", "ok")), List.of(
                                problem(Kind.PATH_TRAVERSAL, "/etc/" + "x/".repeat(60) + "pax",
                                        "An absolute entry name; not kept.")))),
                Arguments.of("linksAndDevicesAreReportedNotKept",
                        tarball().file("package/index.js", "ok").symlink("package/link", "/home/user/.npmrc")
                                .hardlink("package/hard", "package/index.js").device("package/null")
                                .fifo("package/pipe").entryOfType("package/sparse", TarArchiveEntry.LF_GNUTYPE_SPARSE),
                        new TarballContents("package", List.of(file("index.js", "ok")), List.of(
                                problem(Kind.SYMLINK, "package/link",
                                        "A symbolic link to '/home/user/.npmrc'; not followed."),
                                problem(Kind.HARDLINK, "package/hard",
                                        "A hard link to 'package/index.js'; not followed."),
                                problem(Kind.DEVICE_OR_FIFO, "package/null", "A character device; not kept."),
                                problem(Kind.DEVICE_OR_FIFO, "package/pipe", "A FIFO; not kept."),
                                problem(Kind.UNSUPPORTED_ENTRY, "package/sparse", "A tar entry of type 'S', which"
                                        + " npm packages do not use; not kept.")))),
                Arguments.of("duplicateKeepsTheLast",
                        tarball().file("package/index.js", "first").file("package/./index.js", "second"),
                        new TarballContents("package", List.of(file("index.js", "second")), List.of(
                                problem(Kind.SHADOWED_ENTRY, "package/./index.js", "A second entry for 'index.js'"
                                        + " with different content (5 then 6 bytes): npm installs the last, another"
                                        + " extractor or a reviewer may see the first.")))),
                Arguments.of("identicalDuplicate",
                        tarball().file("package/index.js", "same").file("package/./index.js", "same"),
                        new TarballContents("package", List.of(file("index.js", "same")), List.of(
                                problem(Kind.DUPLICATE_ENTRY, "package/./index.js", "A second entry for 'index.js'"
                                        + " with the same content; the last one is kept, as npm's extraction"
                                        + " does.")))),
                Arguments.of("gnuLongNameBeyondTheLimitIsSteppedOver",
                        tarball().file("package/" + "n".repeat(5_000) + ".js", "x").file("package/a.js", "a"),
                        new TarballContents("package", List.of(file("a.js", "a")), List.of(
                                problem(Kind.LIMIT_EXCEEDED, "(a name of 5012 bytes)", "An entry name of 5012 bytes is"
                                        + " longer than 1024 characters (PATH_LENGTH); the entry is skipped, reading"
                                        + " goes on.")))),
                Arguments.of("outsidePackageRoot",
                        tarball().file("evil/steal.js", "x").file("package/a.js", "a").file("package/b.js", "b")
                                .file("top.js", "t"),
                        new TarballContents("package", List.of(file("a.js", "a"), file("b.js", "b"),
                                file("steal.js", "x")), List.of(
                                problem(Kind.OUTSIDE_PACKAGE_ROOT, "evil/steal.js", "A file outside the package root"
                                        + " 'package'; kept without its first directory, where npm would install it."),
                                problem(Kind.OUTSIDE_PACKAGE_ROOT, "top.js", "A file at the top level, outside the"
                                        + " package root 'package'; npm drops it, so it is not kept.")))),
                Arguments.of("otherRootName",
                        tarball().file("node-foo/package.json", "{}").file("node-foo/index.js", "x"),
                        new TarballContents("node-foo", List.of(file("index.js", "x"), file("package.json", "{}")),
                                List.of())),
                Arguments.of("nonUtf8Path",
                        tarball().file("package/a.js", "a")
                                .fileWithRawName(new byte[] {'p', 'a', 'c', 'k', 'a', 'g', 'e', '/', (byte) 0xff, 'x'}, "b"),
                        new TarballContents("package", List.of(file("a.js", "a"), file("\uFFFDx", "b")), List.of(
                                problem(Kind.NON_UTF8_PATH, "package/\uFFFDx", "The entry name is not valid UTF-8;"
                                        + " kept with U+FFFD in place of the malformed bytes.")))),
                Arguments.of("nonAsciiUtf8NamesInTarHeaders",
                        tarball().file("package/café.js", "c").file("package/日本.js", "j"),
                        new TarballContents("package", List.of(file("café.js", "c"), file("日本.js", "j")), List.of())),
                Arguments.of("nonAsciiNamesInPaxHeaders_asNpmWritesThem",
                        tarball().paxNames().file("package/café.js", "c").file("package/日本.js", "j")
                                .file("package/" + "long/".repeat(30) + "é.js", "l"),
                        new TarballContents("package", List.of(file("café.js", "c"),
                                file("long/".repeat(30) + "é.js", "l"), file("日本.js", "j")), List.of())),
                Arguments.of("longNameStillRead",
                        tarball().file("package/" + "d/".repeat(60) + "f.js", "deep"),
                        new TarballContents("package", List.of(file("d/".repeat(60) + "f.js", "deep")), List.of())),
                Arguments.of("notGzip",
                        tarball().file("package/a.js", "a").withoutGzip(),
                        new TarballContents("", List.of(), List.of(problem(Kind.CORRUPT, "",
                                "The tarball is not a readable gzipped tar: Not in GZIP format.")))),
                Arguments.of("corruptHeader",
                        tarball().file("package/a.js", "a").corruptHeader(),
                        new TarballContents("", List.of(), List.of(problem(Kind.CORRUPT, "",
                                "The tarball is not a readable gzipped tar: Corrupted TAR archive."))))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void readsScenario(String scenario, TarballBuilder input, TarballContents expected) throws IOException {
        assertThat(read(input)).isEqualTo(expected);
    }

    static Stream<Arguments> truncations() {
        return Stream.of(
                Arguments.of("gzipTrailerMissing", 4),
                Arguments.of("cutInsideTheDeflateStream", 40),
                Arguments.of("onlyTheGzipHeaderLeft", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncations")
    void truncatedTarballKeepsWhatWasReadAndSaysTruncated(String scenario, int cut) throws IOException {
        byte[] whole = tarball().file("package/a.js", "a").file("package/b.js", "b".repeat(2000)).build();
        byte[] cutOff = Arrays.copyOf(whole, cut == 0 ? 10 : whole.length - cut);

        TarballContents contents = TarballReader.read(new ByteArrayInputStream(cutOff), TarballLimits.defaults());

        assertThat(contents.problems()).extracting(TarballProblem::kind).containsExactly(Kind.TRUNCATED);
        assertThat(contents.complete()).isFalse();
        assertThat(contents.files()).isSubsetOf(file("a.js", "a"), file("b.js", "b".repeat(2000)));
    }

    static Stream<Arguments> limits() {
        TarballLimits d = TarballLimits.defaults();
        return Stream.of(
                Arguments.of("entries", new TarballLimits(d.maxTotalBytes(), 2, d.maxFileBytes(),
                        d.maxCompressionRatio(), d.ratioGraceBytes(), d.maxPathLength(), d.maxPathDepth()),
                        problem(Kind.LIMIT_EXCEEDED, "package/c.js",
                                "More than 2 entries (ENTRIES); reading stopped here.")),
                Arguments.of("fileBytes", new TarballLimits(d.maxTotalBytes(), d.maxEntries(), 1,
                        d.maxCompressionRatio(), d.ratioGraceBytes(), d.maxPathLength(), d.maxPathDepth()),
                        problem(Kind.LIMIT_EXCEEDED, "package/c.js",
                                "A file of 2 bytes is larger than 1 (FILE_BYTES); the file is not read, reading goes on.")),
                Arguments.of("pathLength", new TarballLimits(d.maxTotalBytes(), d.maxEntries(), d.maxFileBytes(),
                        d.maxCompressionRatio(), d.ratioGraceBytes(), 12, d.maxPathDepth()),
                        problem(Kind.LIMIT_EXCEEDED, "package/cc.js", "An entry name of 13 characters is longer"
                                + " than 12 (PATH_LENGTH); the entry is skipped, reading goes on.")),
                Arguments.of("pathDepth", new TarballLimits(d.maxTotalBytes(), d.maxEntries(), d.maxFileBytes(),
                        d.maxCompressionRatio(), d.ratioGraceBytes(), d.maxPathLength(), 2),
                        problem(Kind.LIMIT_EXCEEDED, "package/c/d.js", "An entry name 3 directories deep is deeper"
                                + " than 2 (PATH_DEPTH); the entry is skipped, reading goes on.")),
                Arguments.of("totalBytes", new TarballLimits(4 * 512, d.maxEntries(), d.maxFileBytes(),
                        d.maxCompressionRatio(), d.ratioGraceBytes(), d.maxPathLength(), d.maxPathDepth()),
                        problem(Kind.LIMIT_EXCEEDED, "", "The tarball unpacks to more than 2048 bytes"
                                + " (TOTAL_BYTES); reading stopped there.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void limitStopsReadingOrSkipsTheEntry(String limit, TarballLimits limits, TarballProblem expected)
            throws IOException {
        String third = switch (limit) {
            case "pathDepth" -> "package/c/d.js";
            case "pathLength" -> "package/cc.js";
            default -> "package/c.js";
        };
        byte[] input = tarball().file("package/a.js", "a").file("package/b.js", "b").file(third, "cc")
                .file("package/e.js", "e").build();

        TarballContents contents = TarballReader.read(new ByteArrayInputStream(input), limits);

        // Past the entry count or the total size reading stops; an entry too large, too long or too deep is
        // skipped alone, so it cannot hide the entries after it.
        List<TarballFile> kept = limit.equals("entries") || limit.equals("totalBytes")
                ? List.of(file("a.js", "a"), file("b.js", "b"))
                : List.of(file("a.js", "a"), file("b.js", "b"), file("e.js", "e"));
        assertThat(contents).isEqualTo(new TarballContents("package", kept, List.of(expected)));
    }

    @Test
    void hugeDeclaredFileIsNotReadAndTheStepOverEndsAtTheTotal() throws IOException {
        byte[] bomb = tarball().file("package/index.js", "x").gzipBomb("package/zeros", 10L * 1024 * MIB).build();

        TarballContents contents = read(bomb);
        assertThat(contents.files()).containsExactly(file("index.js", "x"));
        assertThat(contents.problems()).hasSize(2);
        assertThat(contents.problems().getFirst()).isEqualTo(problem(Kind.LIMIT_EXCEEDED, "package/zeros",
                "A file of 10737418240 bytes is larger than " + TarballLimits.defaults().maxFileBytes()
                        + " (FILE_BYTES); the file is not read, reading goes on."));
        assertThat(contents.problems().getLast().message()).containsAnyOf("(TOTAL_BYTES)", "(COMPRESSION_RATIO)");
    }

    @Test
    void gzipBombStopsAtTheRatioFast() throws IOException {
        TarballLimits d = TarballLimits.defaults();
        TarballLimits bigFiles = new TarballLimits(d.maxTotalBytes(), d.maxEntries(), Integer.MAX_VALUE - 8,
                d.maxCompressionRatio(), d.ratioGraceBytes(), d.maxPathLength(), d.maxPathDepth());
        byte[] bomb = tarball().file("package/index.js", "x").gzipBomb("package/zeros", 2000 * MIB).build();
        long start = System.nanoTime();

        TarballContents contents = TarballReader.read(new ByteArrayInputStream(bomb), bigFiles);

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(contents.files()).containsExactly(file("index.js", "x"));
        assertThat(contents.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
            assertThat(p.message()).contains("COMPRESSION_RATIO");
        });
        assertThat(millis).isLessThan(2_000);
    }

    @Test
    void bombUnderAGenerousRatioStopsAtTheTotal() throws IOException {
        TarballLimits d = TarballLimits.defaults();
        // A file may declare 2 GiB here: had the reader reserved the declared size, the test JVM's 1 GiB heap would fail.
        TarballLimits generous = new TarballLimits(64 * MIB, d.maxEntries(), Integer.MAX_VALUE - 8, 10_000,
                d.ratioGraceBytes(), d.maxPathLength(), d.maxPathDepth());
        byte[] bomb = tarball().gzipBomb("package/zeros", Integer.MAX_VALUE - 8).build();

        TarballContents contents = TarballReader.read(new ByteArrayInputStream(bomb), generous);

        assertThat(contents).isEqualTo(new TarballContents("", List.of(), List.of(problem(Kind.LIMIT_EXCEEDED, "",
                "The tarball unpacks to more than 67108864 bytes (TOTAL_BYTES); reading stopped there."))));
    }

    @Test
    void readsRealTarball_isNumber() throws IOException {
        TarballContents contents;
        try (InputStream in = Files.newInputStream(Fixtures.path("tarballs/is-number-7.0.0.tgz"))) {
            contents = TarballReader.read(in, TarballLimits.defaults());
        }

        assertThat(contents.root()).isEqualTo("package");
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.files()).extracting(TarballFile::path, TarballFile::size, TarballFile::mode)
                .containsExactly(
                        tuple("LICENSE", 1091, 0644),
                        tuple("README.md", 6514, 0644),
                        tuple("index.js", 411, 0644),
                        tuple("package.json", 1599, 0644));
        assertThat(contents.file("package.json").orElseThrow().text()).contains("\"version\": \"7.0.0\"");
    }

    @Test
    void readsRealTarballWithAnOldRoot_sax() throws IOException {
        TarballContents contents;
        try (InputStream in = Files.newInputStream(Fixtures.path("tarballs/sax-0.1.1.tgz"))) {
            contents = TarballReader.read(in, TarballLimits.defaults());
        }

        assertThat(contents.root()).isEqualTo("1289345704997-0.9273225662764162");
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.files()).hasSize(36);
        assertThat(contents.file("lib/sax.js").orElseThrow().size()).isEqualTo(20434);
        assertThat(contents.file("examples/switch-bench.js").orElseThrow().mode()).isEqualTo(0755);
    }

    @Test
    void failureOfTheStreamItselfIsThrown() {
        byte[] valid = tarball().file("package/a.js", "a").build();
        InputStream failing = new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position == 20) {
                    throw new IOException("connection reset");
                }
                return valid[position++] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = 0;
                while (n < length && position < 20) {
                    buffer[offset + n++] = valid[position++];
                }
                if (n == 0) {
                    throw new IOException("connection reset");
                }
                return n;
            }
        };

        assertThatThrownBy(() -> TarballReader.read(failing, TarballLimits.defaults()))
                .isExactlyInstanceOf(IOException.class).hasMessage("connection reset");
    }
}
