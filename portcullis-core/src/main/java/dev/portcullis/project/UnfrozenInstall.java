package dev.portcullis.project;

import dev.portcullis.shell.CommandWords;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds installs that may resolve beyond the lockfile: {@code npm install}, and {@code yarn}, {@code pnpm install}
 * and {@code bun install} without their frozen-lockfile flag. A global install of a tool pinned to an exact version
 * is left alone (it does not touch the project's dependencies, and the pin is the tool's lock); an unpinned
 * global install is reported.
 */
final class UnfrozenInstall {
    private static final Pattern PINNED = Pattern.compile("(?:@[^@/\\s]+/)?[^@/\\s]+@v?\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?");
    private static final Set<String> NPM_INSTALL = Set.of("install", "i", "in", "ins", "inst", "insta", "instal",
            "isnt", "isnta", "isntal", "isntall", "add");
    private static final Set<String> NPM_VALUE_OPTIONS = Set.of("-w", "--workspace", "--prefix", "-C", "--registry",
            "--userconfig", "--cache", "--loglevel");
    private static final Set<String> PNPM_VALUE_OPTIONS = Set.of("-C", "--dir", "--filter", "-F", "--loglevel",
            "--reporter", "--workspace-dir");
    private static final Set<String> GLOBAL = Set.of("-g", "--global", "--location=global");

    /**
     * One unfrozen install.
     *
     * @param tool the client and subcommand as written ({@code npm install}, {@code yarn}, {@code pnpm i} …)
     * @param unpinnedGlobal for a global install, the first package not pinned to an exact version, else null
     * @param defaultFrozenInCi whether the client freezes the lockfile by itself when {@code CI=true}
     */
    record Hit(String tool, String unpinnedGlobal, boolean defaultFrozenInCi) {
    }

    private UnfrozenInstall() {
    }

    /** The unfrozen install this command is, or null. */
    static Hit find(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        String program = CommandWords.program(words.get(0));
        return switch (program) {
            case "npm" -> {
                int sub = CommandWords.firstPositional(words, 1, NPM_VALUE_OPTIONS);
                yield sub >= 0 && NPM_INSTALL.contains(words.get(sub))
                        ? judge("npm " + words.get(sub), words, sub + 1, Set.of(), false) : null;
            }
            case "yarn" -> {
                int sub = CommandWords.firstPositional(words, 1, Set.of("--cwd"));
                if (sub < 0) {
                    yield judge("yarn", words, 1, Set.of("--frozen-lockfile", "--immutable"), true);
                }
                yield switch (words.get(sub)) {
                    case "install" -> judge("yarn install", words, sub + 1, Set.of("--frozen-lockfile", "--immutable"), true);
                    case "add" -> judge("yarn add", words, sub + 1, Set.of(), false);
                    case "global" -> sub + 1 < words.size() && words.get(sub + 1).equals("add")
                            ? global("yarn global add", words, sub + 2) : null;
                    default -> null;
                };
            }
            case "pnpm" -> {
                int sub = CommandWords.firstPositional(words, 1, PNPM_VALUE_OPTIONS);
                if (sub < 0) {
                    yield null;
                }
                yield switch (words.get(sub)) {
                    case "install", "i" -> judge("pnpm " + words.get(sub), words, sub + 1, Set.of("--frozen-lockfile"), true);
                    case "add" -> judge("pnpm add", words, sub + 1, Set.of(), false);
                    default -> null;
                };
            }
            case "bun" -> {
                int sub = CommandWords.firstPositional(words, 1, Set.of("--cwd"));
                if (sub < 0) {
                    yield null;
                }
                yield switch (words.get(sub)) {
                    case "install", "i" -> judge("bun " + words.get(sub), words, sub + 1, Set.of("--frozen-lockfile"), false);
                    case "add", "a" -> judge("bun " + words.get(sub), words, sub + 1, Set.of(), false);
                    default -> null;
                };
            }
            default -> null;
        };
    }

    private static Hit judge(String tool, List<String> words, int from, Set<String> frozenFlags, boolean frozenInCi) {
        List<String> args = words.subList(Math.min(from, words.size()), words.size());
        for (String arg : args) {
            if (GLOBAL.contains(arg)) {
                return global(tool, words, from);
            }
            if (frozenFlags.contains(arg) || frozenFlags.contains(arg.replaceFirst("=true$", ""))) {
                return null;
            }
        }
        return new Hit(tool, null, frozenInCi);
    }

    /** A global install is fine when every package is pinned to an exact version. */
    private static Hit global(String tool, List<String> words, int from) {
        boolean any = false;
        for (int i = Math.min(from, words.size()); i < words.size(); i++) {
            String arg = words.get(i);
            if (arg.startsWith("-")) {
                continue;
            }
            any = true;
            if (!PINNED.matcher(arg).matches()) {
                return new Hit(tool, arg, false);
            }
        }
        return any ? null : new Hit(tool, null, false);
    }
}
