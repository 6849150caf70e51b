package dev.portcullis.analysis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.js.Fact;
import dev.portcullis.js.FactKind;
import dev.portcullis.js.FileFacts;
import dev.portcullis.json.Json;
import dev.portcullis.model.LifecycleScripts;
import dev.portcullis.semver.DependencySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The facts of a package's package.json: its install-time lifecycle scripts (and, through the command extractor,
 * what those commands do, at the script's line), dependencies fetched from URLs, git or files, and {@code bin}
 * entries named like common system commands. Also what reachability needs: the {@code main} entry and whether
 * the scripts run at install.
 */
final class ManifestFacts {
    static final String FILE = "package.json";
    /** Dependency maps whose entries npm fetches when it installs the package as a dependency. */
    private static final List<String> INSTALLED_DEPENDENCIES = List.of("dependencies", "optionalDependencies",
            "peerDependencies");
    private static final Set<String> SHADOWED_COMMANDS = loadCommands();
    private static final int MAX_EVIDENCE = 240;
    /**
     * package.json is read whole into a tree; real ones are kilobytes (the largest seen, with long contributor
     * lists, a few hundred), and a 50 MB one is built to exhaust the heap.
     */
    static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    /**
     * @param facts        the facts of package.json
     * @param main         the package's main entry as written, or {@code index.js}
     * @param name         the package's name, empty when missing
     * @param installTime  true when npm runs something at install (a lifecycle script or the implicit node-gyp build)
     * @param entryPoints  the files node loads for a user of the package: {@code main}, {@code bin} targets and
     *                     the string targets of {@code exports}, as written
     */
    record Result(FileFacts facts, String main, String name, boolean installTime, List<String> entryPoints) {
        Result {
            entryPoints = List.copyOf(entryPoints);
        }
    }

    /** Targets of {@code exports} looked at: conditions nest, and a hostile manifest may nest them deeply. */
    private static final int MAX_EXPORT_TARGETS = 1_000;

    private ManifestFacts() {
    }

    /**
     * The facts of {@code content} (null when the package has no package.json; that is a fact unless
     * {@code incomplete}, when the tarball could not be read to its end).
     */
    static Result read(byte[] content, boolean incomplete, boolean hasBindingGyp, FactExtractor extractor) {
        List<Fact> facts = new ArrayList<>();
        if (content == null) {
            if (!incomplete) {
                facts.add(new Fact(FactKind.UNPARSABLE, 0, "missing-manifest", "the package has no package.json", 0));
            }
            return new Result(new FileFacts(FILE, FileFacts.Language.OTHER, facts, 0, false), "index.js", "", false,
                    List.of());
        }
        if (content.length > MAX_MANIFEST_BYTES) {
            facts.add(new Fact(FactKind.UNPARSABLE, 1, "invalid-manifest", "package.json is " + content.length
                    + " bytes, more than the " + MAX_MANIFEST_BYTES + " read; not analysed", 0));
            return new Result(new FileFacts(FILE, FileFacts.Language.OTHER, facts, content.length, false), "index.js",
                    "", false, List.of());
        }
        String text = new String(content, StandardCharsets.UTF_8);
        JsonNode json;
        Map<String, Integer> lines;
        try {
            json = Json.mapper().readTree(text);
            lines = lines(text);
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? p.getOriginalMessage()
                    : e.getMessage();
            facts.add(new Fact(FactKind.UNPARSABLE, 1, "invalid-manifest", bound("package.json is not JSON: " + why), 0));
            return new Result(new FileFacts(FILE, FileFacts.Language.OTHER, facts, content.length, false), "index.js",
                    "", false, List.of());
        }
        if (json == null || !json.isObject()) {
            facts.add(new Fact(FactKind.UNPARSABLE, 1, "invalid-manifest", "package.json is not a JSON object", 0));
            return new Result(new FileFacts(FILE, FileFacts.Language.OTHER, facts, content.length, false), "index.js",
                    "", false, List.of());
        }
        String name = json.path("name").isTextual() ? json.path("name").asText() : "";
        String main = json.path("main").isTextual() && !json.path("main").asText().isBlank()
                ? json.path("main").asText() : "index.js";
        boolean installTime = false;
        JsonNode scripts = json.path("scripts");
        for (String script : LifecycleScripts.FROM_TARBALL) {
            JsonNode command = scripts.path(script);
            if (!command.isTextual()) {
                continue;
            }
            int line = lines.getOrDefault("scripts/" + script, 1);
            installTime = true;
            facts.add(new Fact(FactKind.LIFECYCLE_SCRIPT, line, script, bound(script + ": " + command.asText()), 0));
            facts.addAll(extractor.command(command.asText(), line));
        }
        if (hasBindingGyp && !scripts.path("install").isTextual() && !scripts.path("preinstall").isTextual()) {
            // npm runs `node-gyp rebuild` itself when binding.gyp exists and neither script is given.
            installTime = true;
            facts.add(new Fact(FactKind.LIFECYCLE_SCRIPT, 0, "install",
                    "install: node-gyp rebuild (implicit: the package has a binding.gyp)", 0));
        }
        for (String map : INSTALLED_DEPENDENCIES) {
            JsonNode deps = json.path(map);
            deps.fields().forEachRemaining(entry -> {
                if (entry.getValue().isTextual() && remote(entry.getKey(), entry.getValue().asText())) {
                    facts.add(new Fact(FactKind.REMOTE_DEPENDENCY, lines.getOrDefault(map + "/" + entry.getKey(), 1),
                            entry.getKey(), bound(map + ": \"" + entry.getKey() + "\": \"" + entry.getValue().asText()
                            + "\""), 0));
                }
            });
        }
        String unscoped = name.substring(name.indexOf('/') + 1);
        JsonNode bin = json.path("bin");
        if (bin.isTextual()) {
            shadow(facts, unscoped, unscoped, bin.asText(), lines.getOrDefault("bin", 1));
        } else if (bin.isObject()) {
            bin.fields().forEachRemaining(entry -> shadow(facts, unscoped, entry.getKey(), entry.getValue().asText(),
                    lines.getOrDefault("bin/" + entry.getKey(), 1)));
        }
        facts.sort(java.util.Comparator.comparingInt(Fact::line));
        List<String> entryPoints = new ArrayList<>();
        entryPoints.add(main);
        if (bin.isTextual()) {
            entryPoints.add(bin.asText());
        } else if (bin.isObject()) {
            bin.forEach(target -> {
                if (target.isTextual()) {
                    entryPoints.add(target.asText());
                }
            });
        }
        exportTargets(json.path("exports"), entryPoints);
        return new Result(new FileFacts(FILE, FileFacts.Language.OTHER, facts, content.length, false), main, name,
                installTime, entryPoints);
    }

    /** The relative string targets of {@code exports} (a string, an array, or conditions and subpaths nested). */
    private static void exportTargets(JsonNode exports, List<String> out) {
        java.util.ArrayDeque<JsonNode> pending = new java.util.ArrayDeque<>();
        pending.add(exports);
        int seen = 0;
        while (!pending.isEmpty() && seen++ < MAX_EXPORT_TARGETS) {
            JsonNode node = pending.removeFirst();
            if (node.isTextual() && node.asText().startsWith("./") && !node.asText().contains("*")) {
                out.add(node.asText());
            } else if (node.isContainerNode()) {
                node.forEach(pending::addLast);
            }
        }
    }

    /**
     * A bin named like a system command shadows it on PATH; a package providing its own namesake (npm, yarn) does
     * not, nor do the other commands of such a package (yarn's yarnpkg, pnpm's pnpx, npm's npx).
     */
    private static void shadow(List<Fact> facts, String packageName, String command, String target, int line) {
        String base = command.substring(command.lastIndexOf('/') + 1);
        if (SHADOWED_COMMANDS.contains(base) && !base.equals(packageName) && !SHADOWED_COMMANDS.contains(packageName)) {
            facts.add(new Fact(FactKind.BIN_SHADOW, line, base, bound("bin: \"" + command + "\": \"" + target + "\""),
                    0));
        }
    }

    private static boolean remote(String name, String spec) {
        DependencySpec parsed = DependencySpec.parse(name, spec);
        while (parsed instanceof DependencySpec.Alias alias) {
            parsed = alias.target();
        }
        return parsed instanceof DependencySpec.Git || parsed instanceof DependencySpec.RemoteTarball
                || parsed instanceof DependencySpec.Local || parsed instanceof DependencySpec.Other;
    }

    /** The line of each key at depth one ({@code scripts}) and two ({@code scripts/postinstall}). */
    private static Map<String, Integer> lines(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = Json.mapper().getFactory().createParser(text)) {
            int depth = 0;
            String parent = null;
            String current = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (depth == 2) {
                            parent = current;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (depth == 1) {
                            current = parser.currentName();
                            lines.putIfAbsent(current, Json.line(parser));
                        } else if (depth == 2 && parent != null) {
                            lines.putIfAbsent(parent + "/" + parser.currentName(), Json.line(parser));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return lines;
    }

    private static String bound(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= MAX_EVIDENCE ? oneLine : oneLine.substring(0, MAX_EVIDENCE - 1) + "…";
    }

    private static Set<String> loadCommands() {
        try (InputStream in = ManifestFacts.class.getResourceAsStream("shadowed-commands.txt")) {
            if (in == null) {
                throw new IllegalStateException("dev/portcullis/analysis/shadowed-commands.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
