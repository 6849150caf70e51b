package dev.portcullis.tarball;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tarball holds: its regular files sorted by path, and every problem met while reading, in stream order.
 * Contents are partial when reading stopped early (see {@link #complete()}).
 *
 * @param root     the top-level directory stripped from every path ({@code package} for almost every npm
 *                 package), empty when the tarball had no entry under a directory
 * @param files    sorted by path, unique paths
 * @param problems in the order met
 */
public record TarballContents(String root, List<TarballFile> files, List<TarballProblem> problems) {
    public TarballContents {
        Objects.requireNonNull(root, "root");
        files = List.copyOf(files);
        problems = List.copyOf(problems);
        for (int i = 1; i < files.size(); i++) {
            if (files.get(i - 1).path().compareTo(files.get(i).path()) >= 0) {
                throw new IllegalArgumentException("files must be sorted and unique, got " + files.get(i - 1).path()
                        + " before " + files.get(i).path());
            }
        }
    }

    public Optional<TarballFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** False when reading stopped before the end: a limit, a truncated or a corrupt stream. */
    public boolean complete() {
        return problems.stream().noneMatch(p -> switch (p.kind()) {
            case TRUNCATED, CORRUPT, LIMIT_EXCEEDED -> true;
            case PATH_TRAVERSAL, SYMLINK, HARDLINK, DEVICE_OR_FIFO, UNSUPPORTED_ENTRY, DUPLICATE_ENTRY, SHADOWED_ENTRY,
                 OUTSIDE_PACKAGE_ROOT, NON_UTF8_PATH -> false;
        });
    }
}
