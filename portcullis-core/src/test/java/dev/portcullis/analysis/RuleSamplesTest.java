package dev.portcullis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.js.JsLimits;
import dev.portcullis.model.Finding;
import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballReader;
import dev.portcullis.testkit.Fixtures;
import dev.portcullis.testkit.TarballBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every content rule against its samples ({@code src/test/resources/rules/samples/<rule-name>/match-*} must fire it,
 * {@code nomatch-*} must not), through the real extractor and the real tarball reader: each sample directory is
 * packed into a gzipped tarball under {@code package/}, plus the hostile entries its optional {@code tarball.recipe}
 * lists (and read with a smaller per-file limit when it says {@code max-file-bytes N}, analysed with one when it
 * says {@code max-analysed-bytes N}). Fails when a rule has no sample of either kind, or a sample directory names
 * no rule (a typo would otherwise test nothing).
 */
class RuleSamplesTest {
    private static final Path SAMPLES = Fixtures.repoRoot().resolve("portcullis-core/src/test/resources/rules/samples");
    private static final String RECIPE = "tarball.recipe";
    private static final List<ContentRule> RULES = PackageAnalyzer.defaultRules();
    private static final PackageAnalyzer ANALYZER = PackageAnalyzer.withDefaultRules();

    private static String name(ContentRule rule) {
        return rule.id().substring(rule.id().indexOf('/') + 1);
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyRuleHasAMatchingAndANonMatchingSample() {
        List<String> missing = new ArrayList<>();
        for (ContentRule rule : RULES) {
            Path dir = SAMPLES.resolve(name(rule));
            List<String> samples = Files.isDirectory(dir)
                    ? children(dir).stream().map(p -> p.getFileName().toString()).toList() : List.of();
            if (samples.stream().noneMatch(s -> s.startsWith("match-"))) {
                missing.add(name(rule) + "/match-*");
            }
            if (samples.stream().noneMatch(s -> s.startsWith("nomatch-"))) {
                missing.add(name(rule) + "/nomatch-*");
            }
        }
        assertThat(missing).as("rules without samples").isEmpty();
    }

    @Test
    void everySampleDirectoryNamesARule() {
        Set<String> names = RULES.stream().map(RuleSamplesTest::name).collect(Collectors.toSet());
        List<String> strays = new ArrayList<>();
        for (Path dir : children(SAMPLES)) {
            if (!names.contains(dir.getFileName().toString())) {
                strays.add(dir.getFileName().toString());
            }
            for (Path sample : children(dir)) {
                String sampleName = sample.getFileName().toString();
                if (!sampleName.startsWith("match-") && !sampleName.startsWith("nomatch-")) {
                    strays.add(dir.getFileName() + "/" + sampleName);
                }
            }
        }
        assertThat(strays).as("sample directories that name no rule, or are neither match-* nor nomatch-*").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everySampleFiresItsRuleOrNot() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ContentRule rule : RULES) {
            Path dir = SAMPLES.resolve(name(rule));
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (Path sample : children(dir)) {
                boolean match = sample.getFileName().toString().startsWith("match-");
                tests.add(DynamicTest.dynamicTest(name(rule) + "/" + sample.getFileName(), () -> {
                    PackageAnalysis analysis = analyzer(sample).analyze(PackageInput.of(read(sample)));
                    List<Finding> fired = analysis.findings().stream()
                            .filter(f -> f.rule().id().equals(rule.id())).toList();
                    if (match) {
                        assertThat(fired).as("%s must fire on %s; findings: %s", rule.id(), sample,
                                analysis.findings()).isNotEmpty();
                        assertThat(fired).allSatisfy(f -> assertThat(f.location().file()).isNotEmpty());
                    } else {
                        assertThat(fired).as("%s must not fire on %s", rule.id(), sample).isEmpty();
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** The shared analyzer, or one with a smaller per-file analysis limit when the recipe says max-analysed-bytes N. */
    static PackageAnalyzer analyzer(Path sample) throws IOException {
        Path recipe = sample.resolve(RECIPE);
        if (!Files.exists(recipe)) {
            return ANALYZER;
        }
        for (String line : Files.readAllLines(recipe, StandardCharsets.UTF_8)) {
            String[] words = line.strip().split(" ", 3);
            if (words[0].equals("max-analysed-bytes")) {
                JsLimits d = JsLimits.defaults();
                List<ContentRule> rules = PackageAnalyzer.defaultRules();
                return new PackageAnalyzer(rules, new JsFactExtractor(PackageAnalyzer.patterns(rules), new JsLimits(
                        d.maxDecodeDepth(), d.maxEvidenceChars(), d.maxFactsPerFile(), Long.parseLong(words[1]),
                        d.maxDecodedBytes())));
            }
        }
        return ANALYZER;
    }

    /** The sample as a real gzipped tarball, read back by the real reader. */
    static TarballContents read(Path sample) throws IOException {
        TarballBuilder tarball = TarballBuilder.tarball();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sample)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> recipe = List.of();
        for (Path file : files) {
            String relative = sample.relativize(file).toString().replace('\\', '/');
            if (relative.equals(RECIPE)) {
                recipe = Files.readAllLines(file, StandardCharsets.UTF_8);
                continue;
            }
            tarball.file("package/" + relative, Files.readAllBytes(file), Files.isExecutable(file) ? 0755 : 0644);
        }
        TarballLimits limits = TarballLimits.defaults();
        for (String line : recipe) {
            String[] words = line.strip().split(" ", 3);
            switch (words[0]) {
                case "", "#" -> {
                }
                case "file" -> tarball.file(words[1], words.length > 2 ? words[2] : "");
                case "symlink" -> tarball.symlink(words[1], words[2]);
                case "hardlink" -> tarball.hardlink(words[1], words[2]);
                case "device" -> tarball.device(words[1]);
                case "bomb" -> tarball.gzipBomb(words[1], Long.parseLong(words[2]));
                case "truncate" -> tarball.truncate(Integer.parseInt(words[1]));
                case "corrupt" -> tarball.corruptHeader();
                case "max-analysed-bytes" -> {
                    // read by analyzer(sample)
                }
                case "max-file-bytes" -> limits = new TarballLimits(limits.maxTotalBytes(), limits.maxEntries(),
                        Long.parseLong(words[1]), limits.maxCompressionRatio(), limits.ratioGraceBytes(),
                        limits.maxPathLength(), limits.maxPathDepth());
                default -> throw new IllegalArgumentException(sample + "/" + RECIPE + ": unknown step " + words[0]);
            }
        }
        return TarballReader.read(new ByteArrayInputStream(tarball.build()), limits);
    }
}
