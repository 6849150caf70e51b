package dev.portcullis.engine;

import dev.portcullis.report.VerifyReport;
import dev.portcullis.testkit.FakeRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** One verify run of the verify tests: an isolated environment (no user .npmrc, a cache in the test's directory). */
final class VerifyRuns {
    private VerifyRuns() {
    }

    static VerifyReport verify(Path work, FakeRegistry registry, Path project, VerifyOptions options)
            throws Exception {
        Environment environment = new Environment(Map.of("npm_config_globalconfig",
                work.resolve("no-global-npmrc").toString()), work.resolve("home"),
                Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), work.resolve("cache"));
        try (Portcullis run = Portcullis.open(environment, new Run(project, null, registry.url(), false, true,
                false))) {
            return new VerifyPipeline(run).run(options);
        }
    }
}
