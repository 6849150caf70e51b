package dev.portcullis.semver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.json.Json;
import dev.portcullis.testkit.NodeTools;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Compares Version and Range with the real node-semver (portcullis-testkit/node-tools) on generated input: for each
 * (version, version, range, options) both sides answer valid(), compare(), validRange() and satisfies(). Every
 * disagreement fails the test.
 */
class SemverDifferentialTest {
    private static final long SEED = 20261122L;
    private static final int CASES = 60_000;
    private static final ObjectMapper JSON = Json.mapper();

    record Query(String v, String v2, String r, boolean loose, boolean pre) {
    }

    record Answer(String valid, String valid2, Integer cmp, String range, boolean sat) {
    }

    @Test
    void agreesWithNodeSemver_onGeneratedInput() throws Exception {
        SemverSamples samples = new SemverSamples(SEED);
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            queries.add(new Query(samples.version(), samples.version(), samples.range(), samples.flag(25),
                    samples.flag(20)));
        }
        queries.addAll(handPicked());

        StringBuilder stdin = new StringBuilder();
        for (Query q : queries) {
            stdin.append(JSON.writeValueAsString(q)).append('\n');
        }
        String[] lines = NodeTools.node(List.of(oracleScript()), stdin.toString()).split("\n");
        assertThat(lines).hasSize(queries.size());

        List<String> disagreements = new ArrayList<>();
        int rangesValid = 0;
        int satisfied = 0;
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            Answer expected = JSON.readValue(lines[i], Answer.class);
            Answer actual = answer(q);
            rangesValid += expected.range() != null ? 1 : 0;
            satisfied += expected.sat() ? 1 : 0;
            if (!expected.equals(actual)) {
                disagreements.add(JSON.writeValueAsString(q) + "\n  node:     " + expected + "\n  portcullis: " + actual);
            }
        }
        System.out.printf("semver differential: %d cases compared (%d valid ranges, %d satisfied), %d disagreements%n",
                queries.size(), rangesValid, satisfied, disagreements.size());
        assertThat(disagreements).as(String.join("\n", disagreements.subList(0, Math.min(40, disagreements.size()))))
                .isEmpty();
        // the generator must reach both outcomes often, or the comparison proves little
        assertThat(rangesValid).isBetween(queries.size() / 4, queries.size() * 9 / 10);
        assertThat(satisfied).isGreaterThan(queries.size() / 20);
    }

    private static Answer answer(Query q) {
        RangeOptions options = new RangeOptions(q.loose(), q.pre());
        Optional<Version> a = Version.parse(q.v(), q.loose());
        Optional<Version> b = Version.parse(q.v2(), q.loose());
        Optional<Range> range = Range.parse(q.r(), options);
        return new Answer(a.map(Version::toString).orElse(null), b.map(Version::toString).orElse(null),
                a.isPresent() && b.isPresent() ? a.get().compareTo(b.get()) : null,
                range.map(Range::toString).orElse(null),
                range.map(r -> r.test(q.v())).orElse(false));
    }

    /** Cases the generator reaches rarely: the edges of MAX_LENGTH, MAX_SAFE_INTEGER and white space. */
    private static List<Query> handPicked() throws JsonProcessingException {
        List<Query> list = new ArrayList<>();
        String longId = "a".repeat(250);
        List<String> versions = List.of("1.2.3-" + longId, "1.2.3-" + "a".repeat(251), "1.2.3+" + "b".repeat(249),
                " ".repeat(200) + "1.2.3" + " ".repeat(51), "1.2.3" + " ".repeat(252), "9007199254740991.0.0",
                "9007199254740992.0.0", "1.2.3-9007199254740991", "1.2.3-9007199254740992", "1.2.3\u0085",
                "\u20281.2.3\u2029", "1.2.3-0999999999999999999999", "v1.2.3", "=1.2.3", "1.2.3beta");
        List<String> ranges = List.of(">9007199254740990", "<=9007199254740990.x", "^9007199254740991",
                "~1.9007199254740991", ">999999999999999999999", "<=1.999999999999999999999.x 1.2.3",
                "1.2.3 - 9007199254740991", "1 - 2", "1.2.3 - 2.x", "x - 1", "* || 1.2.3", "<0.0.0-0 || 1.x",
                "^1.2.3-" + longId, "1.2.3 " + "x".repeat(300), ">=0.0.0", " >= 0.0.0-0 ", "", " ", "||");
        for (String v : versions) {
            for (String r : ranges) {
                for (int flags = 0; flags < 4; flags++) {
                    list.add(new Query(v, "1.2.3-1", r, (flags & 1) != 0, (flags & 2) != 0));
                }
            }
        }
        return list;
    }

    private static String oracleScript() throws URISyntaxException {
        return Path.of(SemverDifferentialTest.class.getResource("/semver/semver-oracle.js").toURI()).toString();
    }
}
