package dev.portcullis.lockfile;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads one lockfile format. Two methods, as OSV-Scalibr's extractors: a cheap test of whether a file is
 * this reader's, and a parse of an already open stream. The engine finds files and does the I/O.
 * Implementations are stateless and register once in {@link LockfileReaders#ALL}.
 */
public interface LockfileReader {

    /**
     * Is this file mine? Decided from its name (without directories) and its first characters
     * ({@code head}, up to 4 KiB decoded as UTF-8) alone, without parsing it.
     */
    boolean canRead(String fileName, String head);

    /**
     * Reads the lockfile into a graph.
     *
     * @param file the path relative to the project root, used in every location
     * @param in the file's bytes; not closed by the reader
     * @throws InputException malformed content or an unknown format version, with the line where it was found
     */
    Lockfile read(String file, InputStream in) throws InputException, IOException;

    /**
     * Reads the lockfile knowing the project's manifests. Formats that do not record what the roots declare
     * (yarn classic) need them to connect the roots to their dependencies; the others ignore them.
     *
     * @param rootManifest the root package.json
     * @param workspaceManifests the workspaces' package.json files by relative path
     */
    default Lockfile read(String file, InputStream in, Manifest rootManifest, Map<String, Manifest> workspaceManifests)
            throws InputException, IOException {
        return read(file, in);
    }
}
