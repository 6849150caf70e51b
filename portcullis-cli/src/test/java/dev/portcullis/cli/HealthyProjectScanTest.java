package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.engine.Environment;
import dev.portcullis.json.Json;
import dev.portcullis.model.Severity;
import dev.portcullis.policy.Policy;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Healthy projects pass the default policy: what a user gets from {@code npm init -y && npm install ...}, locked by
 * the real npm client, scanned by the real command line against the registry documents recorded for it
 * ({@code fixtures/real-projects/<project>}, served by the testkit's registry on 127.0.0.1) with an empty cache. A
 * rule raising a false alarm at {@code failOn} on real data fails here and names itself: {@code express-4} locks
 * {@code mime@1.6.0}, which adds a {@code prepare} script that npm never runs for a registry tarball.
 */
class HealthyProjectScanTest {
    @TempDir
    Path work;
    private FakeRegistry registry;

    record Run(int exit, String out, String err) {
    }

    @AfterEach
    void tearDown() {
        if (registry != null) {
            registry.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"express-lodash-react-webpack", "express-4"})
    void passesTheDefaultPolicyReadingEveryLockedPackagesDocument(String name) throws IOException {
        Project project = project(name);
        Run run = run(project, "scan", project.dir().toString(), "--format", "json");
        JsonNode report = Json.mapper().readTree(run.out());

        assertThat(failing(report)).as("findings at the default failOn or worse").isEmpty();
        assertThat(run.exit()).as(run.err() + run.out()).isEqualTo(0);
        assertThat(report.path("passed").asBoolean()).isTrue();
        assertThat(report.at("/summary/packages").asInt()).isEqualTo(project.lockedCount());
        assertThat(documentsServed()).as("the registry document of every locked package was read")
                .isEqualTo(project.locked().keySet());
        assertThat(unchecked(report)).noneMatch(note -> note.contains("registry metadata of"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"express-lodash-react-webpack", "express-4"})
    void passesOfflineFromTheCacheTheOnlineScanFilled(String name) throws IOException {
        Project project = project(name);
        Run online = run(project, "scan", project.dir().toString(), "--format", "json");
        assertThat(online.exit()).as(online.err() + online.out()).isEqualTo(0);
        int asked = registry.requests().size();

        Run offline = run(project, "scan", project.dir().toString(), "--offline", "--format", "json");
        JsonNode report = Json.mapper().readTree(offline.out());

        assertThat(failing(report)).as("findings at the default failOn or worse").isEmpty();
        assertThat(offline.exit()).as(offline.err() + offline.out()).isEqualTo(0);
        assertThat(report.at("/summary/packages").asInt()).isEqualTo(project.lockedCount());
        assertThat(unchecked(report)).as("every document came from the cache")
                .noneMatch(note -> note.contains("registry metadata of"));
        assertThat(report.path("findings")).as("the same judgement as online")
                .isEqualTo(Json.mapper().readTree(online.out()).path("findings"));
        assertThat(registry.requests()).as("offline asks the registry nothing").hasSize(asked);
    }

    /**
     * Projects locked by all five clients pass with each client's lockfile: the platform builds of turbo, esbuild,
     * @swc/core and @biomejs/biome are no typosquats, and pnpm's scoped and nested peer suffixes are registry
     * versions, not remote sources (both failed every such project before). As a new user does: {@code init},
     * its proposed install-script allowlist accepted with its one edit, then {@code scan}.
     */
    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"platform-packages, npm, package-lock.json", "platform-packages, pnpm, pnpm-lock.yaml",
            "platform-packages, yarn-classic, yarn.lock", "platform-packages, yarn-berry, yarn.lock",
            "platform-packages, bun, bun.lock", "peer-suffixes, npm, package-lock.json",
            "peer-suffixes, pnpm, pnpm-lock.yaml", "peer-suffixes, yarn-classic, yarn.lock",
            "peer-suffixes, yarn-berry, yarn.lock", "peer-suffixes, bun, bun.lock"})
    void passesWithTheLockfileOfEveryClient(String name, String client, String lockfile) throws IOException {
        Project project = project(name, client + "/" + lockfile);
        assertThat(run(project, "init", project.dir().toString()).exit()).isEqualTo(0);
        Path policy = project.dir().resolve("portcullis.yml");
        Files.writeString(policy, Files.readString(policy).replace("  # allow: [", "  allow: ["));
        Run run = run(project, "scan", project.dir().toString(), "--format", "json");
        JsonNode report = Json.mapper().readTree(run.out());

        assertThat(failing(report)).as("findings at the default failOn or worse").isEmpty();
        assertThat(run.exit()).as(run.err() + run.out()).isEqualTo(0);
        assertThat(unchecked(report)).noneMatch(note -> note.contains("registry metadata of"));
    }

    /**
     * A copy of the fixture project whose .npmrc names the testkit's registry serving its recorded documents.
     *
     * @param locked the lockfile's packages, name → versions, read here apart from Portcullis's reader
     */
    record Project(Path fixture, Path dir, Map<String, Set<String>> locked) {
        int lockedCount() {
            return locked.values().stream().mapToInt(Set::size).sum();
        }
    }

    private Project project(String name) throws IOException {
        return project(name, "package-lock.json");
    }

    /**
     * @param lockfile the lockfile to scan, relative to the fixture; the npm lockfile beside the fixture's
     *     package.json (or under npm/) names the locked packages whose documents are recorded
     */
    private Project project(String name, String lockfile) throws IOException {
        Path fixture = Fixtures.path("real-projects/" + name);
        registry = FakeRegistry.start(fixture.resolve("registry"));
        Path dir = Files.createDirectories(work.resolve(name));
        Files.copy(fixture.resolve("package.json"), dir.resolve("package.json"));
        Path lock = fixture.resolve(lockfile);
        Files.copy(lock, dir.resolve(lock.getFileName().toString()));
        Files.writeString(dir.resolve(".npmrc"), "registry=" + registry.url() + "\n");
        Path npmLock = Files.exists(fixture.resolve("package-lock.json")) ? fixture.resolve("package-lock.json")
                : fixture.resolve("npm/package-lock.json");
        JsonNode packages = Json.mapper().readTree(npmLock.toFile()).path("packages");
        Map<String, Set<String>> locked = new TreeMap<>();
        packages.properties().forEach(e -> {
            String path = e.getKey();
            if (!path.isEmpty()) {
                String pkg = e.getValue().path("name").asText(path.substring(path.lastIndexOf("node_modules/")
                        + "node_modules/".length()));
                locked.computeIfAbsent(pkg, k -> new TreeSet<>()).add(e.getValue().path("version").asText());
            }
        });
        assertThat(locked).as("a real project's tree").hasSizeGreaterThan(25);
        return new Project(fixture, dir, locked);
    }

    private Run run(Project project, String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(Map.of("npm_config_globalconfig",
                work.resolve("no-global-npmrc").toString()), work.resolve("home"),
                Clock.fixed(dayAfterTheNewestLockedVersionIsOldEnough(project), ZoneOffset.UTC), work.resolve("cache"));
        int exit = Main.run(environment, false, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /**
     * The recorded publish times are the mirror's, fixed at recording: a clock one day past the default
     * minReleaseAge of the newest locked version is a day a user could have scanned this lockfile and found no
     * version too new, and it moves with the fixture when the fixture is regenerated.
     */
    private static Instant dayAfterTheNewestLockedVersionIsOldEnough(Project project) throws IOException {
        Instant newest = Instant.EPOCH;
        for (Map.Entry<String, Set<String>> p : project.locked().entrySet()) {
            JsonNode time = Json.mapper().readTree(project.fixture().resolve("registry")
                    .resolve(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + ".json").toFile()).path("time");
            for (String version : p.getValue()) {
                Instant published = Instant.parse(time.path(version).asText());
                newest = published.isAfter(newest) ? published : newest;
            }
        }
        return newest.plus(Policy.defaults().metadata().minReleaseAge()).plus(Duration.ofDays(1));
    }

    /** The package names whose documents the registry answered. */
    private Set<String> documentsServed() {
        Set<String> names = new TreeSet<>();
        registry.requests().stream().filter(r -> r.method().equals("GET") && !r.path().contains("/-/"))
                .forEach(r -> names.add(URLDecoder.decode(r.path().substring(1), StandardCharsets.UTF_8)));
        return names;
    }

    private static List<String> failing(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if (Severity.parse(f.path("severity").asText()).atLeast(Policy.defaults().failOn())) {
                out.add(f.path("severity").asText() + " " + f.path("rule").asText() + ": " + f.path("message").asText());
            }
        });
        return out;
    }

    private static List<String> unchecked(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("unchecked").forEach(n -> out.add(n.asText()));
        return out;
    }
}
