package dev.portcullis.engine;

import dev.portcullis.project.ProjectFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads the project files the CI check looks at: {@code .github/workflows/*.yml|*.yaml}, composite actions
 * ({@code .github/actions/<name>/action.yml} and a root {@code action.yml}), {@code .gitlab-ci.yml}, root
 * Dockerfiles ({@code Dockerfile*}, {@code *.Dockerfile}), Makefiles ({@code Makefile}, {@code makefile},
 * {@code GNUmakefile}) and root shell scripts ({@code *.sh}, {@code *.bash}).
 *
 * <p>Files over {@link #MAX_FILE_BYTES} and binary files (a NUL byte) are skipped; other bytes are decoded as
 * UTF-8 leniently (invalid sequences become U+FFFD). A symbolic link is followed only when its target is inside
 * the project. Paths are project-relative with forward slashes, in path order.
 */
public final class ProjectFileCollector {
    /** Larger than any hand-written CI file; larger files are generated or hostile and are not read. */
    public static final long MAX_FILE_BYTES = 1 << 20;
    /** How many files of one directory are looked at; a project root with more is not hand-written. */
    public static final int MAX_DIRECTORY_ENTRIES = 10_000;

    private ProjectFileCollector() {
    }

    public static List<ProjectFile> collect(Path projectRoot) throws IOException {
        return collect(projectRoot, MAX_FILE_BYTES);
    }

    static List<ProjectFile> collect(Path projectRoot, long maxFileBytes) throws IOException {
        Path root = projectRoot.toRealPath();
        List<ProjectFile> files = new ArrayList<>();
        for (Path file : list(root, root)) {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean wanted = name.startsWith("Dockerfile") || lower.endsWith(".dockerfile")
                    || name.equals("Makefile") || name.equals("makefile") || name.equals("GNUmakefile")
                    || lower.endsWith(".sh") || lower.endsWith(".bash")
                    || name.equals(".gitlab-ci.yml") || name.equals(".gitlab-ci.yaml")
                    || name.equals("action.yml") || name.equals("action.yaml");
            if (wanted) {
                read(root, file, maxFileBytes, files);
            }
        }
        for (Path file : list(root, root.resolve(".github/workflows"))) {
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
                read(root, file, maxFileBytes, files);
            }
        }
        for (Path dir : listDirectories(root, root.resolve(".github/actions"))) {
            for (String name : List.of("action.yml", "action.yaml")) {
                read(root, dir.resolve(name), maxFileBytes, files);
            }
        }
        files.sort(Comparator.comparing(ProjectFile::path));
        return files;
    }

    /** Regular files directly in {@code dir}, when {@code dir} is a directory inside the project. */
    private static List<Path> list(Path root, Path dir) throws IOException {
        return entries(root, dir, false);
    }

    /** Directories directly in {@code dir} whose real location is inside the project. */
    private static List<Path> listDirectories(Path root, Path dir) throws IOException {
        return entries(root, dir, true);
    }

    private static List<Path> entries(Path root, Path dir, boolean directories) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!inside(root, dir) || !Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (out.size() >= MAX_DIRECTORY_ENTRIES) {
                    break;
                }
                boolean wanted = directories ? Files.isDirectory(entry) && inside(root, entry)
                        : Files.isRegularFile(entry);
                if (wanted) {
                    out.add(entry);
                }
            }
        }
        return out;
    }

    /** Whether {@code path} exists and its real location (links resolved) is inside the project. */
    private static boolean inside(Path root, Path path) throws IOException {
        if (!Files.exists(path)) {
            return false;
        }
        return path.toRealPath().startsWith(root);
    }

    private static void read(Path root, Path file, long maxFileBytes, List<ProjectFile> into) throws IOException {
        if (!Files.isRegularFile(file) || !inside(root, file)) {
            return;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file.toRealPath())) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        } catch (NoSuchFileException e) {
            return;
        }
        if (bytes.length > maxFileBytes || isBinary(bytes)) {
            return;
        }
        String path = root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        into.add(new ProjectFile(path, decode(bytes)));
    }

    private static boolean isBinary(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static String decode(byte[] bytes) throws IOException {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                .toString();
    }
}
