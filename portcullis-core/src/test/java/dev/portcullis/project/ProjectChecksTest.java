package dev.portcullis.project;

import static dev.portcullis.project.TestProjects.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.DeclaredDependency;
import dev.portcullis.model.DependencyType;
import dev.portcullis.model.Finding;
import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.Location;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every project rule with a matching and a non-matching scenario. Each row: a check, a project, and the findings
 * expected as "rule package@version file:line" lines (the message is asserted where it carries the evidence).
 */
class ProjectChecksTest {

    record Scenario(String name, ProjectCheck check, ProjectContext context, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> scenarios() {
        TestProjects p;
        return Stream.of(
                // lockfile/insecure-url and lockfile/foreign-host
                scenario("httpsFromRegistry_noFinding", new LockfileIntegrityCheck(),
                        project().direct("lodash", "4.17.21", "4.17.21").context()),
                scenario("httpUrl_insecureUrl", new LockfileIntegrityCheck(),
                        withNode(p = project(), p.node("lodash", "4.17.21",
                                new Source.Registry("http://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz"),
                                "http://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz", "sha512-x", InstallScripts.NO)),
                        "lockfile/insecure-url lodash@4.17.21 package-lock.json:10"),
                scenario("foreignHost_foreignHost", new LockfileIntegrityCheck(),
                        withNode(p = project(), p.node("lodash", "4.17.21",
                                new Source.Registry("https://evil.example/lodash/-/lodash-4.17.21.tgz"),
                                "https://evil.example/lodash/-/lodash-4.17.21.tgz", "sha512-x", InstallScripts.NO)),
                        "lockfile/foreign-host lodash@4.17.21 package-lock.json:10"),
                scenario("hostAllowedByPolicy_noFinding", new LockfileIntegrityCheck(),
                        withNode(p = project(), p.node("lodash", "4.17.21",
                                new Source.Registry("https://npm.corp.example/lodash/-/lodash-4.17.21.tgz"),
                                "https://npm.corp.example/lodash/-/lodash-4.17.21.tgz", "sha512-x", InstallScripts.NO),
                                ProjectSettings.defaults().withAllowedHosts(Set.of("npm.corp.example")))),
                scenario("resolvedOmitted_defaultRegistry_noFinding", new LockfileIntegrityCheck(),
                        withNode(p = project(), p.node("lodash", "4.17.21", new Source.Registry(null), null,
                                "sha512-x", InstallScripts.NO))),
                // lockfile/missing-integrity and lockfile/weak-integrity
                scenario("noIntegrity_missingIntegrity", new LockfileIntegrityCheck(),
                        withNode(p = project(), p.node("lodash", "4.17.21",
                                new Source.Registry(TestProjects.registryUrl("lodash", "4.17.21")),
                                TestProjects.registryUrl("lodash", "4.17.21"), null, InstallScripts.NO)),
                        "lockfile/missing-integrity lodash@4.17.21 package-lock.json:10"),
                scenario("gitWithoutIntegrity_noIntegrityFinding", new LockfileIntegrityCheck(),
                        withNode(p = project(), p.node("lib", "1.0.0",
                                new Source.Git("git+ssh://git@github.com/acme/lib.git", "a".repeat(40)),
                                "git+ssh://git@github.com/acme/lib.git#" + "a".repeat(40), null, InstallScripts.NO))),
                scenario("sha1Only_weakIntegrity", new LockfileIntegrityCheck(),
                        withNode(p = project(), p.node("lodash", "4.17.21",
                                new Source.Registry(TestProjects.registryUrl("lodash", "4.17.21")),
                                TestProjects.registryUrl("lodash", "4.17.21"), "sha1-Iu5k5WA8Kq9yQiTVB1V2qTIbQqQ=",
                                InstallScripts.NO)),
                        "lockfile/weak-integrity lodash@4.17.21 package-lock.json:10"),
                scenario("sha1UrlFragment_weakIntegrity", new LockfileIntegrityCheck(),
                        withNode(p = project(), p.node("lodash", "4.17.21",
                                new Source.Registry(TestProjects.registryUrl("lodash", "4.17.21")),
                                TestProjects.registryUrl("lodash", "4.17.21") + "#" + "b".repeat(40), null,
                                InstallScripts.NO)),
                        "lockfile/weak-integrity lodash@4.17.21 package-lock.json:10"),
                scenario("sha1AndSha512_noFinding", new LockfileIntegrityCheck(),
                        withNode(p = project(), p.node("lodash", "4.17.21",
                                new Source.Registry(TestProjects.registryUrl("lodash", "4.17.21")),
                                TestProjects.registryUrl("lodash", "4.17.21"), "sha1-abc= sha512-def==",
                                InstallScripts.NO))),
                // lockfile/name-mismatch
                scenario("urlOfAnotherPackage_nameMismatch", new LockfileIntegrityCheck(),
                        withNode(p = project(), p.node("lodash", "4.17.21",
                                new Source.Registry(TestProjects.registryUrl("lodahs", "4.17.21")),
                                TestProjects.registryUrl("lodahs", "4.17.21"), "sha512-x", InstallScripts.NO)),
                        "lockfile/name-mismatch lodash@4.17.21 package-lock.json:10"),
                scenario("urlOfAnotherVersion_nameMismatch", new LockfileIntegrityCheck(),
                        withNode(p = project(), p.node("@scope/pkg", "1.0.0",
                                new Source.Registry(TestProjects.registryUrl("@scope/pkg", "0.9.0")),
                                TestProjects.registryUrl("@scope/pkg", "0.9.0"), "sha512-x", InstallScripts.NO)),
                        "lockfile/name-mismatch @scope/pkg@1.0.0 package-lock.json:10"),
                scenario("scopedUrlEncoded_noFinding", new LockfileIntegrityCheck(),
                        withNode(p = project(), p.node("@scope/pkg", "1.0.0",
                                new Source.Registry("https://registry.npmjs.org/@scope%2fpkg/-/pkg-1.0.0.tgz"),
                                "https://registry.npmjs.org/@scope%2fpkg/-/pkg-1.0.0.tgz", "sha512-x",
                                InstallScripts.NO))),
                // lockfile/remote-source
                scenario("gitDependency_remoteSource", new RemoteSourceCheck(),
                        withNode(p = project(), p.node("lib", "1.0.0",
                                new Source.Git("git+ssh://git@github.com/acme/lib.git", "a".repeat(40)),
                                null, null, InstallScripts.NO)),
                        "lockfile/remote-source lib@1.0.0 package-lock.json:10"),
                scenario("gitDependencyAllowedByPrefix_noFinding", new RemoteSourceCheck(),
                        withNode(p = project(), p.node("lib", "1.0.0",
                                new Source.Git("git+ssh://git@github.com/acme/lib.git", "a".repeat(40)),
                                null, null, InstallScripts.NO),
                                new ProjectSettings(Set.of(), List.of("git+ssh://git@github.com/acme/"), List.of(),
                                        true))),
                scenario("tarballUrl_remoteSource", new RemoteSourceCheck(),
                        withNode(p = project(), p.node("lib", "1.0.0",
                                new Source.RemoteTarball("https://cdn.example/lib-1.0.0.tgz"),
                                "https://cdn.example/lib-1.0.0.tgz", "sha512-x", InstallScripts.NO)),
                        "lockfile/remote-source lib@1.0.0 package-lock.json:10"),
                scenario("fileInsideProject_noFinding", new RemoteSourceCheck(),
                        withNode(p = project(), p.node("lib", "1.0.0", new Source.Local("vendor/lib", false),
                                "vendor/lib", null, InstallScripts.NO))),
                scenario("fileOutsideProject_remoteSource", new RemoteSourceCheck(),
                        withNode(p = project(), p.node("lib", "1.0.0", new Source.Local("../lib", true), "../lib",
                                null, InstallScripts.NO)),
                        "lockfile/remote-source lib@1.0.0 package-lock.json:10"),
                // lockfile/out-of-sync
                scenario("inSync_noFinding", new DriftCheck(),
                        project().direct("express", "4.21.2", "^4.21.0").context()),
                scenario("noLockfile_outOfSync", new DriftCheck(),
                        project().direct("express", "4.21.2", "^4.21.0").contextWithoutLockfile(),
                        "lockfile/out-of-sync null@null package.json:1"),
                scenario("lockedVersionOutsideRange_outOfSync", new DriftCheck(),
                        project().direct("express", "4.21.2", "^5.0.0").context(),
                        "lockfile/out-of-sync express@4.21.2 package.json:5"),
                scenario("declaredButNotLocked_outOfSync", new DriftCheck(),
                        project().direct("express", "4.21.2", "4.21.2").declare("left-pad", "1.3.0",
                                DependencyType.PROD).context(),
                        "lockfile/out-of-sync left-pad@null package.json:6"),
                scenario("lockfileRecordsOtherSpec_outOfSync", new DriftCheck(),
                        project().direct("express", "4.21.2", "^4.21.0").recorded(List.of(new DeclaredDependency(
                                "express", "^4.20.0", DependencyType.PROD, new Location("package-lock.json", 4))))
                                .context(),
                        "lockfile/out-of-sync express@null package.json:5"),
                scenario("workspaceRecordedAsPath_bunV0_inSync", new DriftCheck(),
                        project().direct("lib", "1.0.0", "workspace:*").recorded(List.of(new DeclaredDependency(
                                "lib", "packages/lib", DependencyType.PROD, new Location("bun.lock", 6)))).context()),
                scenario("aliasToOtherPackage_outOfSync", new DriftCheck(),
                        project().direct("is-num", "7.0.0", "npm:is-number@^7.0.0").context(),
                        "lockfile/out-of-sync is-num@7.0.0 package.json:5"),
                // manifest/unpinned-range
                scenario("exactVersion_noFinding", new PinningCheck(),
                        project().direct("express", "4.21.2", "4.21.2").context()),
                scenario("caretRange_unpinned", new PinningCheck(),
                        project().direct("express", "4.21.2", "^4.21.2").context(),
                        "manifest/unpinned-range express@4.21.2 package.json:5"),
                scenario("latestTag_unpinned", new PinningCheck(),
                        project().direct("express", "4.21.2", "latest").context(),
                        "manifest/unpinned-range express@4.21.2 package.json:5"),
                scenario("peerRange_noFinding", new PinningCheck(),
                        project().declare("react", "^18.0.0", DependencyType.PEER).context()),
                scenario("devRangeWhenDevNotPinned_noFinding", new PinningCheck(),
                        project().direct("eslint", "9.17.0", "^9.0.0", DependencyType.DEV)
                                .context(new ProjectSettings(Set.of(), List.of(), List.of(), false))),
                // scripts/install-script
                scenario("installScriptNotAllowed_finding", new InstallScriptCheck(),
                        withNode(p = project(), p.node("esbuild", "0.23.1", new Source.Registry(null), null,
                                "sha512-x", InstallScripts.YES)),
                        "scripts/install-script esbuild@0.23.1 package-lock.json:10"),
                scenario("installScriptAllowedExactly_noFinding", new InstallScriptCheck(),
                        withNode(p = project(), p.node("esbuild", "0.23.1", new Source.Registry(null), null,
                                "sha512-x", InstallScripts.YES),
                                new ProjectSettings(Set.of(), List.of(), List.of("esbuild@0.23.1"), true))),
                scenario("installScriptOtherVersionAllowed_finding", new InstallScriptCheck(),
                        withNode(p = project(), p.node("esbuild", "0.24.0", new Source.Registry(null), null,
                                "sha512-x", InstallScripts.YES),
                                new ProjectSettings(Set.of(), List.of(), List.of("esbuild@0.23.1"), true)),
                        "scripts/install-script esbuild@0.24.0 package-lock.json:10"),
                scenario("installScriptAllowedByRange_noFinding", new InstallScriptCheck(),
                        withNode(p = project(), p.node("@scope/native", "2.3.4", new Source.Registry(null), null,
                                "sha512-x", InstallScripts.YES),
                                new ProjectSettings(Set.of(), List.of(), List.of("@scope/native@^2.0.0"), true))),
                scenario("noInstallScript_noFinding", new InstallScriptCheck(),
                        project().direct("lodash", "4.17.21", "4.17.21").context()));
    }

    private static ProjectContext withNode(TestProjects p, PackageNode node) {
        return withNode(p, node, ProjectSettings.defaults());
    }

    private static ProjectContext withNode(TestProjects p, PackageNode node, ProjectSettings settings) {
        return p.node(node).context(settings);
    }

    private static Arguments scenario(String name, ProjectCheck check, ProjectContext context, String... expected) {
        return Arguments.of(new Scenario(name, check, context, List.of(expected)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void reportsExactlyTheExpectedFindings(Scenario scenario) {
        List<String> actual = scenario.check().check(scenario.context()).stream()
                .map(f -> f.rule().id() + " " + f.packageName() + "@" + f.version() + " " + f.location()).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(scenario.expected());
    }

    @org.junit.jupiter.api.Test
    void installScriptsFromRegistryMetadataCount_whenTheLockfileDoesNotSay() {
        TestProjects p = project();
        p.node(p.node("bcrypt", "5.1.1", new Source.Registry(null), null, "sha512-x", InstallScripts.UNKNOWN));
        ProjectContext base = p.context();
        ProjectContext withMetadata = new ProjectContext(base.manifest(), Map.of(), base.lockfile(), List.of(),
                Map.of("bcrypt@5.1.1", InstallScripts.YES), base.settings());
        assertThat(new InstallScriptCheck().check(base)).isEmpty();
        List<Finding> findings = new InstallScriptCheck().check(withMetadata);
        assertThat(findings).extracting(Finding::packageName).containsExactly("bcrypt");
    }

    @org.junit.jupiter.api.Test
    void messagesCarryTheEvidence() {
        TestProjects p = project();
        List<Finding> findings = new LockfileIntegrityCheck().check(withNodeContext(p));
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
                .contains("lodash@4.17.21").contains("lodahs@4.17.21").contains("lodahs-4.17.21.tgz"));
    }

    private static ProjectContext withNodeContext(TestProjects p) {
        return p.node(p.node("lodash", "4.17.21", new Source.Registry(TestProjects.registryUrl("lodahs", "4.17.21")),
                TestProjects.registryUrl("lodahs", "4.17.21"), "sha512-x", InstallScripts.NO)).context();
    }
}
