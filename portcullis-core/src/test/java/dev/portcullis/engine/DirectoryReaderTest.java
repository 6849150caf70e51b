package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballFile;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryReaderTest {
    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Test
    void readsFilesSortedWithModes_skippingGitAndOwnNodeModules() throws IOException {
        write("package.json", "{\"name\":\"local-pkg\",\"version\":\"1.2.3\"}");
        write("lib/index.js", "module.exports = 1;\n");
        write("bin/cli.js", "#!/usr/bin/env node\n");
        Files.setPosixFilePermissions(dir.resolve("bin/cli.js"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write(".git/config", "[core]\n");
        write("node_modules/dep/index.js", "installed dependency\n");
        write("vendor/node_modules/bundled/index.js", "bundled\n");
        TarballContents contents = DirectoryReader.read(dir, TarballLimits.defaults());
        assertThat(contents.files()).extracting(TarballFile::path).containsExactly("bin/cli.js", "lib/index.js",
                "package.json", "vendor/node_modules/bundled/index.js");
        assertThat(contents.file("bin/cli.js").orElseThrow().mode()).isEqualTo(0755);
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.root()).isEmpty();
    }

    @Test
    void symlinksAreReportedNeverFollowed() throws IOException {
        write("package.json", "{}");
        Path secret = Files.createTempFile("portcullis-secret", ".txt");
        try {
            Files.writeString(secret, "TOKEN");
            Files.createSymbolicLink(dir.resolve("leak.txt"), secret);
            Files.createSymbolicLink(dir.resolve("loop"), dir);
            TarballContents contents = DirectoryReader.read(dir, TarballLimits.defaults());
            assertThat(contents.files()).extracting(TarballFile::path).containsExactly("package.json");
            assertThat(contents.problems()).extracting(TarballProblem::kind, TarballProblem::entry).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(TarballProblem.Kind.SYMLINK, "leak.txt"),
                    org.assertj.core.groups.Tuple.tuple(TarballProblem.Kind.SYMLINK, "loop"));
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void stopsAtTheFirstLimitKeepingWhatWasRead() throws IOException {
        write("a.js", "x".repeat(100));
        write("b.js", "y".repeat(100));
        write("c.js", "z".repeat(100));
        TarballLimits small = new TarballLimits(250, 100, 1000, 200, 1024, 100, 10);
        TarballContents contents = DirectoryReader.read(dir, small);
        assertThat(contents.files()).extracting(TarballFile::path).containsExactly("a.js", "b.js");
        assertThat(contents.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(TarballProblem.Kind.LIMIT_EXCEEDED);
            assertThat(p.entry()).isEqualTo("c.js");
        });
        assertThat(contents.complete()).isFalse();
    }

    @Test
    void limitsFileSizeEntriesAndPathLength() throws IOException {
        write("big.js", "x".repeat(2000));
        assertThat(DirectoryReader.read(dir, new TarballLimits(1 << 20, 100, 1000, 200, 1024, 100, 10)).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("limit file_bytes"));
        write("deep/" + "d".repeat(120) + ".js", "x");
        assertThat(DirectoryReader.read(dir, new TarballLimits(1 << 20, 100, 1 << 20, 200, 1024, 100, 10))
                .problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("limit path_length"));
        assertThat(DirectoryReader.read(dir, new TarballLimits(1 << 20, 1, 1 << 20, 200, 1024, 1000, 10))
                .problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("limit entries"));
    }

    @Test
    void notADirectoryIsAnIoError() {
        assertThatThrownBy(() -> DirectoryReader.read(dir.resolve("missing"), TarballLimits.defaults()))
                .isInstanceOf(NoSuchFileException.class);
    }
}
