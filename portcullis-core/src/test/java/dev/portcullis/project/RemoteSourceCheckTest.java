package dev.portcullis.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.semver.DependencySpec;
import dev.portcullis.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteSourceCheckTest {

    /** The fast path may skip only specs that npm-package-arg's rules classify as registry specs. */
    @Test
    void plainRegistrySpecNeverHidesARemoteSource() throws IOException {
        List<String> specs = Files.readAllLines(Fixtures.repoRoot()
                .resolve("portcullis-core/src/test/resources/semver/dependency-specs.txt"), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(specs).hasSizeGreaterThan(100);
        int skipped = 0;
        for (String spec : specs) {
            if (RemoteSourceCheck.plainRegistrySpec(spec)) {
                skipped++;
                assertThat(DependencySpec.parse("dep", spec)).as(spec).isNotInstanceOfAny(DependencySpec.Git.class,
                        DependencySpec.RemoteTarball.class, DependencySpec.Local.class);
            }
        }
        assertThat(skipped).as("the fast path must apply to ordinary ranges").isGreaterThan(30);
        assertThat(RemoteSourceCheck.plainRegistrySpec("npm:^4.2.0")).as("yarn berry's form of a range").isTrue();
        assertThat(RemoteSourceCheck.plainRegistrySpec("npm:string-width@^4.2.0")).as("an alias").isFalse();
        assertThat(RemoteSourceCheck.plainRegistrySpec("npm:file:../x")).isFalse();
    }
}
