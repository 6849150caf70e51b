package dev.portcullis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which .npmrc credential a request carries, by npm's nerf-dart rules: a table of (.npmrc keys, request URL) → the
 * Authorization header, or none. Each row is a way string-prefix matching sends a token to the wrong host.
 */
class NerfDartTest {
    record Row(String name, Map<String, String> npmrc, String url, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row("hostWithoutPort_doesNotMatchALongerHost", Map.of("//127.0.0.1:_authToken", "T"),
                        "http://127.0.0.10/pkg", null),
                row("hostWithoutPort_doesNotMatchAnotherPort", Map.of("//127.0.0.1:_authToken", "T"),
                        "http://127.0.0.1:4873/pkg", null),
                row("hostWithoutPort_matchesTheDefaultPort", Map.of("//127.0.0.1:_authToken", "T"),
                        "http://127.0.0.1/pkg", "Bearer T"),
                row("hostAndPort_matchExactly", Map.of("//127.0.0.1:4873/:_authToken", "T"),
                        "http://127.0.0.1:4873/pkg/-/pkg-1.0.0.tgz", "Bearer T"),
                row("port_isNotAPrefix", Map.of("//127.0.0.1:48/:_authToken", "T"),
                        "http://127.0.0.1:4873/pkg", null),
                row("explicitDefaultPortInTheUrl_isTheSameRegistry", Map.of("//npm.corp.example/:_authToken", "T"),
                        "https://npm.corp.example:443/pkg", "Bearer T"),
                row("domain_doesNotMatchALongerDomain", Map.of("//npm.corp.example/:_authToken", "T"),
                        "https://npm.corp.example.attacker.example/pkg", null),
                row("domainWithoutSlash_doesNotMatchALongerDomain", Map.of("//npm.corp.example:_authToken", "T"),
                        "https://npm.corp.example.attacker.example/pkg", null),
                row("subdomain_isAnotherHost", Map.of("//corp.example/:_authToken", "T"),
                        "https://npm.corp.example/pkg", null),
                row("path_matchesOnASegmentBoundary", Map.of("//h.example/npm/:_authToken", "T"),
                        "https://h.example/npm/pkg", "Bearer T"),
                row("path_isNotAStringPrefix", Map.of("//h.example/npm/:_authToken", "T"),
                        "https://h.example/npmx/pkg", null),
                row("pathWithoutTrailingSlash_isNotAStringPrefix", Map.of("//h.example/npm:_authToken", "T"),
                        "https://h.example/npmx/pkg", null),
                row("pathWithoutTrailingSlash_matchesItsSegment", Map.of("//h.example/npm:_authToken", "T"),
                        "https://h.example/npm/pkg", "Bearer T"),
                row("registryPath_doesNotCoverTheHostRoot", Map.of("//h.example/npm/:_authToken", "T"),
                        "https://h.example/other/pkg", null),
                row("longestKey_wins", Map.of("//h.example/:_authToken", "ROOT", "//h.example/npm/:_authToken",
                        "NPM"), "https://h.example/npm/pkg", "Bearer NPM"),
                row("hostKey_coversEveryPath", Map.of("//h.example/:_authToken", "ROOT",
                        "//h.example/npm/:_authToken", "NPM"), "https://h.example/other/pkg", "Bearer ROOT"),
                row("hostCase_isIgnored_inTheKey", Map.of("//NPM.Corp.Example/:_authToken", "T"),
                        "https://npm.corp.example/pkg", "Bearer T"),
                row("hostCase_isIgnored_inTheUrl", Map.of("//npm.corp.example/:_authToken", "T"),
                        "https://NPM.CORP.EXAMPLE/pkg", "Bearer T"),
                row("pathCase_matters", Map.of("//h.example/NPM/:_authToken", "T"),
                        "https://h.example/npm/pkg", null),
                row("scheme_isNotPartOfTheKey", Map.of("//h.example/:_authToken", "T"),
                        "http://h.example/pkg", "Bearer T"),
                row("userinfoInTheUrl_doesNotFoolTheHost", Map.of("//npm.corp.example/:_authToken", "T"),
                        "https://npm.corp.example@attacker.example/pkg", null),
                row("authToken_beatsAuth", Map.of("//h.example/:_authToken", "T", "//h.example/:_auth", "dTpw"),
                        "https://h.example/pkg", "Bearer T"),
                row("auth_isBasic", Map.of("//h.example/:_auth", "dTpw"), "https://h.example/pkg", "Basic dTpw"),
                row("usernameAndPassword_areBasic", Map.of("//h.example/:username", "u",
                        "//h.example/:_password", Base64.getEncoder().encodeToString("p".getBytes(
                                StandardCharsets.UTF_8))), "https://h.example/pkg", "Basic "
                        + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8))),
                row("passwordWithoutUsername_isNoCredential", Map.of("//h.example/:_password", "cA=="),
                        "https://h.example/pkg", null),
                row("emptyToken_isNoCredential", Map.of("//h.example/:_authToken", ""), "https://h.example/pkg",
                        null),
                row("keyWithoutDoubleSlash_isNotACredentialKey", Map.of("h.example/:_authToken", "T"),
                        "https://h.example/pkg", null),
                row("notAnHttpUrl_getsNothing", Map.of("//h.example/:_authToken", "T"), "file://h.example/pkg",
                        null));
    }

    private static Arguments row(String name, Map<String, String> npmrc, String url, String expected) {
        return Arguments.of(new Row(name, npmrc, url, expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void authorization(Row row) {
        NpmConfig config = NpmConfig.fromSettings(row.npmrc(), List.of());
        assertThat(config.authorization(row.url()).orElse(null)).isEqualTo(row.expected());
    }
}
