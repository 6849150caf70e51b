package dev.portcullis.engine;

import dev.portcullis.lockfile.LockfileReader;
import dev.portcullis.lockfile.LockfileReaders;
import dev.portcullis.lockfile.ManifestReader;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.Manifest;
import dev.portcullis.model.ProjectFiles;
import dev.portcullis.model.Redaction;
import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first stage of {@code scan}: the project of a run read from disk — package.json, workspaces, the lockfile, CI
 * files and registry hosts configured outside .npmrc — into one {@link LoadedProject}. The npm configuration and the
 * policy are the run's ({@link Portcullis}).
 */
public final class ProjectReader {
    /** Lockfiles in the order a package manager would prefer them when several are present. */
    static final List<String> LOCKFILES = List.of("npm-shrinkwrap.json", "package-lock.json", "pnpm-lock.yaml",
            "yarn.lock", "bun.lock");
    /** How deep workspace globs are followed; monorepos nest two or three levels. */
    private static final int MAX_WORKSPACE_DEPTH = 8;
    private static final int HEAD_CHARS = 4096;
    private static final Pattern YARN_REGISTRY = Pattern.compile("(?m)^npmRegistryServer:\\s*[\"']?([^\"'\\s]+)");
    private static final Pattern PNPM_PACKAGES = Pattern.compile("(?m)^\\s*-\\s*[\"']?([^\"'#\\n]+?)[\"']?\\s*$");

    private final Portcullis portcullis;
    private final ProjectLimits limits;

    public ProjectReader(Portcullis portcullis) {
        this.portcullis = portcullis;
        this.limits = portcullis.projectLimits();
    }

    /** @throws InputException when package.json, a workspace manifest or the lockfile cannot be read */
    public LoadedProject read() throws InputException, IOException {
        Path root = portcullis.projectDir();
        if (!Files.isDirectory(root)) {
            throw new InputException(Location.of(root.toString()), "not a directory");
        }
        Path manifestPath = root.resolve("package.json");
        if (!ProjectFiles.isFile(root, "package.json")) {
            throw new InputException(Location.of("package.json"), "no package.json in " + root
                    + ": point portcullis at the project's root directory");
        }
        ManifestReader manifests = new ManifestReader();
        Manifest manifest;
        try (InputStream in = Files.newInputStream(manifestPath)) {
            manifest = manifests.read("package.json", in);
        }
        Map<String, Manifest> workspaces = new TreeMap<>();
        for (String dir : workspaceDirs(root, workspaceGlobs(root, manifest, limits))) {
            ProjectFiles.checkInside(root, dir + "/package.json");
            try (InputStream in = Files.newInputStream(root.resolve(dir).resolve("package.json"))) {
                workspaces.put(dir, manifests.read(dir + "/package.json", in));
            }
        }
        List<String> notes = new ArrayList<>();
        Path asked = portcullis.run().workingDir();
        if (!asked.equals(root)) {
            String up = asked.relativize(root).toString().replace('\\', '/');
            notes.add(root.relativize(asked).toString().replace('\\', '/') + " is a member of the workspace at "
                    + up + ": scanned the workspace with its lockfile (locations are relative to " + up + ")");
        }
        Lockfile lockfile = readLockfile(root, manifest, workspaces, notes, limits);
        List<String> extraHosts = new ArrayList<>();
        Path yarnrc = root.resolve(".yarnrc.yml");
        if (ProjectFiles.isFile(root, ".yarnrc.yml")) {
            Matcher m = YARN_REGISTRY.matcher(limits.readConfig(yarnrc, ".yarnrc.yml"));
            while (m.find()) {
                try {
                    java.net.URI uri = new java.net.URI(m.group(1));
                    if (uri.getHost() != null) {
                        extraHosts.add(uri.getHost().toLowerCase(java.util.Locale.ROOT));
                    }
                } catch (java.net.URISyntaxException e) {
                    throw new InputException(Location.of(".yarnrc.yml"), "npmRegistryServer is not a URL: " + m.group(1));
                }
            }
        }
        return new LoadedProject(root, manifest, workspaces, lockfile, ProjectFileCollector.collect(root), extraHosts,
                notes);
    }

    private static Lockfile readLockfile(Path root, Manifest manifest, Map<String, Manifest> workspaces,
                                         List<String> notes, ProjectLimits limits) throws InputException, IOException {
        List<String> present = LOCKFILES.stream().filter(name -> Files.isRegularFile(root.resolve(name))).toList();
        if (present.isEmpty()) {
            if (Files.isRegularFile(root.resolve("bun.lockb"))) {
                throw new InputException(Location.of("bun.lockb"), "bun.lockb is bun's binary lockfile, which "
                        + "Portcullis does not read: run `bun install --save-text-lockfile` to write bun.lock");
            }
            return null;
        }
        String chosen = preferred(present, manifest.packageManager());
        for (String other : present) {
            if (!other.equals(chosen)) {
                notes.add(other + " is also present; scanned " + chosen + " only");
            }
        }
        ProjectFiles.checkInside(root, chosen);
        Path path = root.resolve(chosen);
        limits.checkLockfile(path, chosen);
        String head = head(path);
        LockfileReader reader = LockfileReaders.find(chosen, head).orElseThrow(() -> new InputException(
                Location.of(chosen), "not a lockfile format Portcullis reads (it begins '"
                + Redaction.snippet(head) + "')"));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            return reader.read(chosen, in, manifest, workspaces);
        }
    }

    /** How many directories up a workspace member's root is looked for; monorepos nest members two or three deep. */
    private static final int MAX_WORKSPACE_ANCESTORS = MAX_WORKSPACE_DEPTH;

    /**
     * The root of the workspace {@code dir} is a member of, when {@code dir} has a package.json but no lockfile of
     * its own: the nearest ancestor (up to {@link #MAX_WORKSPACE_ANCESTORS} levels) whose package.json
     * {@code workspaces} or pnpm-workspace.yaml includes {@code dir} and that holds a lockfile, as npm, yarn and
     * pnpm find the workspace root from a member. Empty when {@code dir} is a project of its own.
     */
    static Optional<Path> workspaceRoot(Path dir) throws InputException, IOException {
        if (!Files.isRegularFile(dir.resolve("package.json")) || hasLockfile(dir)) {
            return Optional.empty();
        }
        Path ancestor = dir.getParent();
        for (int level = 0; ancestor != null && level < MAX_WORKSPACE_ANCESTORS; level++) {
            if (ProjectFiles.isFile(ancestor, "package.json") && hasLockfile(ancestor)) {
                Manifest manifest;
                try (InputStream in = Files.newInputStream(ancestor.resolve("package.json"))) {
                    manifest = new ManifestReader().read(ancestor.relativize(ancestor.resolve("package.json"))
                            .toString(), in);
                }
                String relative = ancestor.relativize(dir).toString().replace('\\', '/');
                if (includes(workspaceGlobs(ancestor, manifest, ProjectLimits.defaults()), relative)) {
                    return Optional.of(ancestor);
                }
                return Optional.empty(); // the nearest project with a lockfile does not claim it: not a member
            }
            ancestor = ancestor.getParent();
        }
        return Optional.empty();
    }

    private static boolean hasLockfile(Path dir) {
        return LOCKFILES.stream().anyMatch(name -> Files.isRegularFile(dir.resolve(name)))
                || Files.isRegularFile(dir.resolve("bun.lockb"));
    }

    /** Whether the workspace globs select {@code relative} (and no {@code !} glob excludes it). */
    private static boolean includes(List<String> globs, String relative) {
        boolean included = false;
        for (String glob : globs) {
            boolean negated = glob.startsWith("!");
            String pattern = (negated ? glob.substring(1) : glob).replaceFirst("^\\./", "").replaceAll("/+$", "");
            if (FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(relative))) {
                if (negated) {
                    return false;
                }
                included = true;
            }
        }
        return included;
    }

    /** npm-shrinkwrap wins over package-lock as npm decides; otherwise packageManager (corepack) chooses. */
    static String preferred(List<String> present, String packageManager) {
        if (packageManager != null && !present.contains("npm-shrinkwrap.json")) {
            String pm = packageManager.contains("@") ? packageManager.substring(0, packageManager.indexOf('@'))
                    : packageManager;
            String wanted = switch (pm) {
                case "npm" -> "package-lock.json";
                case "pnpm" -> "pnpm-lock.yaml";
                case "yarn" -> "yarn.lock";
                case "bun" -> "bun.lock";
                default -> null;
            };
            if (wanted != null && present.contains(wanted)) {
                return wanted;
            }
        }
        return present.get(0);
    }

    private static String head(Path path) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(HEAD_CHARS);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    private static List<String> workspaceGlobs(Path root, Manifest manifest, ProjectLimits limits)
            throws InputException, IOException {
        List<String> globs = new ArrayList<>(manifest.workspaces());
        Path pnpmWorkspace = root.resolve("pnpm-workspace.yaml");
        if (ProjectFiles.isFile(root, "pnpm-workspace.yaml")) {
            String yaml = limits.readConfig(pnpmWorkspace, "pnpm-workspace.yaml");
            int packages = yaml.indexOf("packages:");
            if (packages >= 0) {
                for (String line : yaml.substring(packages + "packages:".length()).split("\\R")) {
                    if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("-")) {
                        break; // the next top-level key
                    }
                    Matcher m = PNPM_PACKAGES.matcher(line);
                    if (m.matches()) {
                        globs.add(m.group(1).trim());
                    }
                }
            }
        }
        return globs;
    }

    /** Directories (relative, forward slashes) holding a package.json that the workspace globs select. */
    static List<String> workspaceDirs(Path root, List<String> globs) throws IOException {
        if (globs.isEmpty()) {
            return List.of();
        }
        List<PathMatcher> include = new ArrayList<>();
        List<PathMatcher> exclude = new ArrayList<>();
        for (String glob : globs) {
            String pattern = glob.startsWith("!") ? glob.substring(1) : glob;
            pattern = pattern.replaceFirst("^\\./", "").replaceAll("/+$", "");
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            (glob.startsWith("!") ? exclude : include).add(matcher);
        }
        Set<String> dirs = new LinkedHashSet<>();
        Files.walkFileTree(root, Set.of(), MAX_WORKSPACE_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(root) && (name.equals("node_modules") || name.startsWith("."))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path relative = root.relativize(dir);
                if (!dir.equals(root) && Files.isRegularFile(dir.resolve("package.json"))
                        && include.stream().anyMatch(m -> m.matches(relative))
                        && exclude.stream().noneMatch(m -> m.matches(relative))) {
                    dirs.add(relative.toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return dirs.stream().sorted().toList();
    }

    static Policy readPolicy(Path root, Path explicit) throws InputException, IOException {
        Path file = explicit != null ? explicit : root.resolve("portcullis.yml");
        if (explicit == null) {
            ProjectFiles.checkInside(root, "portcullis.yml"); // an explicit --policy is the user's, wherever it is
        }
        if (!Files.isRegularFile(file)) {
            if (explicit != null) {
                throw new InputException(Location.of(explicit.toString()), "policy file not found");
            }
            return Policy.defaults();
        }
        String name = explicit != null ? explicit.toString() : "portcullis.yml";
        return new PolicyReader(RuleCatalog.ids()).read(name, ProjectLimits.defaults().readConfig(file, name));
    }
}
