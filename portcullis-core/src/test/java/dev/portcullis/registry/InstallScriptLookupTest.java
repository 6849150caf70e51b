package dev.portcullis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.model.InstallScripts;
import dev.portcullis.testkit.FakeRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Install-script facts from a real HTTP registry on 127.0.0.1 serving recorded documents. */
class InstallScriptLookupTest {
    private FakeRegistry registry;
    @TempDir
    Path cache;
    @TempDir
    Path documents;

    @BeforeEach
    void start() throws IOException {
        // The recorded documents, plus an abbreviated one (hasInstallScript) and one without scripts.
        try (var files = Files.list(dev.portcullis.testkit.Fixtures.path("registry"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, documents.resolve(file.getFileName()));
            }
        }
        Files.writeString(documents.resolve("bcrypt.json"), """
                {"name":"bcrypt","modified":"2024-01-01T00:00:00.000Z","dist-tags":{"latest":"5.1.1"},
                 "versions":{"5.1.1":{"name":"bcrypt","version":"5.1.1","hasInstallScript":true,
                   "dist":{"integrity":"sha512-AAAA","tarball":"https://registry.npmjs.org/bcrypt/-/bcrypt-5.1.1.tgz"}},
                   "5.0.0":{"name":"bcrypt","version":"5.0.0","dist":{}}}}
                """);
        registry = FakeRegistry.start(documents);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private InstallScriptLookup lookup(NpmConfig config, boolean offline) throws IOException {
        return new InstallScriptLookup(new RegistryClient(offline ? null : HttpClients.forConfig(config), config, null,
                offline, RegistryLimits.defaults()), cache);
    }

    private NpmConfig config(Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(extra);
        settings.put("registry", registry.url());
        return NpmConfig.fromSettings(settings, List.of());
    }

    private static InstallScriptLookup.Query q(String name, String version) {
        return new InstallScriptLookup.Query(name, version);
    }

    @Test
    void answersFromFullAndAbbreviatedDocuments() throws Exception {
        InstallScriptLookup.Result result = lookup(config(Map.of()), false).lookup(List.of(
                q("esbuild", "0.19.12"), q("@esbuild/linux-x64", "0.19.12"), q("bcrypt", "5.1.1"),
                q("bcrypt", "5.0.0")));
        assertThat(result.byId()).isEqualTo(Map.of("esbuild@0.19.12", InstallScripts.YES,
                "@esbuild/linux-x64@0.19.12", InstallScripts.NO, "bcrypt@5.1.1", InstallScripts.YES,
                "bcrypt@5.0.0", InstallScripts.NO));
        assertThat(result.unchecked()).isEmpty();
        assertThat(registry.requests()).extracting(FakeRegistry.Request::path)
                .containsExactlyInAnyOrder("/esbuild", "/@esbuild%2Flinux-x64", "/bcrypt");
        assertThat(registry.requests()).allSatisfy(r -> assertThat(r.accept()).startsWith("application/vnd.npm.install-v1+json"));
    }

    @Test
    void unknownPackageAndVersionAreUnchecked() throws Exception {
        InstallScriptLookup.Result result = lookup(config(Map.of()), false).lookup(List.of(
                q("no-such-package", "1.0.0"), q("esbuild", "9.9.9")));
        assertThat(result.byId()).isEmpty();
        assertThat(result.unchecked()).containsExactly("esbuild@9.9.9: the registry does not list this version",
                "no-such-package@1.0.0: not found in " + registry.url());
    }

    @Test
    void retriesServerErrors() throws Exception {
        registry.failNext("esbuild", 503, 500);
        InstallScriptLookup.Result result = lookup(config(Map.of()), false).lookup(List.of(q("esbuild", "0.19.12")));
        assertThat(result.byId()).containsEntry("esbuild@0.19.12", InstallScripts.YES);
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void persistentServerErrorIsARegistryException() {
        registry.failNext("esbuild", 500, 500, 500);
        assertThatThrownBy(() -> lookup(config(Map.of()), false).lookup(List.of(q("esbuild", "0.19.12"))))
                .isInstanceOf(RegistryException.class).hasMessageContaining("answered 500");
    }

    @Test
    void unauthorisedSaysWhatToFix() {
        registry.failNext("esbuild", 401);
        assertThatThrownBy(() -> lookup(config(Map.of()), false).lookup(List.of(q("esbuild", "0.19.12"))))
                .isInstanceOf(RegistryException.class).hasMessageContaining("401").hasMessageContaining(".npmrc");
    }

    @Test
    void sendsTheTokenConfiguredForTheRegistry() throws Exception {
        String prefix = registry.url().replaceFirst("^http:", "");
        lookup(config(Map.of(prefix + ":_authToken", "secret-token")), false).lookup(List.of(q("esbuild", "0.19.12")));
        assertThat(registry.requests()).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer secret-token"));
    }

    @Test
    void cachedAnswersServeOfflineRunsAndUncachedOnesAreListed() throws Exception {
        lookup(config(Map.of()), false).lookup(List.of(q("esbuild", "0.19.12")));
        registry.close();
        InstallScriptLookup.Result offline = lookup(config(Map.of()), true).lookup(List.of(
                q("esbuild", "0.19.12"), q("bcrypt", "5.1.1")));
        assertThat(offline.byId()).isEqualTo(Map.of("esbuild@0.19.12", InstallScripts.YES));
        assertThat(offline.unchecked()).containsExactly("bcrypt@5.1.1");
        registry = FakeRegistry.start(documents);
    }
}
