package dev.portcullis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The semver order a summary keeps its versions in, and what precedes a version in it. */
class PackageSummaryTest {
    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    private static PackageSummary summary(String... versions) {
        Map<String, PackageSummary.VersionFacts> facts = new TreeMap<>(); // text order: 1.10.0 before 1.9.0
        for (String v : versions) {
            facts.put(v, new PackageSummary.VersionFacts(v, Map.of(), false, false, Optional.empty(),
                    Optional.empty(), Optional.empty(), false, false, java.util.Set.of()));
        }
        return new PackageSummary("pkg", Map.of(), facts, false, Packument.Times.NONE, Optional.empty(), T0);
    }

    private static List<String> versions(List<PackageSummary.VersionFacts> facts) {
        return facts.stream().map(PackageSummary.VersionFacts::version).toList();
    }

    @Test
    void versionsAreKeptInSemverOrderWithTheOnesThatAreNotSemverFirst() {
        PackageSummary s = summary("1.10.0", "1.9.0", "2.0.0-beta.2", "2.0.0-beta.10", "not-a-version", "2.0.0",
                "0.1.0");
        assertThat(s.versions().keySet()).containsExactly("not-a-version", "0.1.0", "1.9.0", "1.10.0",
                "2.0.0-beta.2", "2.0.0-beta.10", "2.0.0");
    }

    @Test
    void theStoreKeepsTheOrderAndReadsItBackWithoutSortingAgain() throws Exception {
        PackageSummary s = summary("1.10.0", "1.9.0", "1.2.3", "10.0.0");
        byte[] stored = SummaryCodec.encode(new SummaryCodec.Entry(T0, Optional.of(s)));
        PackageSummary read = SummaryCodec.decode(stored).orElseThrow().summary().orElseThrow();
        assertThat(read.versions().keySet()).containsExactly("1.2.3", "1.9.0", "1.10.0", "10.0.0");
        assertThat(read).isEqualTo(s);
    }

    @Test
    void setsEqualToThePreviousVersionsAreStoredOnceAndReadBackEqual() throws Exception {
        Map<String, PackageSummary.VersionFacts> facts = new TreeMap<>();
        Optional<java.util.Set<String>> alice = Optional.of(java.util.Set.of("alice <a@x.example>"));
        Optional<java.util.Set<String>> both = Optional.of(java.util.Set.of("alice <a@x.example>", "mallory"));
        Object[][] versions = {{"1.0.0", alice, java.util.Set.of("a", "b")}, {"1.1.0", alice, java.util.Set.of("a", "b")},
                {"1.2.0", both, java.util.Set.of("a", "b", "c")}, {"1.3.0", both, java.util.Set.of()},
                {"1.4.0", Optional.empty(), java.util.Set.of("a")}};
        for (Object[] v : versions) {
            @SuppressWarnings("unchecked")
            Optional<java.util.Set<String>> maintainers = (Optional<java.util.Set<String>>) v[1];
            @SuppressWarnings("unchecked")
            java.util.Set<String> deps = (java.util.Set<String>) v[2];
            facts.put((String) v[0], new PackageSummary.VersionFacts((String) v[0], Map.of(), false, false,
                    Optional.empty(), Optional.empty(), maintainers, false, false, deps));
        }
        PackageSummary s = new PackageSummary("pkg", Map.of(), facts, false, Packument.Times.NONE, Optional.empty(),
                T0);
        byte[] stored = SummaryCodec.encode(new SummaryCodec.Entry(T0, Optional.of(s)));
        String text = new String(stored, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.split("\"dep\":", -1)).hasSize(4); // 1.0.0, 1.2.0, 1.4.0; 1.1.0 says "dep=" instead
        assertThat(text).contains("\"dep=\":true").contains("\"m=\":true");
        assertThat(SummaryCodec.decode(stored).orElseThrow().summary()).contains(s);
    }

    @Test
    void earlierIsEveryOlderVersionOfEveryLineOldestFirst() {
        PackageSummary s = summary("1.0.0", "1.10.0", "1.9.0", "2.0.0-rc.1", "2.0.0", "1.9.1", "junk");
        assertThat(versions(s.earlier("2.0.0"))).containsExactly("1.0.0", "1.9.0", "1.9.1", "1.10.0", "2.0.0-rc.1");
        assertThat(versions(s.earlier("1.9.1"))).containsExactly("1.0.0", "1.9.0");
        assertThat(s.earlier("1.0.0")).isEmpty();
        assertThat(s.earlier("junk")).isEmpty();
        // a version the document does not list (unpublished since) is placed by comparison
        assertThat(versions(s.earlier("1.9.5"))).containsExactly("1.0.0", "1.9.0", "1.9.1");
    }

    @Test
    void aVersionOfTheSamePrecedenceIsNotEarlier() {
        PackageSummary s = summary("1.0.0+build.1", "1.0.0+build.2", "0.9.0");
        assertThat(versions(s.earlier("1.0.0+build.2"))).containsExactly("0.9.0");
        assertThat(versions(s.earlier("1.0.0+build.1"))).containsExactly("0.9.0");
    }

    @Test
    void previousSkipsPrereleasesUnlessTheVersionIsOne() {
        PackageSummary s = summary("1.0.0", "1.1.0-beta.1", "1.1.0-beta.2", "1.1.0", "1.0.1");
        assertThat(s.previous("1.1.0").map(PackageSummary.VersionFacts::version)).contains("1.0.1");
        assertThat(s.previous("1.1.0-beta.2").map(PackageSummary.VersionFacts::version)).contains("1.1.0-beta.1");
        assertThat(s.previous("1.0.1").map(PackageSummary.VersionFacts::version)).contains("1.0.0");
        assertThat(s.previous("1.0.0")).isEmpty();
        assertThat(s.previous("1.2.0").map(PackageSummary.VersionFacts::version)).contains("1.1.0");
    }
}
