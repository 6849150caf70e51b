package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.DependencyGraph;
import dev.portcullis.model.Importer;
import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.LockfileFormat;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.testkit.Fixtures;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How two lockfiles become pairs of versions: a table of old and new versions of one package and the pairs they
 * give, and the real lockfiles of the fixtures (npm's nested-dependencies locks is-number 6.0.0 and 7.0.0).
 */
class LockfileDiffTest {
    private static final String SHA512_A = "sha512-" + "A".repeat(86) + "==";
    private static final String SHA512_B = "sha512-" + "B".repeat(86) + "==";

    /** A lockfile locking {@code a} at these versions (each {@code version} or {@code version=integrity}). */
    private static Lockfile locking(String versions) {
        List<PackageNode> nodes = new ArrayList<>();
        if (!versions.isBlank()) {
            for (String entry : versions.split(" ")) {
                String[] parts = entry.split("=", 2);
                String integrity = parts.length < 2 || parts[1].equals("A") ? SHA512_A
                        : parts[1].equals("B") ? SHA512_B : parts[1];
                nodes.add(new PackageNode("node_modules/a-" + nodes.size(), "a", null, parts[0],
                        new Source.Registry(null), null, integrity, Set.of(), InstallScripts.NO, List.of(), List.of(),
                        List.of(), new Location("package-lock.json", 1)));
            }
        }
        return new Lockfile("package-lock.json", LockfileFormat.NPM, "3",
                new DependencyGraph(List.of(new Importer(".", "p", null)), nodes, List.of()));
    }

    private static String pairs(Lockfile from, Lockfile to) {
        List<String> out = new ArrayList<>();
        for (PackageDiffStage.Pair pair : LockfileDiff.pairs(from, to,
                n -> new PackageDiffStage.Locked(n.name(), n.version(), null, n.integrity())).pairs()) {
            out.add((pair.from() == null ? "-" : ((PackageDiffStage.Locked) pair.from()).version()) + ">"
                    + (pair.to() == null ? "-" : ((PackageDiffStage.Locked) pair.to()).version()));
        }
        return String.join(" ", out);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "1.0.0       | 1.1.0       | 1.0.0>1.1.0",
            "1.0.0 2.0.0 | 1.1.0 2.1.0 | 1.0.0>1.1.0 2.0.0>2.1.0",
            "1.0.0 2.0.0 | 2.1.0       | 2.0.0>2.1.0 1.0.0>-",
            "2.0.0       | 1.9.0       | 2.0.0>1.9.0",
            "''          | 1.0.0       | ->1.0.0",
            "1.0.0       | ''          | 1.0.0>-",
            "1.0.0       | 1.0.0       | ''",
            "1.0.0=A     | 1.0.0=B     | 1.0.0>1.0.0",
            "1.0.0=A     | 1.0.0=sha1-AAAAAAAAAAAAAAAAAAAAAAAAAAA= | ''",
            "1.0.0 1.0.0-beta.1 | 1.0.1 | 1.0.0>1.0.1 1.0.0-beta.1>-",
    })
    void versionsArePairedWithTheirNearestPredecessor(String from, String to, String expected) {
        assertThat(pairs(locking(from.trim()), locking(to.trim()))).isEqualTo(expected.trim());
    }

    @Test
    void theRealNestedLockfileAgainstTheOneWithOneVersion_removesIsNumber6() throws Exception {
        Lockfile nested = LockfileDiff.read("nested", "package-lock.json",
                Files.readAllBytes(Fixtures.path("npm/nested-dependencies-v3/package-lock.json")));
        Lockfile one = LockfileDiff.read("one", "package-lock.json",
                Files.readAllBytes(Fixtures.path("npm/one-package-v3/package-lock.json")));

        LockfileDiff.Pairs pairs = LockfileDiff.pairs(nested, one,
                n -> new PackageDiffStage.Locked(n.name(), n.version(), null, n.integrity()));

        assertThat(pairs.pairs()).extracting(PackageDiffStage.Pair::label).contains("is-number@6.0.0 (removed)")
                .doesNotContain("is-number@7.0.0 (removed)");
        assertThat(pairs.skipped()).isEmpty();
    }

    @Test
    void gitSourcesAreCountedNotCompared() throws Exception {
        Lockfile git = LockfileDiff.read("git", "package-lock.json",
                Files.readAllBytes(Fixtures.path("npm/git-dep-v3/package-lock.json")));

        LockfileDiff.Pairs pairs = LockfileDiff.pairs(locking(""), git,
                n -> new PackageDiffStage.Locked(n.name(), n.version(), null, n.integrity()));

        assertThat(pairs.skipped()).singleElement().asString().contains("(0 in package-lock.json, 1 in git)");
    }
}
