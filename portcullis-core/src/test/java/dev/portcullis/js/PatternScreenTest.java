package dev.portcullis.js;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portcullis.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The literal prefilter in front of the rule set's string patterns gives exactly what running every pattern gives. */
class PatternScreenTest {
    private static final Path CORE = Fixtures.repoRoot().resolve("portcullis-core/src");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'|`([^`]*)`");

    /** The shipped rules' {@code strings:} patterns, read straight from the rule files. */
    static List<StringPattern> rulePatterns() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<StringPattern> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORE.resolve("main/resources/rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode s : yaml.readTree(file.toFile()).path("strings")) {
                    out.add(new StringPattern(s.get("name").asText(), StringPattern.compile(s.get("pattern").asText())));
                }
            }
        }
        return out;
    }

    @Test
    void everyShippedPatternButTheWalletAddressesHasANeedle() throws IOException {
        // The wallet patterns are anchored character classes with no literal to screen on; they stay cheap because
        // ^…$ fails at once on most strings. Add a pattern here only when it cannot carry a literal of 3+ characters.
        assertThat(new JsOptions(rulePatterns(), JsLimits.defaults()).unscreened()).extracting(StringPattern::name)
                .containsExactlyInAnyOrder("wallet-eth", "wallet-btc", "wallet-sol", "wallet-trx");
    }

    @Test
    void needlesComeFromTheRegexStructure() {
        assertThat(RequiredLiterals.of(Pattern.compile("stratum\\+(tcp|ssl|tls)://")))
                .containsExactlyInAnyOrder("stratum+tcp://", "stratum+ssl://", "stratum+tls://");
        assertThat(RequiredLiterals.of(Pattern.compile("\\b(xmrig|xmr-stak|minerd)(\\.exe)?\\b")))
                .containsExactlyInAnyOrder("xmrig", "xmr-stak", "minerd");
        assertThat(RequiredLiterals.of(Pattern.compile("^npm\\s+publish\\b"))).containsExactly("publish");
        assertThat(RequiredLiterals.of(Pattern.compile("(/dev/(tcp|udp)/x|\\bn(c|cat) .*-e)")))
                .containsExactlyInAnyOrder("/dev/tcp/x", "/dev/udp/x", "nc ", "ncat ");
        assertThat(RequiredLiterals.of(Pattern.compile("a(?=bcd)x"))).isNull();
        assertThat(RequiredLiterals.of(Pattern.compile("abc(?:def)?"))).containsExactly("abc");
        assertThat(RequiredLiterals.of(Pattern.compile("(abc)+d"))).containsExactly("abc");
        assertThat(RequiredLiterals.of(Pattern.compile("ABcd", Pattern.CASE_INSENSITIVE))).containsExactly("abcd");
        assertThat(RequiredLiterals.of(Pattern.compile("abcd", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))).isNull();
        assertThat(RequiredLiterals.allOf(Pattern.compile("(?:^|[/=]|%[A-Z]+%)\\.aws[/\\\\](?:credentials|config)")))
                .containsExactly(Set.of("credentials", "config"), Set.of(".aws"));
        assertThat(RequiredLiterals.lengths(Pattern.compile("^0x[a-f0-9]{40}$"))).containsExactly(42, 2 + 80 + 2);
        assertThat(RequiredLiterals.lengths(Pattern.compile("^(ab|c{2,3})x?$"))).containsExactly(2, 4 + 2);
        assertThat(RequiredLiterals.lengths(Pattern.compile("^ab\\$"))).containsExactly(3, Integer.MAX_VALUE);
        assertThat(RequiredLiterals.lengths(Pattern.compile("^a|b$"))).containsExactly(1, Integer.MAX_VALUE);
        assertThat(RequiredLiterals.alternatives(Pattern.compile("a(b|c)|[|]d|e\\|f"))).containsExactly("a(b|c)", "[|]d", "e\\|f");
        assertThat(RequiredLiterals.of(Pattern.compile("(?i)abcd"))).isNull();
        assertThat(RequiredLiterals.of(Pattern.compile("\\Qabcd\\E"))).isNull();
        assertThat(RequiredLiterals.of(Pattern.compile("abc|[a-z]+"))).isNull();
        assertThat(RequiredLiterals.of(Pattern.compile("ab"))).isNull();
    }

    @Test
    void everySensitivePatternHasANeedle() {
        assertThat(SensitiveStrings.unscreened().isEmpty()).as("unscreened: " + SensitiveStrings.unscreened()).isTrue();
    }

    @Test
    void sensitiveScreenEqualsRunningEveryPattern() throws IOException {
        List<Pattern> expressions = SensitiveStrings.expressions();
        List<String> names = SensitiveStrings.names();
        Set<String> corpus = corpus(expressions.stream().map(Pattern::pattern).toList());
        for (String s : List.of("~/.npmrc", "C:\\x\\Google\\Chrome\\", "https://IPAPI.co/json", "GeoIp.db", "x/.ssh/id_rsa")) {
            corpus.add(s);
        }
        int matched = 0;
        for (String s : corpus) {
            List<String> all = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                if (expressions.get(k).matcher(s).find()) {
                    all.add(names.get(k));
                }
            }
            boolean geo = expressions.get(names.size()).matcher(s).find();
            assertThat(SensitiveStrings.categories(s)).as(s).isEqualTo(s.length() < 4 ? List.of() : all);
            assertThat(SensitiveStrings.screen(s)).as(s)
                    .isEqualTo(new SensitiveStrings.Screen(s.length() < 4 ? List.of() : all, s.length() >= 4 && geo));
            assertThat(SensitiveStrings.geoIp(s)).as(s).isEqualTo(s.length() >= 8 && geo);
            matched += all.isEmpty() && !geo ? 0 : 1;
        }
        assertThat(matched).as("strings some pattern matches").isGreaterThan(50);
    }

    @Test
    void prefilteredScreenEqualsRunningEveryPattern() throws IOException {
        List<StringPattern> patterns = new ArrayList<>(rulePatterns());
        // and a few shapes the shipped rules do not have
        for (String regex : List.of("(?:foo|bar)baz{2,}", "x[abc]yz\\.q", "(?<host>evil|bad)\\.(?:com|net)$", "lit(?!eral)",
                "[\\]x]abc", "a.b.c.def", "^[a-c]{3,5}$", "^x(?:yz)+$", "^[^q]{2}\\.[0-9]?$", "(?i)upper", "LOWER|case", "\\bHOST\\.example", "geo\\.x|^abc$")) {
            patterns.add(new StringPattern(regex, Pattern.compile(regex)));
        }
        patterns.add(new StringPattern("folded", Pattern.compile("\\b(?:AbcD|xyz)\\.q|zzz", Pattern.CASE_INSENSITIVE)));
        JsOptions options = new JsOptions(patterns, JsLimits.defaults());
        Set<String> corpus = corpus(patterns.stream().map(p -> p.pattern().pattern()).toList());
        int matched = 0;
        for (String s : corpus) {
            List<StringPattern> all = patterns.stream().filter(p -> p.pattern().matcher(s).find()).toList();
            assertThat(options.matching(s)).as(s).isEqualTo(all);
            matched += all.isEmpty() ? 0 : 1;
        }
        assertThat(matched).as("strings some pattern matches").isGreaterThan(50);
    }

    /** The rule samples' string literals, lines and words, and random strings made of their pieces and of the regexes'. */
    private static Set<String> corpus(List<String> regexes) throws IOException {
        Set<String> corpus = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(CORE.resolve("test/resources/rules/samples"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                Matcher m = QUOTED.matcher(text);
                while (m.find()) {
                    corpus.add(m.group(m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3));
                }
                corpus.addAll(List.of(text.split("\\R")));
                corpus.addAll(List.of(text.split("\\s+")));
            }
        }
        Random random = new Random(3);
        List<String> seeds = new ArrayList<>(corpus);
        for (String regex : regexes) {
            seeds.add(regex.replaceAll("\\\\(?=[^A-Za-z0-9])", ""));
        }
        String alphabet = "abcxyzABCXYZ0123./\\:-+_ \t|;&?%$TbcXMR19AHJNPe";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                if (random.nextBoolean() && !seeds.isEmpty()) {
                    String seed = seeds.get(random.nextInt(seeds.size()));
                    int from = random.nextInt(seed.length() + 1);
                    String piece = seed.substring(from, Math.min(seed.length(), from + random.nextInt(40)));
                    s.append(random.nextInt(5) == 0 ? piece.toUpperCase(java.util.Locale.ROOT) : piece);
                } else {
                    for (int c = random.nextInt(50); c > 0; c--) {
                        s.append(random.nextInt(20) == 0 ? (char) (0x80 + random.nextInt(0x400)) : alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
            }
            corpus.add(s.toString());
        }
        return corpus;
    }
}
