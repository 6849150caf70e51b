package dev.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.engine.Environment;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.NodeClients;
import dev.portcullis.testkit.NodeClients.Client;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real installs through the firewall: npm, pnpm, yarn 1, yarn 4 and bun install a project of 23 packages (real
 * tarballs built with TarballBuilder, served by a recorded upstream on 127.0.0.1) with a temporary HOME, cache and
 * configuration each, so no developer setting and no other host is used. One dependency's newest versions are held
 * back — 1.3.0 denied, 1.2.4 too young — so every client must resolve {@code ^1.2.0} to 1.2.3 by itself; and a
 * lockfile pinning the denied version fails with the firewall's message.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ClientInstallTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHA = FirewallHarness.A;
    private static final int TREE = 20;

    @TempDir
    static Path tmp;
    static FakeRegistry registry;
    static Firewall firewall;

    static String tree(int i) {
        return String.format("portcullis-fixture-tree-%02d", i);
    }

    @BeforeAll
    static void start() throws Exception {
        Upstream upstream = new Upstream(tmp.resolve("upstream"));
        Instant old = Instant.now().minus(Duration.ofDays(40));
        for (int i = TREE; i >= 1; i--) {
            Map<String, String> deps = new LinkedHashMap<>();
            for (int child : new int[] {2 * i, 2 * i + 1}) {
                if (child <= TREE) {
                    deps.put(tree(child), "^1.0.0");
                }
            }
            upstream.publish(tree(i), "1.0.0", old, null, deps);
        }
        upstream.publish(ALPHA, "1.0.0", old, Upstream.pkg(ALPHA, "1.0.0", "module.exports = 1;\n"), Map.of())
                .publish(ALPHA, "1.2.3", old.plusSeconds(60), Upstream.pkg(ALPHA, "1.2.3", "module.exports = 2;\n"),
                        Map.of())
                .publish(ALPHA, "1.3.0", old.plusSeconds(120), Upstream.pkg(ALPHA, "1.3.0", "module.exports = 3;\n"),
                        Map.of())
                .publish(ALPHA, "1.2.4", Instant.now().minus(Duration.ofHours(2)),
                        Upstream.pkg(ALPHA, "1.2.4", "module.exports = 4;\n"), Map.of())
                .tag(ALPHA, "latest", "1.2.4");
        upstream.publish(FirewallHarness.SCOPED, "1.0.0", old, null, Map.of(ALPHA, "~1.2.0"));
        registry = FakeRegistry.start(upstream.dir());
        Path config = tmp.resolve("portcullis-server.yml");
        Files.writeString(config, "listen: 127.0.0.1:0\nupstream: " + registry.url() + "\nstorage:\n  data: data\n"
                + FirewallHarness.POLICY);
        Environment environment = new Environment(Map.of(), tmp.resolve("server-home"), Clock.systemUTC(), null);
        firewall = Firewall.start(ServerSetup.config(environment, tmp, config, null, null, null, null), environment);
    }

    @AfterAll
    static void stop() {
        if (firewall != null) {
            firewall.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    /** A project depending on the tree's root, alpha ^1.2.0 and a scoped package. */
    static Path project(String name) throws IOException {
        return project(name, true);
    }

    static Path project(String name, boolean scoped) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("projects").resolve(name));
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("name", "install-" + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        manifest.put("version", "1.0.0");
        manifest.put("private", true);
        ObjectNode deps = manifest.putObject("dependencies");
        deps.put(tree(1), "^1.0.0");
        deps.put(ALPHA, "^1.2.0");
        if (scoped) {
            deps.put(FirewallHarness.SCOPED, "^1.0.0");
        }
        Files.writeString(dir.resolve("package.json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(manifest));
        return dir;
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void resolvesToTheAllowedVersionAndInstallsTheWholeTree(Client client) throws Exception {
        List<String> command = client.command().orElse(null);
        Assumptions.assumeTrue(command != null, client + " has no build for this platform");
        Path dir = project(client.name());
        Run run = install(client, command, dir);
        assertThat(run.exit()).as(client + " output:\n" + run.output()).isZero();
        assertThat(installedVersion(dir, ALPHA)).as(client + ": ^1.2.0 with 1.2.4 quarantined and 1.3.0 denied")
                .isEqualTo("1.2.3");
        // pnpm links only direct dependencies at the top; the rest are hoisted into its virtual store
        Path transitive = client == Client.PNPM ? dir.resolve("node_modules/.pnpm") : dir;
        assertThat(installedVersion(dir, tree(1))).isEqualTo("1.0.0");
        for (int i = 2; i <= TREE; i++) {
            assertThat(installedVersion(transitive, tree(i))).as(client + " installed " + tree(i)).isEqualTo("1.0.0");
        }
        assertThat(installedVersion(dir, FirewallHarness.SCOPED)).isEqualTo("1.0.0");
    }

    @Test
    void npmCiOfALockfilePinningTheDeniedVersionFailsWithTheFirewallsMessage() throws Exception {
        List<String> npm = Client.NPM.command().orElseThrow();
        Path dir = project("npm-denied-lock", false);
        assertThat(install(Client.NPM, npm, dir).exit()).isZero();
        Path lock = dir.resolve("package-lock.json");
        ObjectNode lockfile = (ObjectNode) JSON.readTree(lock.toFile());
        ObjectNode entry = (ObjectNode) lockfile.path("packages").path("node_modules/" + ALPHA);
        String denied = Files.readAllLines(tmp.resolve("upstream").resolve(ALPHA + ".json")).get(0);
        String integrity = JSON.readTree(denied).path("versions").path("1.3.0").path("dist").path("integrity")
                .asText();
        entry.put("version", "1.3.0");
        entry.put("resolved", firewall.url() + ALPHA + "/-/" + ALPHA + "-1.3.0.tgz");
        entry.put("integrity", integrity);
        Files.writeString(lock, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(lockfile));
        deleteTree(dir.resolve("node_modules"));
        Run ci = run(dir, env(dir, Client.NPM), concat(npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts",
                "--cache", dir.resolve(".npm-cache").toString(), "--registry", firewall.url()));
        assertThat(ci.exit()).isNotZero();
        assertThat(ci.output()).contains("403").contains(ALPHA + "@1.3.0 is blocked by the registry firewall")
                .contains("broke production (INC-42)");
    }

    /**
     * A dependency on the denied version's tarball URL: every client asks the firewall for it and gets the 403;
     * what each prints is in docs/server.md (npm prints the firewall's message, the others the status).
     */
    @ParameterizedTest
    @EnumSource(Client.class)
    void aTarballHeldBackFailsTheInstallWith403(Client client) throws Exception {
        List<String> command = client.command().orElse(null);
        Assumptions.assumeTrue(command != null, client + " has no build for this platform");
        Path dir = Files.createDirectories(tmp.resolve("projects").resolve("denied-" + client.name()));
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"denied\",\"version\":\"1.0.0\",\"private\":true,"
                + "\"dependencies\":{\"" + ALPHA + "\":\"" + firewall.url() + ALPHA + "/-/" + ALPHA + "-1.3.0.tgz\"}}");
        Run run = install(client, command, dir);
        System.out.println("== " + client + " on a 403:\n" + run.output());
        assertThat(run.exit()).as(client + " output:\n" + run.output()).isNotZero();
        String shown = switch (client) {
            case NPM -> "403 Forbidden - GET " + firewall.url() + ALPHA + "/-/" + ALPHA + "-1.3.0.tgz - portcullis: "
                    + ALPHA + "@1.3.0 is blocked by the registry firewall: denied by the policy";
            // pnpm takes a tarball URL on its registry for a version of the package: the document lists no 1.3.0
            case PNPM -> "ERR_PNPM_NO_MATCHING_VERSION";
            case YARN_CLASSIC -> "Request failed \"403 Forbidden\"";
            case YARN_BERRY -> "Response Code: 403 (Forbidden)";
            case BUN -> ALPHA + "-1.3.0.tgz - 403";
        };
        assertThat(run.output()).contains(shown);
    }

    record Run(int exit, String output) {
    }

    private static Run install(Client client, List<String> command, Path dir) throws Exception {
        String url = firewall.url();
        Map<String, String> env = env(dir, client);
        Files.writeString(dir.resolve(".npmrc"), "registry=" + url + "\n");
        List<String> args = switch (client) {
            case NPM -> concat(command, "install", "--no-audit", "--no-fund", "--ignore-scripts", "--cache",
                    dir.resolve(".npm-cache").toString(), "--registry", url);
            case PNPM -> concat(command, "install", "--ignore-scripts", "--no-frozen-lockfile", "--registry", url,
                    "--store-dir", dir.resolve(".pnpm-store").toString(), "--config.node-linker=isolated");
            case YARN_CLASSIC -> concat(command, "install", "--non-interactive", "--ignore-scripts", "--no-progress",
                    "--registry", url, "--cache-folder", dir.resolve(".yarn1-cache").toString());
            case YARN_BERRY -> {
                Files.writeString(dir.resolve(".yarnrc.yml"), "npmRegistryServer: \"" + url + "\"\n"
                        + "unsafeHttpWhitelist:\n  - 127.0.0.1\nenableScripts: false\nenableTelemetry: false\n"
                        + "enableGlobalCache: false\ncacheFolder: ./.yarn-cache\nnodeLinker: node-modules\n");
                Files.writeString(dir.resolve("yarn.lock"), "");
                yield concat(command, "install");
            }
            case BUN -> {
                Files.writeString(dir.resolve("bunfig.toml"), "[install]\nregistry = \"" + url + "\"\n");
                yield concat(command, "install", "--no-progress");
            }
        };
        return run(dir, env, args);
    }

    /** A home, cache and configuration of the test's own: nothing of the developer's is read. */
    private static Map<String, String> env(Path dir, Client client) throws IOException {
        Path home = Files.createDirectories(dir.resolve(".home"));
        Files.writeString(home.resolve(".npmrc"), "");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("npm_config_userconfig", home.resolve(".npmrc").toString());
        Files.writeString(home.resolve("global-npmrc"), "");
        env.put("npm_config_globalconfig", home.resolve("global-npmrc").toString());
        env.put("npm_config_update_notifier", "false");
        env.put("YARN_ENABLE_TELEMETRY", "0");
        env.put("YARN_ENABLE_IMMUTABLE_INSTALLS", "false");
        env.put("YARN_ENABLE_GLOBAL_CACHE", "0");
        env.put("BUN_INSTALL_CACHE_DIR", dir.resolve(".bun-cache").toString());
        env.put("BUN_INSTALL", home.resolve(".bun").toString());
        env.put("DO_NOT_TRACK", "1");
        return env;
    }

    private static Run run(Path dir, Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.toLowerCase(java.util.Locale.ROOT).startsWith("npm_config_")
                || k.startsWith("YARN_") || k.startsWith("BUN_") || k.startsWith("PNPM_"));
        environment.putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return new Run(process.exitValue(), output);
    }

    private static String installedVersion(Path dir, String name) throws IOException {
        Path manifest = dir.resolve("node_modules").resolve(name).resolve("package.json");
        if (!Files.exists(manifest)) {
            return "(not installed)";
        }
        return JSON.readTree(manifest.toFile()).path("version").asText();
    }

    private static List<String> concat(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        return all;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
