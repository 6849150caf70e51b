package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.project.ProjectFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileCollectorTest {
    @TempDir
    Path project;
    @TempDir
    Path outside;

    private void write(String path, String content) throws IOException {
        write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String path, byte[] content) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    @Test
    void readsWorkflowsActionsGitlabDockerfilesMakefilesAndRootScripts_inPathOrder() throws IOException {
        for (String path : List.of(".github/workflows/ci.yml", ".github/workflows/release.yaml",
                ".github/actions/setup/action.yml", ".gitlab-ci.yml", "Dockerfile", "Dockerfile.dev",
                "web.Dockerfile", "Makefile", "GNUmakefile", "build.sh", "tools.bash", "action.yml",
                // not read: nested workflows, other files, scripts below the root, docs
                ".github/workflows/sub/x.yml", ".github/workflows/notes.txt", "scripts/deploy.sh", "README.md",
                "package.json", "sub/Dockerfile")) {
            write(path, "echo " + path + "\n");
        }
        assertThat(ProjectFileCollector.collect(project)).extracting(ProjectFile::path).containsExactly(
                ".github/actions/setup/action.yml", ".github/workflows/ci.yml", ".github/workflows/release.yaml",
                ".gitlab-ci.yml", "Dockerfile", "Dockerfile.dev", "GNUmakefile", "Makefile", "action.yml", "build.sh",
                "tools.bash", "web.Dockerfile");
        assertThat(ProjectFileCollector.collect(project).get(0).content())
                .isEqualTo("echo .github/actions/setup/action.yml\n");
    }

    @Test
    void skipsLargeAndBinaryFiles_andDecodesInvalidUtf8Leniently() throws IOException {
        write("big.sh", "x".repeat(101));
        write("fits.sh", "x".repeat(100));
        write("binary.sh", new byte[] {'e', 'c', 'h', 'o', 0, 1});
        write("latin1.sh", new byte[] {(byte) 0xe9, (byte) 0xff, 'o', 'k'});
        write("bom.sh", new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'l', 's'});
        assertThat(ProjectFileCollector.collect(project, 100)).containsExactly(
                new ProjectFile("bom.sh", "ls"),
                new ProjectFile("fits.sh", "x".repeat(100)),
                new ProjectFile("latin1.sh", "\ufffd\ufffdok"));
    }

    @Test
    void followsSymlinksOnlyInsideTheProject() throws IOException {
        write("build.sh", "npm ci\n");
        Files.writeString(outside.resolve("secret.sh"), "cat ~/.ssh/id_rsa\n");
        Files.createDirectories(outside.resolve("workflows"));
        Files.writeString(outside.resolve("workflows/ci.yml"), "on: push\n");
        Files.createSymbolicLink(project.resolve("inside.sh"), project.resolve("build.sh"));
        Files.createSymbolicLink(project.resolve("escape.sh"), outside.resolve("secret.sh"));
        Files.createDirectories(project.resolve(".github"));
        Files.createSymbolicLink(project.resolve(".github/workflows"), outside.resolve("workflows"));
        assertThat(ProjectFileCollector.collect(project)).containsExactly(
                new ProjectFile("build.sh", "npm ci\n"),
                new ProjectFile("inside.sh", "npm ci\n"));
    }

    @Test
    void aProjectWithoutSuchFilesHasNone() throws IOException {
        write("package.json", "{}");
        assertThat(ProjectFileCollector.collect(project)).isEmpty();
    }
}
