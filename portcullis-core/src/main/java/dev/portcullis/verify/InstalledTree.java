package dev.portcullis.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The packages installed under a project's node_modules, as every client lays them out: npm, yarn 1, yarn 4's
 * node-modules linker and bun's hoisted tree ({@code node_modules/a}, nested {@code node_modules/a/node_modules/b},
 * scopes {@code node_modules/@s/a}), and the stores of pnpm ({@code node_modules/.pnpm/<id>/node_modules/a}) and bun's
 * isolated linker ({@code node_modules/.bun/<id>/node_modules/a}). Symbolic links are never followed: they are the
 * clients' own links (pnpm's tree, {@code .bin}, workspace members) to directories that are walked where they lie.
 */
public final class InstalledTree {
    /** The store directories of clients that install each package once and link it ({@code .pnpm}, {@code .bun}). */
    private static final List<String> STORES = List.of(".pnpm", ".bun");

    /**
     * One installed package directory.
     *
     * @param path relative to the project root, forward slashes ({@code node_modules/which/node_modules/isexe})
     * @param name the name its package.json gives, else the directory's name under node_modules
     * @param version the version its package.json gives, empty when it has none or cannot be read
     * @param dir the directory
     * @param problem why its package.json could not be read, or null
     */
    public record Installed(String path, String name, String version, Path dir, String problem) {
        public Installed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(dir, "dir");
        }
    }

    /**
     * What was found.
     *
     * @param packages every package directory, in walk order (sorted by path within each directory)
     * @param complete false when {@link VerifyLimits#maxPackages()} stopped the walk
     */
    public record Walk(List<Installed> packages, boolean complete) {
        public Walk {
            packages = List.copyOf(packages);
        }
    }

    private final VerifyLimits limits;
    private final List<Installed> found = new ArrayList<>();
    private boolean complete = true;

    private InstalledTree(VerifyLimits limits) {
        this.limits = limits;
    }

    /**
     * The packages under {@code root}'s node_modules and under those of {@code importers} (workspace member
     * directories relative to root, forward slashes; "" and "." are the root).
     */
    public static Walk read(Path root, List<String> importers, VerifyLimits limits) throws IOException {
        InstalledTree tree = new InstalledTree(limits);
        List<String> dirs = new ArrayList<>(List.of(""));
        importers.stream().filter(i -> !i.isEmpty() && !i.equals(".") && !dirs.contains(i)).sorted().forEach(dirs::add);
        for (String importer : dirs) {
            String prefix = importer.isEmpty() ? "" : importer + "/";
            Path modules = root.resolve(prefix + "node_modules");
            if (Files.isDirectory(modules, LinkOption.NOFOLLOW_LINKS)) {
                tree.modules(modules, prefix + "node_modules");
            }
        }
        return new Walk(tree.found, tree.complete);
    }

    /** Whether {@code root} (or one of the importers) has a node_modules directory at all. */
    public static boolean installed(Path root) {
        return Files.isDirectory(root.resolve("node_modules"), LinkOption.NOFOLLOW_LINKS);
    }

    private void modules(Path dir, String rel) throws IOException {
        for (Path entry : sorted(dir)) {
            String name = entry.getFileName().toString();
            if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                continue; // links, .package-lock.json, .yarn-integrity, .modules.yaml, .yarn-state.yml
            }
            if (STORES.contains(name)) {
                for (Path stored : sorted(entry)) {
                    Path inner = stored.resolve("node_modules");
                    if (!stored.getFileName().toString().equals("node_modules")
                            && Files.isDirectory(stored, LinkOption.NOFOLLOW_LINKS)
                            && Files.isDirectory(inner, LinkOption.NOFOLLOW_LINKS)) {
                        modules(inner, rel + "/" + name + "/" + stored.getFileName() + "/node_modules");
                    }
                }
            } else if (name.startsWith(".")) {
                continue; // .bin, .cache, .vite …: the clients' and tools' own directories
            } else if (name.startsWith("@")) {
                for (Path scoped : sorted(entry)) {
                    if (Files.isDirectory(scoped, LinkOption.NOFOLLOW_LINKS)) {
                        installedPackage(scoped, rel + "/" + name + "/" + scoped.getFileName(),
                                name + "/" + scoped.getFileName());
                    }
                }
            } else {
                installedPackage(entry, rel + "/" + name, name);
            }
            if (!complete) {
                return;
            }
        }
    }

    private void installedPackage(Path dir, String rel, String dirName) throws IOException {
        if (found.size() >= limits.maxPackages()) {
            complete = false;
            return;
        }
        String name = dirName;
        String version = "";
        String problem = null;
        Path manifest = dir.resolve("package.json");
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            problem = "it has no package.json";
        } else if (Files.size(manifest) > limits.maxManifestBytes()) {
            problem = "its package.json is larger than " + limits.maxManifestBytes() + " bytes";
        } else {
            try (InputStream in = Files.newInputStream(manifest)) {
                JsonNode json = Json.mapper().readTree(in);
                if (json != null && json.path("name").isTextual()) {
                    name = json.get("name").asText();
                }
                if (json != null && json.path("version").isTextual()) {
                    version = json.get("version").asText();
                }
            } catch (IOException e) {
                problem = "its package.json is not JSON";
            }
        }
        found.add(new Installed(rel, name, version, dir, problem));
        Path nested = dir.resolve("node_modules");
        if (Files.isDirectory(nested, LinkOption.NOFOLLOW_LINKS)) {
            modules(nested, rel + "/node_modules");
        }
    }

    private static List<Path> sorted(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        }
        entries.sort(null);
        return entries;
    }
}
