package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.testkit.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The medium project (express, webpack, eslint, typescript) locked by npm 11: the name@version set Portcullis
 * reads must equal npm's own listing ({@code npm ls --all} after {@code npm ci}), in both directions.
 */
class NpmMediumDifferentialTest {

    @Test
    void readsExactlyWhatNpmInstalls_mediumV3() throws Exception {
        Path dir = Fixtures.path("medium/npm");
        Lockfile lockfile;
        try (InputStream in = Files.newInputStream(dir.resolve("package-lock.json"))) {
            lockfile = new NpmLockfileReader().read("package-lock.json", in);
        }
        Set<String> expected = new TreeSet<>(Files.readAllLines(dir.resolve("expected-packages.txt")));

        // npm lists what it installed on this linux-x64 machine; a package whose os/cpu excludes that platform
        // (an optional platform binary) is in the lockfile but not in npm's listing, so it is left out here
        Set<String> read = lockfile.graph().packages().stream()
                .filter(NpmMediumDifferentialTest::installedOnLinuxX64)
                .map(PackageNode::id)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(lockfile.graph().packages()).allMatch(p -> p.source() instanceof Source.Registry);
        assertThat(read).isEqualTo(expected);
    }

    private static boolean installedOnLinuxX64(PackageNode node) {
        return allows(node.os(), "linux") && allows(node.cpu(), "x64");
    }

    /** npm's os/cpu rule: an empty list allows all, {@code !x} excludes x, any plain entry means "only these". */
    private static boolean allows(List<String> list, String value) {
        if (list.isEmpty() || list.contains(value)) {
            return !list.contains("!" + value);
        }
        return list.stream().allMatch(entry -> entry.startsWith("!")) && !list.contains("!" + value);
    }
}
