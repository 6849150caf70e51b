package dev.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.analysis.PackageInput;
import dev.portcullis.engine.Environment;
import dev.portcullis.json.Json;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballReader;
import dev.portcullis.testkit.FakeRegistry;
import dev.portcullis.testkit.PublishedPackages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures {@code scan --deep} on real tarballs: every {@code .tgz} of the directory named by
 * {@code -Dportcullis.deepBench=DIR} is published to a registry on 127.0.0.1, a package-lock.json v3 naming them
 * all is written, one online run fills the cache, then warm-cache runs ({@code --offline}) are timed. Not part of
 * the default build (it needs the tarballs); run it as docs/inspect.md says.
 * {@code -Dportcullis.deepBench.maxBytes=N} keeps tarballs of at most N bytes (a project's typical dependencies),
 * {@code -Dportcullis.deepBench.copies=K} publishes each K times under distinct names, to reach a project's count.
 */
@EnabledIfSystemProperty(named = "portcullis.deepBench", matches = ".+")
class DeepScanBench {
    @TempDir
    Path work;

    @Test
    void warmCacheDeepScan() throws IOException {
        Path source = Path.of(System.getProperty("portcullis.deepBench"));
        PublishedPackages published = new PublishedPackages(Files.createDirectories(work.resolve("registry")));
        Map<String, String[]> packages = new LinkedHashMap<>();
        long compressed = 0;
        List<Path> tarballs;
        try (Stream<Path> files = Files.list(source)) {
            tarballs = files.filter(p -> p.toString().endsWith(".tgz")).sorted().toList();
        }
        long maxBytes = Long.getLong("portcullis.deepBench.maxBytes", Long.MAX_VALUE);
        int copies = Integer.getInteger("portcullis.deepBench.copies", 1);
        for (Path tgz : tarballs) {
            if (Files.size(tgz) > maxBytes) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(tgz);
            PackageInput input = PackageInput.of(TarballReader.read(new ByteArrayInputStream(bytes),
                    TarballLimits.defaults()));
            if (input.name().isEmpty() || input.version().isEmpty() || packages.containsKey(input.name())) {
                continue;
            }
            for (int copy = 0; copy < copies; copy++) {
                String name = copy == 0 ? input.name() : input.name().replace("@", "") .replace('/', '-') + "-copy" + copy;
                packages.put(name, new String[] {input.version(), published.publish(name, input.version(), bytes)});
                compressed += bytes.length;
            }
        }
        try (FakeRegistry registry = FakeRegistry.start(published.dir())) {
            Path project = project(packages, registry.url());
            Environment environment = new Environment(Map.of("npm_config_globalconfig",
                    work.resolve("none").toString(), "npm_config_userconfig", work.resolve("none").toString()),
                    work.resolve("home"), Clock.systemUTC(), work.resolve("cache"));
            long start = System.nanoTime();
            JsonNode cold = scan(environment, project, false);
            double coldSeconds = (System.nanoTime() - start) / 1e9;
            assertThat(cold.at("/deep/inspected").asInt()).isEqualTo(packages.size());
            System.gc();
            java.lang.management.ManagementFactory.getMemoryPoolMXBeans().forEach(
                    java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            double best = Double.MAX_VALUE;
            JsonNode warm = null;
            for (int run = 0; run < 3; run++) {
                start = System.nanoTime();
                warm = scan(environment, project, true);
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            System.out.printf("scan --deep: %d packages, %.1f MB compressed, %d processors, max heap %d MB%n",
                    packages.size(), compressed / 1e6, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("  cold (download from 127.0.0.1 + analyse): %.1f s; warm cache, --offline: best of 3 %.1f s%n",
                    coldSeconds, best);
            long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf("  peak heap used during the warm runs (an upper bound of what they need): %d MB%n",
                    peak >> 20);
            System.out.printf("  verdicts: %s; unchecked: %s%n", warm.at("/deep/packages"), warm.at("/unchecked"));
        }
    }

    private JsonNode scan(Environment environment, Path project, boolean offline) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = offline ? new String[] {"scan", project.toString(), "--deep", "--offline", "--format", "json"}
                : new String[] {"scan", project.toString(), "--deep", "--format", "json"};
        int exit = Main.run(environment, false, new PrintWriter(out), new PrintWriter(err), args);
        assertThat(exit).as(err.toString()).isIn(0, 1);
        return Json.mapper().readTree(out.toString());
    }

    private Path project(Map<String, String[]> packages, String registryUrl) throws IOException {
        Path dir = Files.createDirectories(work.resolve("project"));
        StringBuilder deps = new StringBuilder();
        StringBuilder entries = new StringBuilder();
        for (Map.Entry<String, String[]> p : packages.entrySet()) {
            String name = p.getKey();
            String version = p.getValue()[0];
            deps.append(deps.isEmpty() ? "" : ",").append('"').append(name).append("\":\"").append(version).append('"');
            entries.append(",\n\"node_modules/").append(name).append("\":{\"version\":\"").append(version)
                    .append("\",\"resolved\":\"https://registry.npmjs.org/").append(name).append("/-/")
                    .append(name.substring(name.indexOf('/') + 1)).append('-').append(version)
                    .append(".tgz\",\"integrity\":\"").append(p.getValue()[1]).append("\"}");
        }
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"bench\",\"version\":\"1.0.0\",\"dependencies\":{"
                + deps + "}}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("package-lock.json"), "{\"name\":\"bench\",\"version\":\"1.0.0\","
                + "\"lockfileVersion\":3,\"requires\":true,\"packages\":{\"\":{\"name\":\"bench\",\"version\":\"1.0.0\","
                + "\"dependencies\":{" + deps + "}}" + entries + "}}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(".npmrc"), "registry=" + registryUrl + "\n");
        Files.writeString(dir.resolve("portcullis.yml"), "failOn: critical\n");
        return dir;
    }
}
