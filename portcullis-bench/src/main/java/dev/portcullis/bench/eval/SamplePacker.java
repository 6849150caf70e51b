package dev.portcullis.bench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Packs a malicious sample directory into the gzipped tarball {@code npm pack} would publish (every file under
 * {@code package/}, modes kept), in memory, so the evaluation reads samples exactly as it reads real packages:
 * through the tarball reader. The sample's own notes ({@value #NOTES}) and its tarball recipe ({@value #RECIPE})
 * are not packed.
 *
 * <p>A recipe adds entries that a directory in git cannot hold or should not: names that climb out of the package
 * or are absolute, symbolic and hard links. It is JSON: {@code {"entries": [{"type": "file"|"symlink"|"hardlink",
 * "name": "raw tar name", "content": "text", "base64": "bytes", "target": "link target"}]}}; names are written
 * as given (no {@code package/} prefix is added), after the directory's files.
 */
public final class SamplePacker {
    /** The sample's description, not part of the package. */
    public static final String NOTES = "SAMPLE.md";
    /** Extra tar entries, not part of the package. */
    public static final String RECIPE = "tarball.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SamplePacker() {
    }

    /** The sample directory as a gzipped npm tarball. */
    public static byte[] pack(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes),
                StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path file : files(dir)) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (relative.equals(NOTES) || relative.equals(RECIPE)) {
                    continue;
                }
                TarArchiveEntry entry = new TarArchiveEntry("package/" + relative);
                byte[] content = Files.readAllBytes(file);
                entry.setSize(content.length);
                entry.setMode(mode(file));
                write(tar, entry, content);
            }
            Path recipe = dir.resolve(RECIPE);
            if (Files.isRegularFile(recipe)) {
                for (JsonNode item : JSON.readTree(recipe.toFile()).path("entries")) {
                    addRecipeEntry(tar, item, recipe);
                }
            }
            tar.finish();
        }
        return bytes.toByteArray();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    private static void addRecipeEntry(TarArchiveOutputStream tar, JsonNode item, Path recipe) throws IOException {
        String type = item.path("type").asText("");
        String name = item.path("name").asText("");
        if (name.isEmpty()) {
            throw new IOException(recipe + ": an entry without a name");
        }
        switch (type) {
            case "file" -> {
                byte[] content = item.has("base64")
                        ? Base64.getDecoder().decode(item.get("base64").asText())
                        : item.path("content").asText("").getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(name, true);
                entry.setSize(content.length);
                entry.setMode(item.path("mode").asInt(0644));
                write(tar, entry, content);
            }
            case "symlink", "hardlink" -> {
                TarArchiveEntry entry = new TarArchiveEntry(name, type.equals("symlink")
                        ? TarArchiveEntry.LF_SYMLINK : TarArchiveEntry.LF_LINK, true);
                entry.setLinkName(item.path("target").asText(""));
                write(tar, entry, new byte[0]);
            }
            default -> throw new IOException(recipe + ": entry " + name + " has unknown type '" + type + "'");
        }
    }

    private static void write(TarArchiveOutputStream tar, TarArchiveEntry entry, byte[] content) throws IOException {
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** The file's POSIX mode where the file system has one (executables stay executable), else npm's 0644. */
    private static int mode(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            return permissions.contains(PosixFilePermission.OWNER_EXECUTE) ? 0755 : 0644;
        } catch (UnsupportedOperationException e) {
            return 0644;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
