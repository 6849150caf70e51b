package dev.portcullis.lockfile;

import java.util.List;
import java.util.Optional;

/** The one list of lockfile readers. A test fails when a reader exists that is not listed here. */
public final class LockfileReaders {

    public static final List<LockfileReader> ALL = List.of(
            new NpmLockfileReader(),
            new YarnClassicLockfileReader(),
            new YarnBerryLockfileReader(),
            new PnpmLockfileReader(),
            new BunLockfileReader()
    );

    private LockfileReaders() {
    }

    /** The reader for a file, by its name and first characters; empty when none claims it. */
    public static Optional<LockfileReader> find(String fileName, String head) {
        return ALL.stream().filter(r -> r.canRead(fileName, head)).findFirst();
    }
}
