package dev.portcullis.model;

/** The section of a manifest a dependency is declared in. */
public enum DependencyType {
    PROD("dependencies"),
    DEV("devDependencies"),
    OPTIONAL("optionalDependencies"),
    PEER("peerDependencies");

    private final String section;

    DependencyType(String section) {
        this.section = section;
    }

    /** The package.json key of this section. */
    public String section() {
        return section;
    }
}
