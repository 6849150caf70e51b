package dev.portcullis.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.NoSuchFileException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What is masked before anything is shown, and how exceptions become words without "null". */
class RedactionTest {
    private static final String NPM_TOKEN = "npm_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    static Stream<Arguments> secrets() {
        return Stream.of(
                Arguments.of("npmrcAuthToken", "//registry.npmjs.org/:_authToken=" + NPM_TOKEN,
                        "//registry.npmjs.org/:_authToken=***"),
                Arguments.of("npmrcAuthTokenWithSpaces", "//r.example/:_authToken = abc.def-ghi",
                        "//r.example/:_authToken = ***"),
                Arguments.of("npmrcAuth", "//r.example/:_auth=dXNlcjpwYXNz", "//r.example/:_auth=***"),
                Arguments.of("npmrcPassword", "//r.example/:_password=cGFzcw==", "//r.example/:_password=***"),
                Arguments.of("yamlPassword", "password: hunter2", "password: ***"),
                Arguments.of("jsonToken", "{\"_authToken\": \"s3cret\", \"name\": \"x\"}",
                        "{\"_authToken\": \"***\", \"name\": \"x\"}"),
                Arguments.of("npmTokenAnywhere", "found " + NPM_TOKEN + " here", "found npm_*** here"),
                Arguments.of("githubToken", "ghp_" + "A".repeat(36), "ghp_***"),
                Arguments.of("bearerHeader", "Authorization: Bearer eyJhbGciOi.x.y", "Authorization: Bearer ***"),
                Arguments.of("urlUserInfo", "https://user:pa55@npm.corp.example/x", "https://***@npm.corp.example/x"),
                Arguments.of("shadowLine", "root:$6$salt$hash:19000:0:99999:7:::", "root:$6$salt$hash:19000:0:99999:7:::"),
                Arguments.of("plainTextUntouched", "is-number@7.0.0 runs install scripts",
                        "is-number@7.0.0 runs install scripts"),
                Arguments.of("tokensWordUntouched", "3 tokens read", "3 tokens read"),
                // a JSON report lists packages by name: a name ending in a key word is not a key
                Arguments.of("scopedPackageNamedPassword", "\"@inquirer/password\" : [ \"4.0.23\", \"5.3.1\" ],",
                        "\"@inquirer/password\" : [ \"4.0.23\", \"5.3.1\" ],"),
                Arguments.of("packageNamedTokenWithAList", "\"token\" : [ \"1.0.0\" ]", "\"token\" : [ \"1.0.0\" ]"),
                Arguments.of("camelCaseKey", "{\"accessToken\": \"abc123\"}", "{\"accessToken\": \"***\"}"),
                Arguments.of("envVariable", "NPM_TOKEN=abc123", "NPM_TOKEN=***"),
                Arguments.of("upperCaseBasic", "AUTHORIZATION: BASIC dXNlcjpwYXNz", "AUTHORIZATION: BASIC ***"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void redact(String name, String text, String expected) {
        assertThat(Redaction.redact(text)).isEqualTo(expected);
    }

    @Test
    void snippetIsTheFirstLineCutAndMasked() {
        assertThat(Redaction.snippet("root:x:0:0:root:/root:/bin/bash-and-a-long-tail-of-text\nsecond line"))
                .isEqualTo("root:x:0:0:root:/root:/bin/bash-and-a-lo…");
        assertThat(Redaction.snippet("_authToken=" + NPM_TOKEN + "\n")).isEqualTo("_authToken=***");
        assertThat(Redaction.snippet("a\u0000b\u001bc")).isEqualTo("a?b?c");
    }

    @Test
    void quotingCutsEveryQuotedFragment() {
        assertThat(Redaction.quoting("Unrecognized token '" + "x".repeat(300) + "': was expecting a value"))
                .isEqualTo("Unrecognized token '" + "x".repeat(40) + "…': was expecting a value");
        assertThat(Redaction.quoting(null)).isEqualTo("unreadable input");
    }

    @Test
    void inputExceptionsAreMasked() {
        InputException e = new InputException(new Location(".npmrc", 3), "bad line '_authToken=abc'");
        assertThat(e.getMessage()).isEqualTo(".npmrc:3: bad line '_authToken=***'");
    }

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(new ConnectException(), "connection refused"),
                Arguments.of(new IOException(new ConnectException()), "connection refused"),
                Arguments.of(new HttpConnectTimeoutException("HTTP connect timed out"), "the connection timed out"),
                Arguments.of(new UnknownHostException("registry.invalid"), "unknown host registry.invalid"),
                Arguments.of(new NoSuchFileException("/x/y"), "no such file: /x/y"),
                Arguments.of(new IOException("null"), "io exception"),
                Arguments.of(new IllegalStateException(), "illegal state exception"),
                Arguments.of(new NullPointerException("Cannot invoke \"String.length()\" because \"s\" is null"),
                        "an internal defect (a value was missing)"),
                Arguments.of(new IOException("cannot read //r/:_authToken=abc"), "cannot read //r/:_authToken=***"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("exceptions")
    void describe(Throwable e, String expected) {
        assertThat(Problems.describe(e)).isEqualTo(expected).doesNotContain("null");
    }
}
