package dev.portcullis.engine;

import dev.portcullis.analysis.PackageInput;
import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballFile;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a package directory (an unpacked package, a checkout) into memory as the tarball reader reads a tarball:
 * under the same {@link TarballLimits}, never following a symbolic link (each is reported as a
 * {@link TarballProblem.Kind#SYMLINK} problem, as in a tarball), skipping {@code .git} and the package's own
 * {@code node_modules} (its installed dependencies are other packages, not this one's content). Directories are
 * listed in sorted order so that where a limit stops the reading is the same on every run.
 */
public final class DirectoryReader {
    private final TarballLimits limits;
    private final List<TarballFile> files = new ArrayList<>();
    private final List<TarballProblem> problems = new ArrayList<>();
    private long totalBytes;
    private int entries;

    /** Thrown inside the walk when a limit is crossed; the problem is already recorded. */
    private static final class Stop extends Exception {
        Stop() {
            super(null, null, false, false);
        }
    }

    private DirectoryReader(TarballLimits limits) {
        this.limits = limits;
    }

    /** The package in {@code dir}, its name and version from its package.json. */
    public static PackageInput input(Path dir, TarballLimits limits) throws IOException {
        return PackageInput.of(read(dir, limits));
    }

    /** The regular files under {@code dir} sorted by path, and every problem met; the root is empty. */
    public static TarballContents read(Path dir, TarballLimits limits) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(dir.toString(), null, "not a directory");
        }
        DirectoryReader reader = new DirectoryReader(limits);
        try {
            reader.walk(dir, "", 0);
        } catch (Stop stop) {
            // reading ends at the first limit crossed, keeping what was read, as TarballReader does
        }
        reader.files.sort(Comparator.comparing(TarballFile::path));
        return new TarballContents("", reader.files, reader.problems);
    }

    private void walk(Path dir, String prefix, int depth) throws IOException, Stop {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            String path = prefix + name;
            if (name.equals(".git") || (depth == 0 && name.equals("node_modules"))) {
                continue;
            }
            if (++entries > limits.maxEntries()) {
                stop(TarballLimits.Limit.ENTRIES, path, "more than " + limits.maxEntries() + " entries");
            }
            if (path.length() > limits.maxPathLength()) {
                stop(TarballLimits.Limit.PATH_LENGTH, path, "a path longer than " + limits.maxPathLength()
                        + " characters");
            }
            if (depth + 1 > limits.maxPathDepth()) {
                stop(TarballLimits.Limit.PATH_DEPTH, path, "a path deeper than " + limits.maxPathDepth()
                        + " directories");
            }
            BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                problems.add(new TarballProblem(TarballProblem.Kind.SYMLINK, path, "symbolic link " + path + " → "
                        + Files.readSymbolicLink(child) + " was not followed"));
            } else if (attributes.isDirectory()) {
                walk(child, path + "/", depth + 1);
            } else if (attributes.isRegularFile()) {
                readFile(child, path, attributes.size());
            } else {
                problems.add(new TarballProblem(TarballProblem.Kind.DEVICE_OR_FIFO, path,
                        path + " is a device, FIFO or socket; not read"));
            }
        }
    }

    private void readFile(Path file, String path, long size) throws IOException, Stop {
        if (size > limits.maxFileBytes()) {
            stop(TarballLimits.Limit.FILE_BYTES, path, "a file of " + size + " bytes (limit "
                    + limits.maxFileBytes() + ")");
        }
        if (totalBytes + size > limits.maxTotalBytes()) {
            stop(TarballLimits.Limit.TOTAL_BYTES, path, "more than " + limits.maxTotalBytes() + " bytes in all");
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            // bounded even if the file grows while it is read
            content = in.readNBytes((int) Math.min(limits.maxFileBytes() + 1, Integer.MAX_VALUE - 8));
        }
        if (content.length > limits.maxFileBytes()) {
            stop(TarballLimits.Limit.FILE_BYTES, path, "a file larger than " + limits.maxFileBytes() + " bytes");
        }
        totalBytes += content.length;
        files.add(new TarballFile(path, content, mode(file)));
    }

    private static int mode(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.readAttributes(file, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).permissions();
            int mode = 0;
            for (PosixFilePermission permission : permissions) {
                mode |= 1 << (8 - permission.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException e) {
            return 0644; // not a POSIX file system: report what npm would pack
        }
    }

    private void stop(TarballLimits.Limit limit, String path, String what) throws Stop {
        problems.add(new TarballProblem(TarballProblem.Kind.LIMIT_EXCEEDED, path, "reading stopped at " + path
                + ": " + what + " (limit " + limit.name().toLowerCase(java.util.Locale.ROOT) + ")"));
        throw new Stop();
    }
}
