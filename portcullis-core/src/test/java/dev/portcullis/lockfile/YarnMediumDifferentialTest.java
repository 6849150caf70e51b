package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Edge;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.Manifest;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.testkit.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The medium project (express, webpack, eslint, typescript) locked by each yarn, compared with the client's own
 * listing recorded next to the lockfile by its generate.sh: yarn 1's {@code yarn list --json} (installed nodes,
 * shadows left out) and yarn 4's {@code yarn info --all --recursive --json} (workspace left out). The sets of
 * registry name@version must be equal in both directions.
 *
 * <p>Platform-specific optional packages: both listings come from the lockfile's resolution, not from what was
 * unpacked on this linux-x64 machine, and Portcullis reads every entry too, so none is excluded on either side.
 * The medium project has no such package today; each test checks that, so a regenerated fixture that brings one
 * in fails here and the rule must be decided then rather than silently assumed.
 */
class YarnMediumDifferentialTest {

    @Test
    void readsExactlyWhatYarnClassicLists() throws Exception {
        Path dir = Fixtures.path("medium/yarn-classic");
        Manifest manifest;
        try (InputStream in = Files.newInputStream(Fixtures.path("medium/package.json"))) {
            manifest = new ManifestReader().read("package.json", in);
        }
        Lockfile lockfile;
        try (InputStream in = Files.newInputStream(dir.resolve("yarn.lock"))) {
            lockfile = new YarnClassicLockfileReader().read("yarn.lock", in, manifest, Map.of());
        }

        assertThat(registryIds(lockfile)).containsExactlyElementsOf(expected(dir));
        assertThat(lockfile.graph().packages()).allMatch(p -> p.os().isEmpty() && p.cpu().isEmpty());
        Set<String> direct = lockfile.graph().directEdges(".").stream().map(Edge::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(direct).containsExactly("eslint", "express", "typescript", "webpack");
    }

    @Test
    void readsExactlyWhatYarnBerryLists() throws Exception {
        Path dir = Fixtures.path("medium/yarn-berry");
        Lockfile lockfile;
        try (InputStream in = Files.newInputStream(dir.resolve("yarn.lock"))) {
            lockfile = new YarnBerryLockfileReader().read("yarn.lock", in);
        }

        assertThat(registryIds(lockfile)).containsExactlyElementsOf(expected(dir));
        assertThat(lockfile.graph().packages()).allMatch(p -> p.os().isEmpty() && p.cpu().isEmpty());
        // typescript's built-in compatibility patch is what yarn installs, so the root's edge leads to it
        assertThat(lockfile.graph().directEdges(".")).extracting(Edge::to)
                .anyMatch(to -> to.startsWith("typescript@patch:typescript@npm%3A"));
    }

    private static Set<String> registryIds(Lockfile lockfile) {
        return lockfile.graph().packages().stream()
                .filter(p -> p.source() instanceof Source.Registry)
                .map(PackageNode::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> expected(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve("expected-packages.txt")).stream()
                .filter(line -> !line.isBlank()).sorted().distinct().toList();
    }
}
