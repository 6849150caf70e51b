package dev.portcullis.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How project files (package.json, lockfiles, .npmrc, workspace and CI files, portcullis.yml) are opened: only
 * inside the project. A pull request controls the project's files, links included, so a lockfile linked to
 * {@code ~/.npmrc} or {@code /etc/shadow} must be refused, not read and quoted into a CI log.
 */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /**
     * Whether {@code root/relative} is a regular file (links followed), refusing one whose real location is outside
     * {@code root}.
     *
     * @throws InputException when the file, or a link on the way to it, leads outside the project
     */
    public static boolean isFile(Path root, String relative) throws InputException, IOException {
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            return false; // a dangling link reads as no file, as it does for the package managers
        }
        checkInside(root, relative);
        return true;
    }

    /** @throws InputException when {@code root/relative}'s real location is outside {@code root} */
    public static void checkInside(Path root, String relative) throws InputException, IOException {
        Path file = root.resolve(relative);
        Path realRoot = root.toRealPath();
        if (Files.exists(file) && !file.toRealPath().startsWith(realRoot)) {
            throw new InputException(Location.of(relative), "a symbolic link to a file outside the project: "
                    + "refused (project files are read only inside " + root + ")");
        }
    }

    /**
     * The bytes of {@code root/relative}, inside the project, at most {@code maxBytes}.
     *
     * @throws InputException when it leads outside the project or is larger than {@code maxBytes}, naming both
     */
    public static byte[] read(Path root, String relative, long maxBytes) throws InputException, IOException {
        checkInside(root, relative);
        return readBounded(root.resolve(relative), relative, maxBytes);
    }

    /**
     * At most {@code maxBytes} of a regular file, without reading further.
     *
     * @param shown the file as messages name it
     * @throws InputException when it is not a regular file (a device such as {@code /dev/zero}, a directory) or is
     *     larger than {@code maxBytes}
     */
    public static byte[] readBounded(Path file, String shown, long maxBytes) throws InputException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(Location.of(shown), Files.exists(file) ? "not a regular file" : "no such file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InputException(Location.of(shown), "permission denied");
        }
        if (bytes.length > maxBytes) {
            throw new InputException(Location.of(shown), "larger than " + maxBytes + " bytes, the limit for this "
                    + "file: refused");
        }
        return bytes;
    }
}
