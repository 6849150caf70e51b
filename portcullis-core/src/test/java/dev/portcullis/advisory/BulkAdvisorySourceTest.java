package dev.portcullis.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.json.Json;
import dev.portcullis.model.Severity;
import dev.portcullis.registry.HttpClients;
import dev.portcullis.registry.NpmConfig;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryLimits;
import dev.portcullis.testkit.FakeRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulkAdvisorySourceTest {
    private static final Map<String, Set<String>> ASKED = Map.of(
            "lodash", Set.of("4.17.20", "4.17.15"),
            "ua-parser-js", Set.of("0.7.29"),
            "minimist", Set.of("1.2.8", "0.0.8"));

    private static BulkAdvisorySource source(FakeRegistry registry) throws Exception {
        NpmConfig config = new NpmConfig(registry.url(), Map.of(), Map.of(), List.of());
        RegistryClient client = new RegistryClient(HttpClients.forConfig(config), config, null, false,
                RegistryLimits.defaults().withBackoff(Duration.ZERO));
        return new BulkAdvisorySource(client, registry.url(), Json.mapper());
    }

    @Test
    void matchesTheRecordedAnswerAsNpmAuditWould() throws Exception {
        try (FakeRegistry registry = FakeRegistry.start()) {
            registry.serveBulkAdvisories(Files.readString(AdvisoryDatabaseTest.resource("bulk-response.json")));
            BulkAdvisorySource.Answer answer = source(registry).query(ASKED);
            assertThat(answer).isInstanceOf(BulkAdvisorySource.Answer.Matches.class);
            var matches = ((BulkAdvisorySource.Answer.Matches) answer).byPackage();
            assertThat(matches.keySet()).containsExactly("lodash@4.17.15", "lodash@4.17.20", "minimist@0.0.8",
                    "ua-parser-js@0.7.29");
            assertThat(matches.get("lodash@4.17.15")).extracting(AdvisoryMatch::id, AdvisoryMatch::fixText)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("GHSA-35jh-r3h4-6jhm", "fixed in 4.17.21"),
                            org.assertj.core.groups.Tuple.tuple("GHSA-p6mc-m468-83gw", "fixed in 4.17.19"));
            assertThat(matches.get("lodash@4.17.20")).extracting(AdvisoryMatch::id)
                    .containsExactly("GHSA-35jh-r3h4-6jhm");
            AdvisoryMatch malware = matches.get("ua-parser-js@0.7.29").get(0);
            assertThat(malware.malware()).isTrue();
            assertThat(malware.rating()).isEqualTo(Severity.CRITICAL);
            assertThat(malware.fixText()).isEqualTo("fixed in 0.7.30");
            assertThat(matches.get("minimist@0.0.8").get(0).rating()).isEqualTo(Severity.CRITICAL);
            // sent as npm sends it: gzip, every name with its versions
            assertThat(Json.mapper().readTree(registry.bulkRequests().get(0))).isEqualTo(Json.mapper().readTree(
                    "{\"lodash\":[\"4.17.15\",\"4.17.20\"],\"minimist\":[\"0.0.8\",\"1.2.8\"],"
                            + "\"ua-parser-js\":[\"0.7.29\"]}"));
        }
    }

    @Test
    void aMirrorWithoutTheEndpointIsSaidOnce() throws Exception {
        try (FakeRegistry registry = FakeRegistry.start()) {
            BulkAdvisorySource.Answer answer = source(registry).query(ASKED);
            assertThat(answer).isEqualTo(new BulkAdvisorySource.Answer.Absent(
                    "registry " + registry.url() + " has no bulk advisory endpoint (it answered 404)"));
            assertThat(registry.requests()).hasSize(1);
        }
    }

    @Test
    void aServerErrorIsRetriedThenReported() throws Exception {
        try (FakeRegistry registry = FakeRegistry.start()) {
            registry.failNext("-/npm/v1/security/advisories/bulk", 503, 503, 503);
            BulkAdvisorySource.Answer answer = source(registry).query(ASKED);
            assertThat(answer).isInstanceOf(BulkAdvisorySource.Answer.Unavailable.class);
            assertThat(((BulkAdvisorySource.Answer.Unavailable) answer).reason()).contains("could not be reached")
                    .contains("503");
        }
    }
}
