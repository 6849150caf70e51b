package dev.portcullis.semver;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Optional;

/**
 * Version and range strings come from untrusted package.json files and packuments: parsing and testing must return
 * normally (invalid input is an empty Optional, never an exception) and quickly on any input. Regression mode runs the
 * seeds in SemverFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SemverFuzzTest {
    /** Generous for one call on a loaded machine; catastrophic backtracking takes seconds to years. */
    private static final long MAX_NANOS_PER_INPUT = 2_000_000_000L;

    @FuzzTest(maxDuration = "5m")
    void parseAndTest(FuzzedDataProvider data) {
        RangeOptions options = new RangeOptions(data.consumeBoolean(), data.consumeBoolean());
        String version = data.consumeString(300);
        String range = data.consumeRemainingAsString();
        long start = System.nanoTime();

        Optional<Version> v = Version.parse(version, options.loose());
        Optional<Range> r = Range.parse(range, options);
        boolean matched = r.isPresent() && r.get().test(version);
        v.ifPresent(parsed -> {
            // not necessarily strict: loose keeps a huge numeric identifier's leading zeros, as node-semver does
            assertThat(Version.parse(parsed.toString(), options.loose()).map(Version::toString))
                    .as("a normalised version parses to itself").contains(parsed.toString());
            assertThat(parsed.compareTo(parsed)).isZero();
        });
        r.ifPresent(parsed -> {
            assertThat(Range.parse(parsed.toString(), options)).as("a normalised range parses again").isPresent();
            assertThat(matched).isEqualTo(v.isPresent() && parsed.test(v.get()));
            assertThat(parsed.maxSatisfying(v.map(List::of).orElse(List.of()))).isEqualTo(matched ? v : Optional.empty());
            parsed.isExactVersion();
        });
        assertThat(System.nanoTime() - start).as("time for one input").isLessThan(MAX_NANOS_PER_INPUT);
    }

    @FuzzTest(maxDuration = "5m")
    void dependencySpec(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        long start = System.nanoTime();

        DependencySpec spec = DependencySpec.parse("dep", raw);
        boolean pinned = spec.isPinned();
        if (spec instanceof DependencySpec.Exact) {
            assertThat(pinned).isTrue();
        }
        assertThat(System.nanoTime() - start).as("time for one input").isLessThan(MAX_NANOS_PER_INPUT);
    }
}
