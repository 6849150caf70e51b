package dev.portcullis.lockfile;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Manifest;
import dev.portcullis.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixture and expected-file access shared by the yarn reader tests. */
final class YarnTestFiles {
    private YarnTestFiles() {
    }

    static byte[] lockfile(String format, String scenario) {
        try {
            return Files.readAllBytes(Fixtures.path(format + "/" + scenario + "/yarn.lock"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest manifest(String format, String scenario, String workspace) {
        Path file = Fixtures.path(format + "/" + scenario + "/" + (workspace.equals(".") ? "" : workspace + "/") + "package.json");
        try (InputStream in = Files.newInputStream(file)) {
            return new ManifestReader().read(workspace.equals(".") ? "package.json" : workspace + "/package.json", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hand-checked rendering ({@link YarnGraphText}) of a scenario's graph. */
    static String expected(String format, String scenario) {
        String resource = "/dev/portcullis/lockfile/" + format + "/" + scenario + ".expected";
        try (InputStream in = YarnTestFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no expected file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The same text with CRLF line ends and a UTF-8 byte order mark, as an editor on Windows may save it. */
    static byte[] withBomAndCrlf(byte[] lockfile) {
        String text = "\uFEFF" + new String(lockfile, StandardCharsets.UTF_8).replace("\n", "\r\n");
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
