package dev.portcullis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.Severity;
import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.verify.Identity;
import dev.portcullis.verify.VerifyRules;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the verify report in every format (rewrite with -Dportcullis.updateGolden=true, then review the
 * diff); the schemas are checked on real runs in VerifyCliTest.
 */
class VerifyReportersTest {
    static VerifyReport sample() {
        Finding modified = Finding.of(VerifyRules.MODIFIED_FILE, "which", "2.0.2", "node_modules/which/which.js "
                + "differs from which@2.0.2's published tarball (16 bytes installed, 2795 published)",
                Location.of("node_modules/which/which.js"));
        Finding changed = Finding.of(VerifyRules.PROVENANCE_IDENTITY_CHANGED, "sigstore", "1.0.0", "sigstore@1.0.0 "
                + "was built by https://github.com/sigstore/sigstore-js (.github/workflows/publish.yml); the trust "
                + "file records https://github.com/sigstore/sigstore-js (.github/workflows/release.yml) for "
                + "sigstore@2.3.1", new Location("pnpm-lock.yaml", 12));
        Finding missing = Finding.of(VerifyRules.MISSING_FILE, "is-number", "7.0.0", "node_modules/is-number/README.md"
                + " of is-number@7.0.0's published tarball is not installed", Location.of(
                "node_modules/is-number/README.md"));
        Policy.Ignore ignore = new Policy.Ignore("verify/missing-file", "is-number", null, null, "docs stripped by "
                + "our image build", null, new Location("portcullis.yml", 4));
        PolicyResult result = new PolicyResult(List.of(modified, changed),
                List.of(new PolicyResult.Ignored(missing, ignore)), Severity.HIGH, false);
        Identity identity = new Identity("https://token.actions.githubusercontent.com",
                "https://github.com/sigstore/sigstore-js/.github/workflows/publish.yml@refs/tags/v1.0.0",
                "https://github.com/sigstore/sigstore-js", ".github/workflows/publish.yml", "refs/tags/v1.0.0",
                "06528997c3c8");
        return new VerifyReport("0.1.0-test", "package-lock.json", "npm", new VerifyReport.Counts(5, 5, 5, 4, 1),
                result, List.of(new VerifyReport.Provenance("sigstore", "1.0.0", identity)),
                List.of("the registry https://registry.example/ publishes no signing keys"),
                List.of("portcullis-trust.json: 1 package recorded, 0 already there"), VerifyRules.ALL, false,
                "portcullis.yml");
    }

    static List<ReportFormat> formats() {
        return ReportFormat.of(VerifyReport.class);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void matchesGoldenFile(ReportFormat format) throws IOException {
        ReportersTest.matchesGolden("verify." + format.id(), ReportersTest.render(format, sample(), false));
    }

    @Test
    void colourOnlyWhenAsked() throws IOException {
        assertThat(ReportersTest.render(ReportFormat.TEXT, sample(), true)).contains("\u001b[31mCRITICAL\u001b[0m");
        assertThat(ReportersTest.render(ReportFormat.TEXT, sample(), false)).doesNotContain("\u001b[");
    }
}
