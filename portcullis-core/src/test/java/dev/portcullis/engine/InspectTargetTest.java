package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InspectTargetTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> targets() throws IOException {
        Files.createDirectories(dir.resolve("pkg"));
        Files.write(dir.resolve("pkg-1.0.0.tgz"), new byte[] {1});
        return Stream.of(
                Arguments.of("lodash@4.17.21", new InspectTarget.Registry("lodash@4.17.21", "lodash", "4.17.21")),
                Arguments.of("lodash", new InspectTarget.Registry("lodash", "lodash", "latest")),
                Arguments.of("lodash@next", new InspectTarget.Registry("lodash@next", "lodash", "next")),
                Arguments.of("lodash@^4.0.0", new InspectTarget.Registry("lodash@^4.0.0", "lodash", "^4.0.0")),
                Arguments.of("@babel/core@7.26.0",
                        new InspectTarget.Registry("@babel/core@7.26.0", "@babel/core", "7.26.0")),
                Arguments.of("@babel/core", new InspectTarget.Registry("@babel/core", "@babel/core", "latest")),
                Arguments.of("pkg", new InspectTarget.Directory("pkg", dir.resolve("pkg"))),
                Arguments.of("pkg-1.0.0.tgz", new InspectTarget.Archive("pkg-1.0.0.tgz", dir.resolve("pkg-1.0.0.tgz"))),
                Arguments.of("missing-1.0.0.tgz",
                        new InspectTarget.Invalid("missing-1.0.0.tgz", "no such file or directory: missing-1.0.0.tgz")),
                Arguments.of("./missing", new InspectTarget.Invalid("./missing", "no such file or directory: ./missing")),
                Arguments.of("bad name@1", new InspectTarget.Invalid("bad name@1", "'bad name' is not a valid npm "
                        + "package name (expected name@version, @scope/name@version, a .tgz file or a directory)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void recognisesTargets(String raw, InspectTarget expected) {
        assertThat(InspectTarget.parse(raw, dir)).isEqualTo(expected);
    }
}
