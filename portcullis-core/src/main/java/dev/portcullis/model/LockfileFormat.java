package dev.portcullis.model;

/** The lockfile formats Portcullis reads. */
public enum LockfileFormat {
    NPM("package-lock.json"),
    NPM_SHRINKWRAP("npm-shrinkwrap.json"),
    YARN_CLASSIC("yarn.lock"),
    YARN_BERRY("yarn.lock"),
    PNPM("pnpm-lock.yaml"),
    BUN("bun.lock");

    private final String fileName;

    LockfileFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
