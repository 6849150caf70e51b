package dev.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.portcullis.json.Json;
import dev.portcullis.report.ReportFormat;
import dev.portcullis.report.SbomReport;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code portcullis sbom} on the real projects of every lockfile format: the CycloneDX 1.6 document validates
 * against the schema bundled with the CycloneDX library, the SPDX 2.3 one against the schema bundled with SPDX's
 * tools-java; the output is the same bytes run after run; scopes, workspaces, hashes and (--deep, from the real
 * is-number tarball on a registry at 127.0.0.1) licenses are as the lockfile and package say.
 */
class SbomPipelineTest {
    @TempDir
    Path work;

    private SbomReport sbom(Path project, String registry, SbomOptions options) throws Exception {
        Environment environment = new Environment(Map.of("npm_config_globalconfig",
                work.resolve("no-global-npmrc").toString()), work.resolve("home"),
                Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC), work.resolve("cache"));
        try (Portcullis run = Portcullis.open(environment, new Run(project, null, registry, false, true, false))) {
            return new SbomPipeline(run).run(options);
        }
    }

    private static String render(ReportFormat format, SbomReport report) throws IOException {
        StringWriter out = new StringWriter();
        format.reporter(false).write(report, out);
        return out.toString();
    }

    static JsonSchema spdxSchema() throws IOException {
        try (InputStream in = SbomPipelineTest.class.getResourceAsStream("/resources/spdx-schema-v2.3.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm/one-package-v1", "npm/scoped-packages-v3", "npm/workspaces-v3",
            "npm/one-package-dev-v3", "npm/git-dep-v3", "npm-shrinkwrap/one-package-v3", "pnpm/nested-dependencies-v9",
            "pnpm/workspaces-v9", "pnpm/one-package-v5", "yarn-classic/workspaces", "yarn-berry/one-package-dev",
            "yarn-berry/scoped-packages", "bun/workspaces-v2", "bun/peer-dependencies-v2",
            "real-projects/express-lodash-react-webpack", "real-projects/express-4"})
    void bothDocumentsValidate_andAreTheSameBytesEachRun(String fixture) throws Exception {
        Path project = Fixtures.path(fixture);
        SbomReport report = sbom(project, null, new SbomOptions(false, false, false));

        String cyclonedx = render(ReportFormat.CYCLONEDX, report);
        String spdx = render(ReportFormat.SPDX, report);

        assertThat(new JsonParser().validate(cyclonedx.getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
                .isEmpty();
        assertThat(spdxSchema().validate(Json.mapper().readTree(spdx))).isEmpty();
        SbomReport again = sbom(project, null, new SbomOptions(false, false, false));
        assertThat(render(ReportFormat.CYCLONEDX, again)).isEqualTo(cyclonedx);
        assertThat(render(ReportFormat.SPDX, again)).isEqualTo(spdx);
        JsonNode bom = Json.mapper().readTree(cyclonedx);
        assertThat(bom.has("serialNumber")).isFalse();
        assertThat(bom.path("metadata").has("timestamp")).isFalse();
        assertThat(bom.path("metadata").path("tools").path("components").path(0).path("name").asText())
                .isEqualTo("portcullis");
        assertThat(bom.path("components").size()).isEqualTo(report.components().size()).isPositive();
        assertThat(Json.mapper().readTree(spdx).path("packages").size()).isEqualTo(report.components().size() + 1);
    }

    @Test
    void aDevDependencyIsExcluded_withItsSha512AndPurl() throws Exception {
        SbomReport report = sbom(Fixtures.path("npm/one-package-dev-v3"), null, new SbomOptions(false, false, false));

        assertThat(report.components()).extracting(SbomReport.Component::purl, SbomReport.Component::scope)
                .containsExactly(tuple("pkg:npm/is-number@7.0.0", SbomReport.Scope.EXCLUDED));
        assertThat(report.components().getFirst().hashes()).extracting(SbomReport.Hash::algorithm)
                .containsExactly("SHA-512");
        assertThat(report.components().getFirst().hashes().getFirst().hex()).startsWith("e350a27e483a7bc4");
        assertThat(report.dependencies()).containsEntry("root", List.of("pkg:npm/is-number@7.0.0"));
    }

    @Test
    void workspacePackagesAreTheirOwnComponents_dependingOnWhatTheyLock() throws Exception {
        SbomReport report = sbom(Fixtures.path("npm/workspaces-v3"), null, new SbomOptions(false, false, false));

        assertThat(report.components()).extracting(SbomReport.Component::ref, SbomReport.Component::kind)
                .contains(tuple("workspace:packages/a", SbomReport.Kind.WORKSPACE),
                        tuple("workspace:packages/b", SbomReport.Kind.WORKSPACE));
        assertThat(report.dependencies().get("root")).contains("workspace:packages/a", "workspace:packages/b");
        String cyclonedx = render(ReportFormat.CYCLONEDX, report);
        assertThat(cyclonedx).contains("\"name\" : \"portcullis:workspace\"");
    }

    @Test
    void scopedNamesAreEncodedAsPurlsAndSplitIntoGroupAndName() throws Exception {
        SbomReport report = sbom(Fixtures.path("npm/scoped-packages-v3"), null, new SbomOptions(false, false, false));
        JsonNode bom = Json.mapper().readTree(render(ReportFormat.CYCLONEDX, report));

        JsonNode scoped = null;
        for (JsonNode c : bom.path("components")) {
            if (c.path("purl").asText().startsWith("pkg:npm/%40")) {
                scoped = c;
            }
        }
        assertThat(scoped).isNotNull();
        assertThat(scoped.path("group").asText()).startsWith("@");
        assertThat(scoped.path("purl").asText()).isEqualTo("pkg:npm/%40" + scoped.path("group").asText().substring(1)
                + "/" + scoped.path("name").asText() + "@" + scoped.path("version").asText());
    }

    @Test
    void deepReadsTheLicenseFromTheRealTarball_andSerialAndTimestampOnlyWhenAsked() throws Exception {
        try (FakeRegistry registry = FakeRegistry.start(Fixtures.path("registry"))) {
            SbomReport report = sbom(Fixtures.path("npm/one-package-v3"), registry.url(),
                    new SbomOptions(true, true, true));

            assertThat(report.components().getFirst().licenses()).containsExactly("MIT");
            assertThat(report.serialNumber()).startsWith("urn:uuid:");
            assertThat(report.timestamp()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
            String cyclonedx = render(ReportFormat.CYCLONEDX, report);
            assertThat(new JsonParser().validate(cyclonedx.getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
                    .isEmpty();
            JsonNode bom = Json.mapper().readTree(cyclonedx);
            assertThat(bom.path("components").path(0).path("licenses").path(0).path("license").path("id").asText())
                    .isEqualTo("MIT");
            assertThat(bom.path("serialNumber").asText()).isEqualTo(report.serialNumber());
            assertThat(bom.path("metadata").path("timestamp").asText()).startsWith("2026-11-22T12:00:00");
            JsonNode spdx = Json.mapper().readTree(render(ReportFormat.SPDX, report));
            assertThat(spdxSchema().validate(spdx)).isEmpty();
            assertThat(spdx.path("creationInfo").path("created").asText()).isEqualTo("2026-11-22T12:00:00Z");
            assertThat(spdx.path("packages").path(1).path("licenseDeclared").asText()).isEqualTo("MIT");
        }
    }
}
