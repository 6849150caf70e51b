package dev.portcullis.project;

import java.util.List;
import java.util.Locale;

/** The kinds of project file the CI check reads, told apart by path, each with its way of finding shell text. */
enum CiFileKind {
    GITHUB_WORKFLOW(true),
    GITHUB_ACTION(true),
    GITLAB_CI(true),
    DOCKERFILE(true),
    MAKEFILE(false),
    SHELL_SCRIPT(false),
    /** A package.json script; never a {@link ProjectFile}, listed so every source has a kind. */
    PACKAGE_SCRIPT(false);

    private final boolean installsForBuild;

    CiFileKind(boolean installsForBuild) {
        this.installsForBuild = installsForBuild;
    }

    /**
     * Whether an install here builds what ships (CI jobs, image builds), so it must be frozen. Makefiles, shell
     * scripts and package.json scripts also serve developers, for whom {@code npm install} is how dependencies
     * are updated; their installs count only when CI calls them ({@link CiEntries}).
     */
    boolean installsForBuild() {
        return installsForBuild;
    }

    /** The kind of a project-relative path, or null when the check does not read it. */
    static CiFileKind of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean yaml = lower.endsWith(".yml") || lower.endsWith(".yaml");
        if (path.startsWith(".github/workflows/") && yaml) {
            return GITHUB_WORKFLOW;
        }
        if ((lower.equals("action.yml") || lower.equals("action.yaml"))
                && (path.startsWith(".github/actions/") || path.equals(name))) {
            return GITHUB_ACTION;
        }
        if (path.equals(".gitlab-ci.yml") || path.equals(".gitlab-ci.yaml")) {
            return GITLAB_CI;
        }
        if (path.contains("/")) {
            return null;
        }
        if (name.startsWith("Dockerfile") || lower.endsWith(".dockerfile")) {
            return DOCKERFILE;
        }
        if (name.equals("Makefile") || name.equals("makefile") || name.equals("GNUmakefile")) {
            return MAKEFILE;
        }
        if (lower.endsWith(".sh") || lower.endsWith(".bash")) {
            return SHELL_SCRIPT;
        }
        return null;
    }

    /** The shell text of a file of this kind, and the limit that kept a YAML file from being read as YAML. */
    CiExtractor.YamlRead snippets(String content, CiScanLimits limits) {
        String text = limits.bound(content);
        return switch (this) {
            case GITHUB_WORKFLOW, GITHUB_ACTION -> CiExtractor.readYaml(text, CiExtractor.GITHUB_KEYS,
                    limits.maxFileChars());
            case GITLAB_CI -> CiExtractor.readYaml(text, CiExtractor.GITLAB_KEYS, limits.maxFileChars());
            case DOCKERFILE -> new CiExtractor.YamlRead(CiExtractor.dockerfile(text), null);
            case MAKEFILE -> new CiExtractor.YamlRead(CiExtractor.makefile(text), null);
            case SHELL_SCRIPT, PACKAGE_SCRIPT -> new CiExtractor.YamlRead(List.of(new ShellSnippet(text, 1, true)),
                    null);
        };
    }
}
