package dev.portcullis.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.testkit.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The medium project (express, webpack, eslint, typescript) locked by pnpm 10 and by bun 1.4.5: the registry
 * packages Portcullis reads must be exactly the packages the client itself lists after installing on linux-x64
 * ({@code fixtures/medium/<client>/expected-packages.txt}, made by the generate.sh beside it).
 *
 * <p>A lockfile also holds platform packages the client skips on this machine (an {@code os}/{@code cpu} that
 * excludes linux or x64, such as fsevents); the client does not list them, so they are left out of the
 * comparison here, and only them. This project's lockfiles happen to hold none today.
 */
class MediumProjectDifferentialTest {

    static Stream<Arguments> clients() {
        return Stream.of(
                Arguments.of("pnpm", "pnpm-lock.yaml", new PnpmLockfileReader()),
                Arguments.of("bun", "bun.lock", new BunLockfileReader()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void readsExactlyThePackagesTheClientInstalls(String client, String fileName, LockfileReader reader) throws Exception {
        Lockfile lockfile;
        try (InputStream in = Files.newInputStream(Fixtures.path("medium/" + client + "/" + fileName))) {
            lockfile = reader.read(fileName, in);
        }
        Set<String> read = lockfile.graph().packages().stream()
                .filter(p -> p.source() instanceof Source.Registry)
                .filter(p -> installsOn(p.os(), "linux") && installsOn(p.cpu(), "x64"))
                .map(PackageNode::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = Files.readAllLines(Fixtures.path("medium/" + client + "/expected-packages.txt")).stream()
                .filter(line -> !line.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).hasSizeGreaterThan(200);
        assertThat(read).as("read by Portcullis, not listed by " + client).containsExactlyElementsOf(listed);
    }

    /** npm's os/cpu rule: no list allows all; "!x" entries exclude; any positive entry must match. */
    private static boolean installsOn(List<String> allowed, String platform) {
        if (allowed.contains("!" + platform)) {
            return false;
        }
        List<String> positive = allowed.stream().filter(a -> !a.startsWith("!")).toList();
        return positive.isEmpty() || positive.contains(platform);
    }
}
