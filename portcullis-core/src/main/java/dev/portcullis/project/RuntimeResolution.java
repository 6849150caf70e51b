package dev.portcullis.project;

import dev.portcullis.shell.CommandWords;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds commands that fetch and run a package at run time ({@code npx}, {@code npm exec}, {@code npm init},
 * {@code pnpm dlx}, {@code pnpx}, {@code yarn dlx}, {@code bunx} and the {@code create} initialisers) and
 * decides whether what they run is the locked copy.
 */
final class RuntimeResolution {
    private static final Pattern EXACT = Pattern.compile("[v=]?\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?");
    private static final Set<String> OFFLINE = Set.of("--no-install", "--no", "--offline", "--yes=false", "--no-yes");
    private static final Set<String> RUNNER_VALUE_OPTIONS = Set.of("--registry", "--cache", "--userconfig",
            "--node-options", "--shell", "-w", "--workspace", "--prefix", "--loglevel", "--script-shell",
            "--allow-build");
    private static final Set<String> NPM_VALUE_OPTIONS = Set.of("-w", "--workspace", "--prefix", "-C", "--registry",
            "--userconfig", "--cache", "--loglevel");
    private static final Set<String> PNPM_VALUE_OPTIONS = Set.of("-C", "--dir", "--filter", "-F", "--loglevel",
            "--reporter", "--workspace-dir");
    private static final Set<String> YARN_VALUE_OPTIONS = Set.of("--cwd");
    private static final Set<String> NPM_INIT = Set.of("init", "create", "innit");

    /** Why what a runner runs is not the locked copy. */
    enum Problem {
        /** The package (or command name) is not in the lockfile, or there is no lockfile. */
        NOT_LOCKED,
        /** An exact version that the lockfile does not hold. */
        VERSION_NOT_LOCKED,
        /** A tag or range: the registry decides at run time. */
        FLOATING,
        /** A git, GitHub or URL spec: fetched from outside the registry. */
        REMOTE,
        /** The package is locked, but this runner always fetches anew and ignores the lockfile. */
        IGNORES_LOCKFILE
    }

    /**
     * One package a runner would fetch.
     *
     * @param tool the runner as the user wrote it ({@code npx}, {@code pnpm dlx} …)
     * @param name the package name, or the spec as written for a remote spec
     * @param version the requested version or tag, or null
     */
    record Hit(String tool, String name, String version, Problem problem) {
    }

    /** A runner invocation: what it is asked to run. */
    private record Request(String tool, boolean alwaysFetches, List<String> packages, String command, boolean offline) {
    }

    /**
     * A package spec as a runner is given it.
     *
     * @param local a path, or a name made of a variable ({@code $TOOL}): nothing to judge from the text
     * @param remote a git, hosted-git or URL spec
     */
    private record Spec(String name, String version, boolean local, boolean remote) {
    }

    private final Set<String> lockedNames = new HashSet<>();
    private final Map<String, Set<String>> lockedVersions = new HashMap<>();
    private final Set<String> lockedBins = new HashSet<>();
    private final KnownBins knownBins;

    RuntimeResolution(Lockfile lockfile, KnownBins knownBins) {
        this.knownBins = knownBins;
        if (lockfile != null) {
            for (PackageNode node : lockfile.graph().packages()) {
                for (String name : new LinkedHashSet<>(List.of(node.name(), node.installedName()))) {
                    lockedNames.add(name);
                    lockedVersions.computeIfAbsent(name, k -> new HashSet<>()).add(node.version());
                }
                lockedBins.addAll(node.bins());
            }
        }
    }

    /** The packages this command would fetch that are not the locked copy; empty when it is not a runner. */
    List<Hit> find(List<String> words) {
        Request request = request(words);
        if (request == null || request.offline()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        if (!request.packages().isEmpty()) {
            for (String pkg : request.packages()) {
                judge(request, spec(pkg), false, hits);
            }
        } else if (request.command() != null) {
            judge(request, spec(request.command()), true, hits);
        }
        return hits;
    }

    private void judge(Request request, Spec spec, boolean mayBeBin, List<Hit> hits) {
        if (spec.local() || spec.version() != null && spec.version().contains("$")) {
            return;
        }
        Problem problem;
        if (spec.remote()) {
            problem = Problem.REMOTE;
        } else if (spec.version() == null) {
            boolean locked = lockedNames.contains(spec.name()) || mayBeBin && isLockedBin(spec.name());
            if (!locked) {
                problem = Problem.NOT_LOCKED;
            } else if (request.alwaysFetches()) {
                problem = Problem.IGNORES_LOCKFILE;
            } else {
                return;
            }
        } else if (EXACT.matcher(spec.version()).matches()) {
            String version = spec.version().replaceFirst("^[v=]", "");
            if (lockedVersions.getOrDefault(spec.name(), Set.of()).contains(version)) {
                return;
            }
            problem = lockedNames.contains(spec.name()) ? Problem.VERSION_NOT_LOCKED : Problem.NOT_LOCKED;
        } else {
            problem = Problem.FLOATING;
        }
        hits.add(new Hit(request.tool(), spec.name(), spec.version(), problem));
    }

    private boolean isLockedBin(String command) {
        if (lockedBins.contains(command)) {
            return true;
        }
        for (String pkg : knownBins.packages(command)) {
            if (lockedNames.contains(pkg)) {
                return true;
            }
        }
        return false;
    }

    private static Request request(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        String program = CommandWords.program(words.get(0));
        switch (program) {
            case "npx" -> {
                return args("npx", false, words, 1);
            }
            case "pnpx" -> {
                return args("pnpx", true, words, 1);
            }
            case "bunx" -> {
                return args("bunx", false, words, 1);
            }
            case "npm" -> {
                int sub = CommandWords.firstPositional(words, 1, NPM_VALUE_OPTIONS);
                if (sub < 0) {
                    return null;
                }
                String name = words.get(sub);
                if (name.equals("exec") || name.equals("x")) {
                    return args("npm " + name, false, words, sub + 1);
                }
                return NPM_INIT.contains(name) ? initializer("npm " + name, false, words, sub + 1) : null;
            }
            case "pnpm" -> {
                return subcommand("pnpm", words, PNPM_VALUE_OPTIONS);
            }
            case "yarn" -> {
                return subcommand("yarn", words, YARN_VALUE_OPTIONS);
            }
            case "bun" -> {
                int sub = CommandWords.firstPositional(words, 1, Set.of("--cwd"));
                if (sub < 0) {
                    return null;
                }
                return switch (words.get(sub)) {
                    case "x" -> args("bun x", false, words, sub + 1);
                    case "create", "c" -> initializer("bun create", false, words, sub + 1);
                    default -> null;
                };
            }
            default -> {
                return null;
            }
        }
    }

    /** pnpm and yarn: {@code dlx} and {@code create} always fetch into a temporary place. */
    private static Request subcommand(String tool, List<String> words, Set<String> valueOptions) {
        int sub = CommandWords.firstPositional(words, 1, valueOptions);
        if (sub < 0) {
            return null;
        }
        return switch (words.get(sub)) {
            case "dlx" -> {
                Request before = args(tool + " dlx", true, words.subList(0, sub), 1);
                Request after = args(tool + " dlx", true, words, sub + 1);
                List<String> packages = new ArrayList<>(before.packages());
                packages.addAll(after.packages());
                yield new Request(after.tool(), true, packages, after.command(), after.offline());
            }
            case "create" -> initializer(tool + " create", true, words, sub + 1);
            default -> null;
        };
    }

    /** Runner options, then the command (a package spec or a bin name) and its arguments. */
    private static Request args(String tool, boolean alwaysFetches, List<String> words, int from) {
        List<String> packages = new ArrayList<>();
        String command = null;
        boolean offline = false;
        for (int i = from; i < words.size() && command == null; i++) {
            String word = words.get(i);
            if (word.equals("--")) {
                command = i + 1 < words.size() ? words.get(i + 1) : null;
                break;
            } else if (word.equals("-p") || word.equals("--package")) {
                if (i + 1 < words.size()) {
                    packages.add(words.get(++i));
                }
            } else if (word.startsWith("--package=")) {
                packages.add(word.substring("--package=".length()));
            } else if (word.equals("-c") || word.equals("--call")) {
                command = i + 1 < words.size() ? firstToken(words.get(i + 1)) : null;
            } else if (word.startsWith("--call=")) {
                command = firstToken(word.substring("--call=".length()));
            } else if (OFFLINE.contains(word)) {
                offline = true;
            } else if (RUNNER_VALUE_OPTIONS.contains(word)) {
                i++;
            } else if (!word.startsWith("-")) {
                command = word;
            }
        }
        return new Request(tool, alwaysFetches, packages, command, offline);
    }

    private static String firstToken(String commandLine) {
        String trimmed = commandLine.strip();
        int space = trimmed.indexOf(' ');
        String token = space < 0 ? trimmed : trimmed.substring(0, space);
        return token.isEmpty() ? null : token;
    }

    /** {@code npm init foo} runs {@code create-foo}; {@code @scope/foo} runs {@code @scope/create-foo}. */
    private static Request initializer(String tool, boolean alwaysFetches, List<String> words, int from) {
        int at = CommandWords.firstPositional(words, from, NPM_VALUE_OPTIONS);
        if (at < 0) {
            return null;
        }
        Spec spec = spec(words.get(at));
        if (spec.local() || spec.remote()) {
            return new Request(tool, alwaysFetches, List.of(words.get(at)), null, false);
        }
        String name = spec.name();
        String create;
        if (name.startsWith("@")) {
            int slash = name.indexOf('/');
            create = slash < 0 ? name + "/create" : name.substring(0, slash + 1) + "create-" + name.substring(slash + 1);
        } else {
            create = "create-" + name;
        }
        return new Request(tool, alwaysFetches, List.of(spec.version() == null ? create : create + "@" + spec.version()),
                null, false);
    }

    private static Spec spec(String text) {
        String s = text.startsWith("npm:") ? text.substring(4) : text;
        if (s.startsWith(".") || s.startsWith("/") || s.startsWith("~") || s.startsWith("file:") || s.startsWith("link:")
                || s.startsWith("$")) {
            return new Spec(text, null, true, false);
        }
        if (s.contains("://") || s.contains(":") || !s.startsWith("@") && s.contains("/")) {
            return new Spec(text, null, false, true);
        }
        int at = s.indexOf('@', s.startsWith("@") ? 1 : 0);
        if (at < 0) {
            return new Spec(s, null, false, false);
        }
        return new Spec(s.substring(0, at), s.substring(at + 1), false, false);
    }
}
