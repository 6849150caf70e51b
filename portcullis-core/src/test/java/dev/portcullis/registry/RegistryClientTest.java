package dev.portcullis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry client against a real HTTP registry on 127.0.0.1 serving recorded documents and tarballs. */
class RegistryClientTest {
    private static final String IS_NUMBER_SHA512 =
            "sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==";
    private static final String IS_NUMBER_SHA1 = "7535345b896734d5f80c4d06c50955527a14f12b";
    private static final String IS_NUMBER_PATH = "/is-number/-/is-number-7.0.0.tgz";
    /** Fast retries: the backoff itself is not under test. */
    private static final RegistryLimits LIMITS = RegistryLimits.defaults().withBackoff(Duration.ofMillis(1));

    private FakeRegistry registry;
    @TempDir
    Path cacheDir;
    @TempDir
    Path documents;

    @BeforeEach
    void start() throws IOException {
        Path fixtures = Fixtures.path("registry");
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, documents.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(documents.resolve("tarballs"));
        Files.copy(fixtures.resolve("tarballs/is-number-7.0.0.tgz"), documents.resolve("tarballs/is-number-7.0.0.tgz"));
        // An old package that publishes only a SHA-1 shasum, and one whose published digest is wrong.
        Files.writeString(documents.resolve("old-number.json"), """
                {"name":"old-number","dist-tags":{"latest":"7.0.0"},"versions":{"7.0.0":{"name":"old-number",
                 "version":"7.0.0","deprecated":"use is-number","dist":{"shasum":"%s",
                 "tarball":"https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz"}}}}
                """.formatted(IS_NUMBER_SHA1));
        Files.writeString(documents.resolve("tampered.json"), """
                {"name":"tampered","dist-tags":{"latest":"1.0.0"},"versions":{"1.0.0":{"name":"tampered",
                 "version":"1.0.0","dist":{"integrity":"%s",
                 "tarball":"https://registry.npmjs.org/tampered/-/tampered-1.0.0.tgz"}}}}
                """.formatted(IS_NUMBER_SHA512));
        registry = FakeRegistry.start(documents);
        registry.putTarball("/tampered/-/tampered-1.0.0.tgz", "not the published bytes".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private NpmConfig config(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("registry", registry.url());
        return NpmConfig.fromSettings(settings, List.of());
    }

    private RegistryClient client(NpmConfig config, boolean offline, RegistryLimits limits) throws IOException {
        return new RegistryClient(offline ? null : HttpClients.forConfig(config), config, new RegistryCache(cacheDir),
                offline, limits);
    }

    private RegistryClient client() throws IOException {
        return client(config(Map.of()), false, LIMITS);
    }

    private static byte[] isNumberTarball() throws IOException {
        return Files.readAllBytes(Fixtures.path("registry/tarballs/is-number-7.0.0.tgz"));
    }

    /** What a packument says about one version, as later stages read it. */
    private record Summary(String name, Map<String, String> distTags, boolean abbreviated, String version,
                           boolean runsInstallScripts, Map<String, String> bin, List<String> os, List<String> cpu,
                           Map<String, String> devDependencies, Optional<String> integrity, String requestPath) {
    }

    static Stream<Arguments> packuments() {
        return Stream.of(
                Arguments.of("full document of a plain package", "is-number", "7.0.0", false, false,
                        new Summary("is-number", Map.of("latest", "7.0.0"), false, "7.0.0", false, Map.of(),
                                List.of(), List.of(), Map.of(), Optional.of(IS_NUMBER_SHA512), "/is-number")),
                Arguments.of("abbreviated document where the registry honours it", "is-number", "7.0.0", true, true,
                        new Summary("is-number", Map.of("latest", "7.0.0"), true, "7.0.0", false, Map.of(),
                                List.of(), List.of(), Map.of("ansi", "^0.3.1", "benchmark", "^2.1.4",
                                "gulp-format-md", "^1.0.0", "mocha", "^3.5.3"), Optional.of(IS_NUMBER_SHA512),
                                "/is-number")),
                Arguments.of("full document when a mirror ignores the abbreviated request", "esbuild", "0.19.12",
                        true, false,
                        new Summary("esbuild", Map.of("latest", "0.19.12"), false, "0.19.12", true,
                                Map.of("esbuild", "bin/esbuild"), List.of(), List.of(), Map.of(),
                                Optional.of("sha512-aARqgq8roFBj054KvQr5f1sFu0D65G+miZRCuJyJ0G13Zwx7vRar5Zhn2tkQNzIXcB"
                                        + "rNVsv/8stehpj+GAjgbg=="), "/esbuild")),
                Arguments.of("scoped name escaped, os and cpu read", "@esbuild/linux-x64", "0.19.12", true, true,
                        new Summary("@esbuild/linux-x64", Map.of("latest", "0.19.12"), false, "0.19.12", false,
                                Map.of(), List.of("linux"), List.of("x64"), Map.of(),
                                Optional.of(scopedIntegrity()), "/@esbuild%2Flinux-x64")));
    }

    private static String scopedIntegrity() {
        try {
            String doc = Files.readString(Fixtures.path("registry/%40esbuild%2Flinux-x64.json"));
            return doc.replaceFirst("(?s).*\"integrity\": \"([^\"]+)\".*", "$1");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packuments")
    void readsPackuments(String scenario, String name, String version, boolean askAbbreviated,
                         boolean registryAbbreviates, Summary expected) throws Exception {
        registry.serveAbbreviated(registryAbbreviates);
        Packument packument = client().packument(name, askAbbreviated).orElseThrow();
        Packument.VersionDoc doc = packument.version(version).orElseThrow();
        assertThat(new Summary(packument.name(), packument.distTags(), packument.abbreviated(), doc.version(),
                doc.runsInstallScripts(), doc.bin(), doc.os(), doc.cpu(), doc.devDependencies(),
                doc.dist().integrity(), registry.requests().getFirst().path())).isEqualTo(expected);
        assertThat(registry.requests().getFirst().accept())
                .startsWith(askAbbreviated ? "application/vnd.npm.install-v1+json" : "application/json");
    }

    @Test
    void malformedDocumentIsARegistryException() throws Exception {
        Files.writeString(documents.resolve("broken.json"), "{\"name\": \"broken\", \"versions\": {");
        RegistryClient client = client();
        assertThatThrownBy(() -> client.packument("broken", false)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("/broken answered malformed JSON");
    }

    @Test
    void unknownPackageIsNotFoundNotAnError() throws Exception {
        assertThat(client().packument("no-such-package", true)).isEmpty();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("401 names the .npmrc key", new int[] {401}, "answered 401: check the auth token for"),
                Arguments.of("403 names the .npmrc key", new int[] {403}, ":_authToken"),
                Arguments.of("persistent 500 gives up after the attempts", new int[] {500, 500, 500}, "answered 500"),
                Arguments.of("other client errors are not retried", new int[] {400}, "answered 400"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void registryErrorsAreRegistryExceptions(String scenario, int[] statuses, String message) throws Exception {
        registry.failNext("is-number", statuses);
        RegistryClient client = client();
        assertThatThrownBy(() -> client.packument("is-number", false))
                .isInstanceOf(RegistryException.class).hasMessageContaining(message);
    }

    @Test
    void unauthorisedHintNamesTheKeyOfTheRegistry() throws Exception {
        registry.failNext("is-number", 401);
        RegistryClient client = client();
        assertThatThrownBy(() -> client.packument("is-number", false)).hasMessageEndingWith(
                "(" + registry.url().replaceFirst("^http:", "") + ":_authToken)");
    }

    static Stream<Arguments> retries() {
        return Stream.of(
                Arguments.of("500 then 200", new int[] {500}, 2),
                Arguments.of("503 and 502 then 200", new int[] {503, 502}, 3),
                Arguments.of("429 then 200", new int[] {429}, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retries")
    void retriesTransientFailures(String scenario, int[] statuses, int requests) throws Exception {
        registry.failNext("is-number", statuses);
        assertThat(client().packument("is-number", false)).isPresent();
        assertThat(registry.requests()).hasSize(requests);
    }

    @Test
    void downloadsAndVerifiesTarballsByNameAndVersion() throws Exception {
        RegistryClient.Tarball tarball = client().tarball("is-number", "7.0.0");
        assertThat(tarball.bytes()).isEqualTo(isNumberTarball());
        assertThat(tarball.verifiedWith().toString()).isEqualTo(IS_NUMBER_SHA512);
        assertThat(tarball.weakIntegrity()).isFalse();
        assertThat(tarball.url()).isEqualTo(URI.create(registry.url() + IS_NUMBER_PATH.substring(1)));
    }

    @Test
    void sha1OnlyIsUsedAndReportedAsWeak() throws Exception {
        RegistryClient client = client();
        assertThat(client.packument("old-number", false).orElseThrow().version("7.0.0").orElseThrow().deprecated())
                .contains("use is-number");
        RegistryClient.Tarball tarball = client.tarball("old-number", "7.0.0");
        assertThat(tarball.weakIntegrity()).isTrue();
        assertThat(tarball.verifiedWith()).isEqualTo(new Integrity(Integrity.Algorithm.SHA1, IS_NUMBER_SHA1));
    }

    @Test
    void sha512IsPreferredOverSha1InOneSriString() throws Exception {
        RegistryClient.Tarball tarball = client().tarball(URI.create(registry.url() + IS_NUMBER_PATH.substring(1)),
                "sha1-dTU0W4lnNNX4DE0GxQlVUnoU8Ss= " + IS_NUMBER_SHA512);
        assertThat(tarball.verifiedWith().algorithm()).isEqualTo(Integrity.Algorithm.SHA512);
    }

    @Test
    void integrityMismatchIsRejectedAndNotCached() throws Exception {
        RegistryClient client = client();
        assertThatThrownBy(() -> client.tarball("tampered", "1.0.0")).isInstanceOf(RegistryException.class)
                .hasMessageContaining("integrity mismatch").hasMessageContaining("discarded");
        assertThat(new RegistryCache(cacheDir).content(Integrity.parse(IS_NUMBER_SHA512).orElseThrow())).isEmpty();
    }

    @Test
    void downloadWithoutUsableIntegrityIsRefusedBeforeAnyRequest() throws Exception {
        RegistryClient client = client();
        assertThatThrownBy(() -> client.tarball(URI.create(registry.url() + IS_NUMBER_PATH.substring(1)), "md5-xyz"))
                .isInstanceOf(RegistryException.class).hasMessageContaining("refusing an unverifiable download");
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void cachedTarballIsServedWithoutASecondRequest() throws Exception {
        URI url = URI.create(registry.url() + IS_NUMBER_PATH.substring(1));
        client().tarball(url, IS_NUMBER_SHA512);
        RegistryClient.Tarball again = client().tarball(url, IS_NUMBER_SHA512);
        assertThat(again.bytes()).isEqualTo(isNumberTarball());
        assertThat(registry.requests()).hasSize(1);
        assertThat(cacheDir.resolve("content/sha512/" + Integrity.parse(IS_NUMBER_SHA512).orElseThrow().hex()))
                .hasBinaryContent(isNumberTarball());
    }

    @Test
    void cachedPackumentIsRevalidatedWithItsETag() throws Exception {
        client().packument("is-number", false);
        Packument revalidated = client().packument("is-number", false).orElseThrow();
        assertThat(revalidated.version("7.0.0")).isPresent();
        List<FakeRegistry.Request> requests = registry.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).ifNoneMatch()).isNull();
        assertThat(requests.get(1).ifNoneMatch()).isNotNull().startsWith("\"");
    }

    @Test
    void offlineServesTheCacheAndNamesWhatIsMissing() throws Exception {
        URI url = URI.create(registry.url() + IS_NUMBER_PATH.substring(1));
        client().packument("is-number", true);
        client().tarball(url, IS_NUMBER_SHA512);
        int online = registry.requests().size();
        RegistryClient offline = client(config(Map.of()), true, LIMITS);

        assertThat(offline.packument("is-number", true).orElseThrow().distTags()).containsEntry("latest", "7.0.0");
        assertThat(offline.tarball(url, IS_NUMBER_SHA512).bytes()).isEqualTo(isNumberTarball());
        assertThatThrownBy(() -> offline.packument("esbuild", true)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("offline").hasMessageContaining("esbuild").hasMessageContaining("not in the cache");
        assertThatThrownBy(() -> offline.tarball(URI.create(registry.url() + "x/-/x-1.0.0.tgz"), IS_NUMBER_SHA1))
                .isInstanceOf(RegistryException.class).hasMessageContaining("offline")
                .hasMessageContaining("x-1.0.0.tgz");
        assertThat(registry.requests()).hasSize(online);
    }

    @Test
    void offlineWithAnEmptyCacheTouchesNoNetwork() throws Exception {
        RegistryClient offline = client(config(Map.of()), true, LIMITS);
        assertThatThrownBy(() -> offline.tarball("is-number", "7.0.0")).isInstanceOf(RegistryException.class)
                .hasMessageContaining("offline: the registry document of is-number");
        assertThat(registry.requests()).isEmpty();
    }

    @ParameterizedTest(name = "chunked: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void oversizedDocumentIsRefusedWithoutRetrying(boolean chunked) throws Exception {
        registry.chunked(chunked);
        RegistryClient client = client(config(Map.of()), false, LIMITS.withMaxPackumentBytes(512));
        assertThatThrownBy(() -> client.packument("esbuild", false)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("more than 512 bytes");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void tokenIsSentToItsRegistryOnlyNeverToAForeignTarballHost() throws Exception {
        try (FakeRegistry foreign = FakeRegistry.start(documents)) {
            String prefix = registry.url().replaceFirst("^http:", "");
            RegistryClient client = client(config(Map.of(prefix + ":_authToken", "secret-token")), false, LIMITS);
            client.packument("is-number", false);
            client.tarball(URI.create(foreign.url() + IS_NUMBER_PATH.substring(1)), IS_NUMBER_SHA512);
            assertThat(registry.requests()).singleElement()
                    .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer secret-token"));
            assertThat(foreign.requests()).singleElement().satisfies(r -> assertThat(r.authorization()).isNull());
        }
    }

    @Test
    void tokenIsNotForwardedWhenTheRegistryRedirectsToAnotherHost() throws Exception {
        try (FakeRegistry cdn = FakeRegistry.start(documents)) {
            registry.redirect(IS_NUMBER_PATH, cdn.url() + IS_NUMBER_PATH.substring(1));
            String prefix = registry.url().replaceFirst("^http:", "");
            RegistryClient client = client(config(Map.of(prefix + ":_authToken", "secret-token")), false, LIMITS);
            RegistryClient.Tarball tarball = client.tarball(URI.create(registry.url() + IS_NUMBER_PATH.substring(1)),
                    IS_NUMBER_SHA512);
            assertThat(tarball.bytes()).isEqualTo(isNumberTarball());
            assertThat(registry.requests()).singleElement()
                    .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer secret-token"));
            assertThat(cdn.requests()).singleElement().satisfies(r -> assertThat(r.authorization()).isNull());
        }
    }

    @Test
    void concurrentWritersShareOneCache() throws Exception {
        URI url = URI.create(registry.url() + IS_NUMBER_PATH.substring(1));
        Callable<byte[]> download = () -> client().tarball(url, IS_NUMBER_SHA512).bytes();
        Callable<Boolean> document = () -> client().packument("is-number", false).isPresent();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 10; round++) {
                Future<byte[]> first = pool.submit(download);
                Future<byte[]> second = pool.submit(download);
                Future<Boolean> third = pool.submit(document);
                Future<Boolean> fourth = pool.submit(document);
                assertThat(first.get()).isEqualTo(isNumberTarball());
                assertThat(second.get()).isEqualTo(isNumberTarball());
                assertThat(third.get()).isTrue();
                assertThat(fourth.get()).isTrue();
            }
        }
        try (Stream<Path> files = Files.walk(cacheDir)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .noneMatch(f -> f.startsWith(".tmp-"));
        }
        assertThat(client(config(Map.of()), true, LIMITS).packument("is-number", false)).isPresent();
    }
}
