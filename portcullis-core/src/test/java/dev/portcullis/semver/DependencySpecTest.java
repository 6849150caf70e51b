package dev.portcullis.semver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.semver.DependencySpec.Alias;
import dev.portcullis.semver.DependencySpec.Exact;
import dev.portcullis.semver.DependencySpec.Git;
import dev.portcullis.semver.DependencySpec.Invalid;
import dev.portcullis.semver.DependencySpec.Local;
import dev.portcullis.semver.DependencySpec.Other;
import dev.portcullis.semver.DependencySpec.RangeSpec;
import dev.portcullis.semver.DependencySpec.RemoteTarball;
import dev.portcullis.semver.DependencySpec.Tag;
import dev.portcullis.semver.DependencySpec.Workspace;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** package.json dependency values as npm-package-arg 13 classifies them, and whether each is pinned. */
class DependencySpecTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static RangeSpec range(String raw) {
        return new RangeSpec(Range.parse(raw, new RangeOptions(true, false)).orElseThrow(), raw);
    }

    /** (scenario, spec, parsed, pinned). */
    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("exactVersion", "1.2.3", new Exact(Version.of("1.2.3")), true),
                Arguments.of("exactVersionLoose", "=v1.2.3", new Exact(Version.of("1.2.3")), true),
                Arguments.of("caretRange", "^1.2.3", range("^1.2.3"), false),
                Arguments.of("emptyIsAnyVersion", "", range(""), false),
                Arguments.of("distTag", "latest", new Tag("latest"), false),
                Arguments.of("tagWithSpace", "foo bar", new Invalid("foo bar",
                        "a tag may not contain characters a URL would escape"), false),
                Arguments.of("aliasExact", "npm:is-number@7.0.0",
                        new Alias("is-number", new Exact(Version.of("7.0.0"))), true),
                Arguments.of("aliasRange", "npm:@scope/pkg@^1", new Alias("@scope/pkg", range("^1")), false),
                Arguments.of("aliasWithoutSpec", "npm:is-number", new Alias("is-number", range("*")), false),
                Arguments.of("aliasOfGit", "npm:foo@github:user/repo", new Invalid("npm:foo@github:user/repo",
                        "aliases only work for registry deps"), false),
                Arguments.of("githubShorthand", "user/repo#v1.0.0", new Git("github:user/repo", "v1.0.0", null), false),
                Arguments.of("githubShorthandSha", "user/repo#" + SHA, new Git("github:user/repo", SHA, null), true),
                Arguments.of("githubSemver", "github:user/repo#semver:^1.0", new Git("github:user/repo", null, "^1.0"),
                        false),
                Arguments.of("gitlabShortcut", "gitlab:group/project", new Git("gitlab:group/project", null, null),
                        false),
                Arguments.of("gitPlusSsh", "git+ssh://git@github.com/user/repo.git#" + SHA,
                        new Git("git+ssh://git@github.com/user/repo.git", SHA, null), true),
                Arguments.of("scpStyleOnGithub", "git@github.com:user/repo.git#main",
                        new Git("git@github.com:user/repo.git", "main", null), false),
                Arguments.of("gitFile", "git+file:///fixtures/repo.git#" + SHA,
                        new Git("git+file:///fixtures/repo.git", SHA, null), true),
                Arguments.of("gitPathAndCommittish", "git+https://example.com/r.git#main::path:packages/a",
                        new Git("git+https://example.com/r.git", "main", null), false),
                Arguments.of("githubHttpsIsGit", "https://github.com/user/repo", new Git("https://github.com/user/repo",
                        null, null), false),
                Arguments.of("tarballUrl", "https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz",
                        new RemoteTarball("https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz"), false),
                Arguments.of("fileDirectory", "file:../local", new Local("../local", false), true),
                Arguments.of("relativePath", "./packages/a", new Local("./packages/a", false), true),
                Arguments.of("tgzFile", "./vendor/pkg-1.0.0.tgz", new Local("./vendor/pkg-1.0.0.tgz", false), true),
                // npm's own quirk: without ./ a one-slash path is GitHub shorthand, even a .tgz
                Arguments.of("tgzWithoutDotSlashIsGithub", "vendor/pkg-1.0.0.tgz",
                        new Git("github:vendor/pkg-1.0.0.tgz", null, null), false),
                Arguments.of("linkProtocol", "link:../linked", new Local("../linked", true), true),
                Arguments.of("workspaceStar", "workspace:*", new Workspace("*"), true),
                Arguments.of("workspaceCaret", "workspace:^1.0.0", new Workspace("^1.0.0"), true),
                Arguments.of("catalog", "catalog:react18", new Other("catalog:", "catalog:react18"), false),
                Arguments.of("portal", "portal:../p", new Other("portal:", "portal:../p"), false),
                Arguments.of("patch", "patch:lodash@npm%3A4.17.21#./p.patch",
                        new Other("patch:", "patch:lodash@npm%3A4.17.21#./p.patch"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void classifiesLikeNpm(String scenario, String raw, DependencySpec expected, boolean pinned) {
        DependencySpec parsed = DependencySpec.parse("dep", raw);
        assertThat(parsed).isEqualTo(expected);
        assertThat(parsed.isPinned()).isEqualTo(pinned);
    }
}
