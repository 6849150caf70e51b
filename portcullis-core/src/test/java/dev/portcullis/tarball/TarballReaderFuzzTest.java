package dev.portcullis.tarball;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/**
 * Any bytes read into contents plus problems: from an in-memory stream, which cannot fail, nothing is thrown at all
 * (the IOException in the signature is the stream's own, which never comes). Seeds are the real tarballs of the
 * test kit (TarballReaderFuzzTestInputs/); in a normal test run Jazzer replays them, with JAZZER_FUZZ=1 it fuzzes
 * one target for maxDuration.
 */
class TarballReaderFuzzTest {
    /** Far above any read of a fuzzer-sized input (a few KiB), far below a hang. */
    private static final long MAX_READ_NANOS = 5_000_000_000L;

    /** Small limits, so the fuzzer meets every limit with small inputs. */
    private static final TarballLimits LIMITS = new TarballLimits(1024 * 1024, 64, 256 * 1024, 50, 64 * 1024, 200, 16);

    /** Bytes as they come from the network: mostly exercises the gzip layer. */
    @FuzzTest(maxDuration = "2m")
    void gzippedBytesReadOrReport(byte[] data) throws IOException {
        readsWithinLimits(data);
    }

    /** Bytes gzipped first, so the fuzzer works on the tar layer. */
    @FuzzTest(maxDuration = "2m")
    void tarBytesReadOrReport(byte[] data) throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(data);
        }
        readsWithinLimits(gzipped.toByteArray());
    }

    private static void readsWithinLimits(byte[] gzipped) throws IOException {
        long start = System.nanoTime();

        TarballContents contents = TarballReader.read(new ByteArrayInputStream(gzipped), LIMITS);

        assertThat(System.nanoTime() - start).isLessThan(MAX_READ_NANOS);
        assertThat(contents.files()).allSatisfy(f -> {
            assertThat(f.path()).doesNotStartWith("/").doesNotContain("\\");
            assertThat(f.path().split("/")).doesNotContain("..", ".", "");
            assertThat(f.size()).isLessThanOrEqualTo((int) LIMITS.maxFileBytes());
        });
        assertThat(contents.files().stream().mapToLong(TarballFile::size).sum()).isLessThanOrEqualTo(LIMITS.maxTotalBytes());
    }
}
