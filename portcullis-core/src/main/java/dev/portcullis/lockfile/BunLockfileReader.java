package dev.portcullis.lockfile;

import dev.portcullis.lockfile.bun.BunGraphBuilder;
import dev.portcullis.lockfile.bun.BunLimits;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import java.io.IOException;
import java.io.InputStream;

/**
 * bun.lock, bun's text lockfile (JSON with trailing commas), lockfileVersion 0, 1 and 2. The binary
 * bun.lockb is claimed too, only to tell the user how to get a text lockfile instead.
 */
public final class BunLockfileReader implements LockfileReader {
    private static final String BINARY = "bun.lockb";

    private final BunLimits limits;

    public BunLockfileReader() {
        this(BunLimits.defaults());
    }

    public BunLockfileReader(BunLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean canRead(String fileName, String head) {
        return fileName.equals("bun.lock") || fileName.equals(BINARY);
    }

    @Override
    public Lockfile read(String file, InputStream in) throws InputException, IOException {
        if (file.equals(BINARY) || file.endsWith("/" + BINARY)) {
            throw new InputException(Location.of(file), "the binary bun.lockb is not supported: run "
                    + "`bun install --save-text-lockfile` to write bun.lock, and commit that instead");
        }
        return BunGraphBuilder.read(file, in, limits);
    }
}
