package dev.portcullis.semver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.json.Json;
import dev.portcullis.testkit.NodeTools;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Compares DependencySpec's classification with the real npm-package-arg (portcullis-testkit/node-tools) on the
 * realistic specs of semver/dependency-specs.txt, each also as the target of an {@code npm:} alias, and on
 * dependency names npm accepts and refuses.
 */
class DependencySpecDifferentialTest {
    private static final ObjectMapper JSON = Json.mapper();

    record Query(String name, String spec) {
    }

    record Answer(String type, String committish, String range) {
    }

    @Test
    void classifiesLikeNpmPackageArg() throws Exception {
        List<Query> queries = new ArrayList<>();
        for (String spec : corpus()) {
            queries.add(new Query("dep", spec));
            queries.add(new Query("dep", "npm:target@" + spec));
        }
        for (String name : List.of("@scope/pkg", "UpperCase", "with.dot", "~tilde", "_underscore", ".dot",
                "has space", "@scope/", "@/pkg", "a/b", "node_modules", "caf\u00e9", "@sc ope/pkg", "")) {
            for (String spec : List.of("^1.0.0", "latest", "user/repo", "npm:x@1")) {
                queries.add(new Query(name, spec));
            }
        }
        StringBuilder stdin = new StringBuilder();
        for (Query q : queries) {
            stdin.append(JSON.writeValueAsString(q)).append('\n');
        }
        String[] lines = NodeTools.node(List.of(script()), stdin.toString()).split("\n");
        assertThat(lines).hasSize(queries.size());

        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> byType = new TreeMap<>();
        for (int i = 0; i < queries.size(); i++) {
            Answer expected = JSON.readValue(lines[i], Answer.class);
            DependencySpec spec = DependencySpec.parse(queries.get(i).name(), queries.get(i).spec());
            Answer actual = answer(spec);
            byType.merge(expected.type(), 1, Integer::sum);
            if (!expected.equals(actual)) {
                disagreements.add(queries.get(i) + "\n  npa:        " + expected + "\n  portcullis: " + actual
                        + " from " + spec);
            }
        }
        System.out.printf("npm-package-arg differential: %d specs compared %s, %d disagreements%n", queries.size(),
                byType, disagreements.size());
        assertThat(disagreements).as(String.join("\n", disagreements)).isEmpty();
        assertThat(byType.keySet()).contains("version", "range", "tag", "alias:version", "alias:range", "alias:tag",
                "git", "remote", "file", "directory", "unsupported:workspace:", "unsupported:link:", "error");
    }

    /** npm-package-arg's answer for what we parsed (see the mapping in DependencySpec's comment). */
    private static Answer answer(DependencySpec spec) {
        return switch (spec) {
            case DependencySpec.Exact e -> new Answer("version", null, null);
            case DependencySpec.RangeSpec r -> new Answer("range", null, null);
            case DependencySpec.Tag t -> new Answer("tag", null, null);
            case DependencySpec.Alias a -> new Answer("alias:" + answer(a.target()).type(), null, null);
            case DependencySpec.Git g -> new Answer("git", g.committish(), g.semverRange());
            case DependencySpec.RemoteTarball r -> new Answer("remote", null, null);
            case DependencySpec.Local l when l.link() -> new Answer("unsupported:link:", null, null);
            case DependencySpec.Local l -> new Answer(
                    l.path().matches("(?is).*[.](tgz|tar\\.gz|tar)") ? "file" : "directory", null, null);
            case DependencySpec.Workspace w -> new Answer("unsupported:workspace:", null, null);
            case DependencySpec.Other o -> new Answer("unsupported:" + o.protocol(), null, null);
            case DependencySpec.Invalid i -> new Answer("error", null, null);
        };
    }

    private static List<String> corpus() throws IOException {
        try (InputStream in = DependencySpecDifferentialTest.class.getResourceAsStream("/semver/dependency-specs.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // every line is a spec, the empty line included; the file ends with a newline
            List<String> lines = Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
            return lines.stream().filter(l -> !l.startsWith("#")).toList();
        }
    }

    private static String script() throws URISyntaxException {
        return Path.of(DependencySpecDifferentialTest.class.getResource("/semver/npa-oracle.js").toURI()).toString();
    }
}
