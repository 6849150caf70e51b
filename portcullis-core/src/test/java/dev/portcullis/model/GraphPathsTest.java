package dev.portcullis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphPathsTest {

    private static PackageNode node(String key) {
        return new PackageNode(key, key, null, "1.0.0", new Source.Registry(null), null, "sha512-x", Set.of(),
                InstallScripts.NO, List.of(), List.of(), List.of(), new Location("lock", 1));
    }

    /**
     * root → a (prod) → shared; root → b (dev) → shared, devonly; root → c (optional) → optonly;
     * workspace packages/w → w-dep; orphan is reached by nobody.
     */
    private static DependencyGraph graph() {
        return new DependencyGraph(
                List.of(new Importer(".", "app", null), new Importer("packages/w", "w", null)),
                List.of(node("a"), node("b"), node("c"), node("shared"), node("devonly"), node("optonly"),
                        node("w-dep"), node("orphan")),
                List.of(new Edge(".", "a", "a", "^1", DependencyType.PROD),
                        new Edge(".", "b", "b", "^1", DependencyType.DEV),
                        new Edge(".", "c", "c", "^1", DependencyType.OPTIONAL),
                        new Edge(".", "packages/w", "w", "workspace:*", DependencyType.PROD),
                        new Edge("a", "shared", "shared", "^1", DependencyType.PROD),
                        new Edge("b", "shared", "shared", "^1", DependencyType.PROD),
                        new Edge("b", "devonly", "devonly", "^1", DependencyType.PROD),
                        new Edge("c", "optonly", "optonly", "^1", DependencyType.PROD),
                        new Edge("packages/w", "w-dep", "w-dep", "^1", DependencyType.PROD)));
    }

    @Test
    void depthsPathsAndFlags() {
        GraphPaths paths = GraphPaths.of(graph());
        assertThat(paths.depth("a")).isEqualTo(1);
        assertThat(paths.depth("shared")).isEqualTo(2);
        assertThat(paths.path("shared")).containsExactly(".", "a", "shared");
        assertThat(paths.isDev("shared")).isFalse();
        assertThat(paths.isDev("devonly")).isTrue();
        assertThat(paths.isDev("b")).isTrue();
        assertThat(paths.isOptional("optonly")).isTrue();
        assertThat(paths.isOptional("shared")).isFalse();
        assertThat(paths.isDirect("w-dep")).isTrue();
        assertThat(paths.isReachable("orphan")).isFalse();
        assertThat(paths.path("orphan")).isEmpty();
        assertThat(paths.maxDepth()).isEqualTo(2);
    }

    @Test
    void directDependenciesBehindAPackage() {
        GraphPaths paths = GraphPaths.of(graph());
        assertThat(paths.directDependencies("shared")).containsExactly("a", "b");
        assertThat(paths.directDependencies("a")).containsExactly("a");
        assertThat(paths.directDependencies("w-dep")).containsExactly("w-dep");
        assertThat(paths.directDependencies("orphan")).isEmpty();
    }

    @Test
    void danglingEdgeIsRejected() {
        assertThatThrownBy(() -> new DependencyGraph(List.of(new Importer(".", null, null)), List.of(),
                List.of(new Edge(".", "missing", "missing", "^1", DependencyType.PROD))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown keys");
    }
}
