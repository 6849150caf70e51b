package dev.portcullis.lockfile;

import dev.portcullis.lockfile.pnpm.PnpmGraphBuilder;
import dev.portcullis.lockfile.pnpm.PnpmLimits;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Lockfile;
import java.io.InputStream;

/**
 * pnpm-lock.yaml, lockfileVersion 5.x (pnpm 5–7), 6.x (pnpm 8) and 9.x (pnpm 9–10). Streams the YAML
 * events, so memory grows with the packages, not with the text.
 */
public final class PnpmLockfileReader implements LockfileReader {
    private final PnpmLimits limits;

    public PnpmLockfileReader() {
        this(PnpmLimits.defaults());
    }

    public PnpmLockfileReader(PnpmLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean canRead(String fileName, String head) {
        return fileName.equals("pnpm-lock.yaml");
    }

    @Override
    public Lockfile read(String file, InputStream in) throws InputException {
        return PnpmGraphBuilder.read(file, in, limits);
    }
}
