package dev.portcullis.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.json.Json;
import dev.portcullis.lockfile.LockfileReaders;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.semver.DependencySpec;
import dev.portcullis.testkit.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each locked package's source kind as Portcullis reads it — the reader's {@link Source}, and registry only when
 * {@code lockfile/remote-source} agrees (it also reads the specs of the edges to a package) — against the kind the
 * client was asked for and recorded: the scenario's package.json names the git, tarball, file, link and workspace
 * packages; every other package the client locked comes from the registry (for the medium project, exactly the
 * packages the client lists after installing, {@code expected-packages.txt}). Covers every format and the peer
 * suffixes pnpm writes ({@code 5.3.1(@types/node@26.6.11)}), which once read as remote sources.
 */
class SourceKindDifferentialTest {

    /** file: and link: are one kind here: whether a local directory is copied or linked is each client's choice. */
    enum Kind { REGISTRY, GIT, TARBALL, LOCAL, WORKSPACE }

    static Stream<String> fixtures() {
        Stream<String> scenarios = Stream.of("npm", "pnpm", "yarn-classic", "yarn-berry", "bun").flatMap(format -> {
            try (Stream<Path> dirs = Files.list(Fixtures.path(format))) {
                return dirs.filter(d -> SCENARIOS.stream().anyMatch(sc -> d.getFileName().toString().startsWith(sc)))
                        .map(d -> format + "/" + d.getFileName()).sorted().toList().stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Stream<String> real = Stream.of("medium", "real-projects/platform-packages", "real-projects/peer-suffixes").flatMap(p ->
                Stream.of("npm", "pnpm", "yarn-classic", "yarn-berry", "bun").map(f -> p + "/" + f));
        return Stream.concat(scenarios, real);
    }

    private static final List<String> SCENARIOS = List.of("one-package", "scoped-packages", "peer-dependencies",
            "nested-dependencies", "optional-package", "alias", "git-dep", "tarball-url", "file-dep", "workspaces");

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachPackagesSourceKindIsTheOneTheClientRecorded(String fixture) throws Exception {
        Path dir = Fixtures.path(fixture);
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(f -> LockfileReaders.find(f.getFileName().toString(), head(f)).isPresent())
                    .findFirst().orElseThrow();
        }
        Lockfile lockfile;
        try (InputStream in = Files.newInputStream(file)) {
            lockfile = LockfileReaders.find(file.getFileName().toString(), head(file)).orElseThrow()
                    .read(file.getFileName().toString(), in);
        }
        Set<String> reported = new RemoteSourceCheck().check(CiTestProjects.context(lockfile, List.of())).stream()
                .map(Finding::packageName).collect(Collectors.toSet());
        Map<String, Kind> declared = declared(Files.exists(dir.resolve("package.json")) ? dir : dir.getParent());
        Map<String, Kind> read = new TreeMap<>();
        Map<String, Kind> wanted = new TreeMap<>();
        for (PackageNode node : lockfile.graph().packages()) {
            read.put(node.installedName(), kind(node, reported.contains(node.name())));
            wanted.put(node.installedName(), declared.getOrDefault(node.installedName(), Kind.REGISTRY));
        }
        assertThat(read).as(fixture).containsExactlyEntriesOf(wanted);
    }

    /**
     * The kind of every dependency the project's package.json files declare, by name: the root's, and in a
     * workspace project (a {@code workspaces} field or pnpm-workspace.yaml) each member's, whose own name is then a
     * workspace package.
     */
    private static Map<String, Kind> declared(Path root) throws IOException {
        Map<String, Kind> kinds = new TreeMap<>();
        boolean workspaces = Files.exists(root.resolve("pnpm-workspace.yaml"))
                || Json.mapper().readTree(root.resolve("package.json").toFile()).has("workspaces");
        try (Stream<Path> files = workspaces ? Files.walk(root) : Stream.of(root.resolve("package.json"))) {
            for (Path manifest : files.filter(f -> f.getFileName().toString().equals("package.json"))
                    .filter(f -> !f.toString().contains("node_modules")).sorted().toList()) {
                JsonNode json = Json.mapper().readTree(manifest.toFile());
                if (!manifest.getParent().equals(root)) {
                    kinds.put(json.path("name").asText(), Kind.WORKSPACE);
                }
                for (String section : List.of("dependencies", "devDependencies", "optionalDependencies")) {
                    json.path(section).properties().forEach(e -> {
                        Kind kind = switch (DependencySpec.parse(e.getKey(), e.getValue().asText())) {
                            case DependencySpec.Git git -> Kind.GIT;
                            case DependencySpec.RemoteTarball tarball -> Kind.TARBALL;
                            case DependencySpec.Local local -> Kind.LOCAL;
                            case DependencySpec.Workspace workspace -> Kind.WORKSPACE;
                            default -> null;
                        };
                        if (kind != null) {
                            kinds.putIfAbsent(e.getKey(), kind);
                        }
                    });
                }
            }
        }
        return kinds;
    }

    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(256), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Kind kind(PackageNode node, boolean reportedRemote) {
        return switch (node.source()) {
            case Source.Registry registry -> reportedRemote ? Kind.TARBALL : Kind.REGISTRY;
            case Source.Git git -> Kind.GIT;
            case Source.RemoteTarball tarball -> Kind.TARBALL;
            case Source.Local local -> Kind.LOCAL;
            case Source.Workspace workspace -> Kind.WORKSPACE;
        };
    }
}
