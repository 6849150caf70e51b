package dev.portcullis.project;

import dev.portcullis.shell.CommandWords;
import dev.portcullis.model.Manifest;
import dev.portcullis.model.Script;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a command calls among the project's own entry points: Makefile targets ({@code make install}), root shell
 * scripts ({@code ./ci.sh}, {@code bash ci.sh}) and root package.json scripts ({@code npm run ci},
 * {@code yarn build}). CI reaching one of them makes its installs build installs too.
 *
 * <p>Entry points are named by keys: {@code make:<file>:<target>}, {@code file:<path>}, {@code script:<name>}.
 */
final class CiEntries {
    /** The Makefiles GNU make looks for, in its order. */
    private static final List<String> MAKEFILES = List.of("GNUmakefile", "makefile", "Makefile");
    private static final Set<String> NPM_RUN = Set.of("run", "run-script", "rum", "urn");
    private static final Map<String, String> NPM_LIFECYCLE = Map.of("test", "test", "t", "test", "tst", "test",
            "start", "start", "stop", "stop", "restart", "restart");

    private final Map<String, List<String>> prerequisites = new HashMap<>();
    private final Map<String, String> defaultGoals = new HashMap<>();
    private final String defaultMakefile;
    private final Set<String> rootScripts = new HashSet<>();
    private final Set<String> shellScripts = new HashSet<>();

    CiEntries(List<ProjectFile> files, Manifest root) {
        String chosen = null;
        for (String name : MAKEFILES) {
            for (ProjectFile file : files) {
                if (chosen == null && file.path().equals(name)) {
                    chosen = name;
                }
            }
        }
        this.defaultMakefile = chosen;
        for (ProjectFile file : files) {
            CiFileKind kind = CiFileKind.of(file.path());
            if (kind == CiFileKind.SHELL_SCRIPT) {
                shellScripts.add(file.path());
            }
        }
        for (Script script : root.scripts()) {
            rootScripts.add(script.name());
        }
    }

    /** Records the rules of one Makefile, read by the caller with the scan limits applied. */
    void addMakefile(String file, List<CiExtractor.MakeRule> rules) {
        for (CiExtractor.MakeRule rule : rules) {
            for (String target : rule.targets()) {
                if (!defaultGoals.containsKey(file) && !target.startsWith(".") && !target.contains("%")) {
                    defaultGoals.put(file, target);
                }
                List<String> keys = new ArrayList<>();
                for (String prerequisite : rule.prerequisites()) {
                    keys.add(makeKey(file, prerequisite));
                }
                prerequisites.computeIfAbsent(makeKey(file, target), k -> new ArrayList<>()).addAll(keys);
            }
        }
    }

    static String makeKey(String file, String target) {
        return "make:" + file + ":" + target;
    }

    static String fileKey(String path) {
        return "file:" + path;
    }

    static String scriptKey(String name) {
        return "script:" + name;
    }

    /** The keys a make target needs first. */
    List<String> prerequisites(String key) {
        return prerequisites.getOrDefault(key, List.of());
    }

    /** The entry points this command (its effective words) calls. */
    List<String> called(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        String program = CommandWords.program(words.get(0));
        return switch (program) {
            case "make", "gmake" -> make(words);
            case "npm" -> {
                int sub = CommandWords.firstPositional(words, 1, Set.of("--prefix", "-C", "-w", "--workspace"));
                if (sub < 0 || words.subList(1, sub).stream().anyMatch(CiEntries::otherPackage)) {
                    yield List.of();
                }
                String name = words.get(sub);
                if (NPM_LIFECYCLE.containsKey(name)) {
                    yield script(NPM_LIFECYCLE.get(name));
                }
                int target = CommandWords.firstPositional(words, sub + 1, Set.of());
                yield NPM_RUN.contains(name) && target >= 0 ? script(words.get(target)) : List.of();
            }
            case "yarn", "pnpm", "bun" -> {
                int sub = CommandWords.firstPositional(words, 1, Set.of());
                if (sub < 0) {
                    yield List.of();
                }
                String name = words.get(sub);
                if (name.equals("run")) {
                    int target = CommandWords.firstPositional(words, sub + 1, Set.of());
                    yield target >= 0 ? script(words.get(target)) : List.of();
                }
                yield !program.equals("bun") && rootScripts.contains(name) ? script(name) : List.of();
            }
            case "sh", "bash" -> {
                int operand = CommandWords.firstPositional(words, 1, Set.of("-o", "-O", "+o"));
                yield operand >= 0 && !words.subList(1, operand).stream().anyMatch(w -> w.indexOf('c') > 0)
                        ? shellScript(words.get(operand)) : List.of();
            }
            default -> shellScript(words.get(0));
        };
    }

    /** npm options that run another package's scripts than the root's. */
    private static boolean otherPackage(String option) {
        return option.equals("-C") || option.equals("-w") || option.startsWith("--prefix") || option.startsWith("--workspace");
    }

    private List<String> script(String name) {
        return rootScripts.contains(name)
                ? List.of(scriptKey("pre" + name), scriptKey(name), scriptKey("post" + name))
                : List.of();
    }

    private List<String> shellScript(String word) {
        String path = word.startsWith("./") ? word.substring(2) : word;
        return shellScripts.contains(path) ? List.of(fileKey(path)) : List.of();
    }

    /** {@code make [-f file] [targets]} in the project root; {@code -C dir} elsewhere is another project. */
    private List<String> make(List<String> words) {
        String file = defaultMakefile;
        List<String> targets = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("-C") || word.equals("--directory")) {
                String dir = i + 1 < words.size() ? words.get(++i) : "";
                if (!dir.equals(".") && !dir.equals("./")) {
                    return List.of();
                }
            } else if (word.equals("-f") || word.equals("--file") || word.equals("--makefile")) {
                file = i + 1 < words.size() ? words.get(++i).replaceFirst("^\\./", "") : null;
            } else if (word.startsWith("-") || word.contains("=")) {
                if (word.equals("-j") && i + 1 < words.size() && words.get(i + 1).matches("\\d+")) {
                    i++;
                }
            } else {
                targets.add(word);
            }
        }
        if (file == null) {
            return List.of();
        }
        if (targets.isEmpty()) {
            String goal = defaultGoals.get(file);
            return goal == null ? List.of() : List.of(makeKey(file, goal));
        }
        List<String> keys = new ArrayList<>();
        for (String target : targets) {
            keys.add(makeKey(file, target));
        }
        return keys;
    }
}
