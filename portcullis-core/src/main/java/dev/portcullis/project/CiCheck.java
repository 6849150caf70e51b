package dev.portcullis.project;

import dev.portcullis.shell.PipeToShell;
import dev.portcullis.shell.CommandWords;
import dev.portcullis.shell.ShellSplitter;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.Manifest;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Script;
import dev.portcullis.model.Severity;
import dev.portcullis.shell.ShellSplitter.Command;
import dev.portcullis.shell.ShellSplitter.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Commands in CI workflows, Dockerfiles, Makefiles, root shell scripts and package.json scripts that fetch code
 * at build time outside the lockfile: runners ({@code npx}, {@code pnpm dlx} …) of unlocked or floating packages,
 * installs that do not freeze the lockfile, and downloads piped into a shell.
 *
 * <p>Only commands are looked at, never their data: {@code echo "npx foo"}, comments, here-document bodies and
 * files not listed above (a README) are not reported; a string handed to {@code sh -c} is a command and is.
 */
public final class CiCheck implements ProjectCheck {

    public static final RuleDescriptor RUNTIME_RESOLUTION = new RuleDescriptor("ci/runtime-resolution", Severity.HIGH,
            "A package is fetched from the registry at run time, outside the lockfile",
            "npx, npm exec, pnpm dlx, yarn dlx and bunx download a package that the project does not lock, or the "
                    + "version a tag or range points at when the command runs. Nothing pins what runs or checks its "
                    + "integrity, so a compromised or typo-squatted release runs with the job's secrets the next "
                    + "time the build does.",
            "Add the package as a devDependency so the lockfile pins it with an integrity hash, then run the locked "
                    + "bin: npm exec --offline, npx --no-install, pnpm exec, yarn run or bunx --no-install. For a "
                    + "one-off tool, pin an exact version that is in the lockfile.");

    public static final RuleDescriptor UNFROZEN_INSTALL = new RuleDescriptor("ci/unfrozen-install", Severity.MEDIUM,
            "A CI job or image build installs without enforcing the lockfile",
            "npm install, and yarn, pnpm or bun install without their frozen-lockfile flag, may resolve versions "
                    + "the lockfile does not hold and rewrite it, so the build ships dependencies nobody reviewed. "
                    + "Yarn berry and pnpm freeze the lockfile on their own only when the CI variable is set, which "
                    + "image builds and some runners do not set.",
            "Use npm ci, yarn install --immutable (yarn 1: --frozen-lockfile), pnpm install --frozen-lockfile or "
                    + "bun install --frozen-lockfile. Install global tools pinned to an exact version.");

    public static final RuleDescriptor PIPE_TO_SHELL = new RuleDescriptor("ci/pipe-to-shell", Severity.HIGH,
            "A downloaded script is executed without being checked",
            "curl … | sh and its variants run whatever the server returns at that moment, unpinned and unverified; "
                    + "whoever controls the URL, its DNS or a proxy on the way controls the build and its secrets.",
            "Download to a file, verify it against a pinned checksum or signature, then run it; better, install the "
                    + "tool from a package manager or a pinned release.");

    public static final RuleDescriptor OVER_LIMIT = new RuleDescriptor("ci/over-limit", Severity.MEDIUM,
            "A CI file too large to read as YAML was scanned line by line",
            "A workflow whose aliases expand to hundreds of thousands of values, or whose brackets nest hundreds deep, "
                    + "is no real pipeline: it is built to exhaust a scanner's memory or time, so that the command "
                    + "hidden behind it is not seen. Portcullis scans every line of it as shell instead (still finding "
                    + "curl | sh and friends), but which job runs which line is no longer known.",
            "Find out who wrote the file and why; a real pipeline needs neither. Rewrite it without alias trees "
                    + "of that size, then scan again.");

    /** Commands are quoted in messages up to this length, then cut with an ellipsis. */
    private static final int MAX_QUOTED_COMMAND = 120;

    private final KnownBins knownBins;
    private final CiScanLimits limits;

    public CiCheck() {
        this(KnownBins.bundled(), CiScanLimits.defaults());
    }

    CiCheck(KnownBins knownBins, CiScanLimits limits) {
        this.knownBins = Objects.requireNonNull(knownBins, "knownBins");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public List<RuleDescriptor> rules() {
        return List.of(RUNTIME_RESOLUTION, UNFROZEN_INSTALL, PIPE_TO_SHELL, OVER_LIMIT);
    }

    @Override
    public List<Finding> check(ProjectContext context) {
        RuntimeResolution runners = new RuntimeResolution(context.lockfile(), knownBins);
        CiEntries entries = new CiEntries(context.files(), context.manifest());
        Set<Finding> findings = new LinkedHashSet<>();
        List<Unit> units = units(context, entries, findings);
        Set<String> called = calledByBuild(units, entries);
        for (Unit unit : units) {
            boolean build = unit.source().build() || unit.entryKeys().stream().anyMatch(called::contains);
            Source source = build == unit.source().build() ? unit.source() : unit.source().calledByBuild();
            scan(split(unit), source, runners, 0, findings);
        }
        return findings.stream().sorted(Finding.ORDER).toList();
    }

    /**
     * Where commands come from.
     *
     * @param where how messages name the place: the file, or the script and its file
     * @param line the line to report when {@code lineExact} is false
     * @param build whether installs here build what ships (CI, image builds, or called from them)
     */
    private record Source(CiFileKind kind, String file, String where, int line, boolean lineExact, boolean build) {
        static Source of(CiFileKind kind, String file, ShellSnippet snippet) {
            return new Source(kind, file, file, snippet.line(), snippet.lineExact(), kind.installsForBuild());
        }

        /** The same place, reached from a CI job or image build, so its installs must be frozen too. */
        Source calledByBuild() {
            return new Source(kind, file, where + " (run by CI)", line, lineExact, true);
        }

        Location at(Command command) {
            return new Location(file, lineExact ? command.line() : line);
        }
    }

    /**
     * Shell text to scan.
     *
     * @param entryKeys the keys under which other commands can call it (see {@link CiEntries}), empty when none
     */
    private record Unit(Source source, ShellSnippet snippet, List<String> entryKeys) {
    }

    /** The shell text of every file and script; a CI file a limit kept from being read as YAML is a finding. */
    private List<Unit> units(ProjectContext context, CiEntries entries, Set<Finding> findings) {
        List<Unit> units = new ArrayList<>();
        for (ProjectFile file : context.files()) {
            CiFileKind kind = CiFileKind.of(file.path());
            if (kind == null) {
                continue;
            }
            if (kind == CiFileKind.MAKEFILE) {
                List<CiExtractor.MakeRule> rules = CiExtractor.makeRules(limits.bound(file.content()));
                entries.addMakefile(file.path(), rules);
                for (CiExtractor.MakeRule rule : rules) {
                    List<String> keys = rule.targets().stream().map(t -> CiEntries.makeKey(file.path(), t)).toList();
                    for (ShellSnippet snippet : rule.recipe()) {
                        units.add(new Unit(Source.of(kind, file.path(), snippet), snippet, keys));
                    }
                }
                continue;
            }
            List<String> keys = kind == CiFileKind.SHELL_SCRIPT ? List.of(CiEntries.fileKey(file.path())) : List.of();
            CiExtractor.YamlRead read = kind.snippets(file.content(), limits);
            if (read.overLimit() != null) {
                findings.add(Finding.of(OVER_LIMIT, null, null, file.path() + " was scanned line by line, not read "
                        + "as YAML: " + read.overLimit(), new Location(file.path(), 1)));
            }
            for (ShellSnippet snippet : read.snippets()) {
                units.add(new Unit(Source.of(kind, file.path(), snippet), snippet, keys));
            }
        }
        Map<String, Manifest> workspaces = new TreeMap<>(context.workspaceManifests());
        List<Manifest> manifests = new ArrayList<>();
        manifests.add(context.manifest());
        manifests.addAll(workspaces.values());
        for (Manifest manifest : manifests) {
            for (Script script : manifest.scripts()) {
                Location at = script.location();
                ShellSnippet snippet = new ShellSnippet(limits.bound(script.command()), Math.max(1, at.line()), false);
                Source source = new Source(CiFileKind.PACKAGE_SCRIPT, at.file(),
                        "script \"" + script.name() + "\" of " + at.file(), snippet.line(), false, false);
                List<String> keys = manifest == context.manifest() ? List.of(CiEntries.scriptKey(script.name())) : List.of();
                units.add(new Unit(source, snippet, keys));
            }
        }
        return units;
    }

    /**
     * The entry points that CI jobs and image builds reach, directly or through one another: a Makefile target
     * (and its prerequisites), a root script, a root package.json script.
     */
    private Set<String> calledByBuild(List<Unit> units, CiEntries entries) {
        Map<String, List<Unit>> byKey = new HashMap<>();
        for (Unit unit : units) {
            for (String key : unit.entryKeys()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(unit);
            }
        }
        Set<String> called = new HashSet<>();
        Deque<Unit> work = new ArrayDeque<>();
        units.stream().filter(u -> u.source().build()).forEach(work::add);
        Set<Unit> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!work.isEmpty()) {
            Unit unit = work.pop();
            if (!seen.add(unit)) {
                continue;
            }
            for (Command command : ShellSplitter.flatten(split(unit))) {
                Deque<String> keys = new ArrayDeque<>(entries.called(CommandWords.effective(command.words())));
                while (!keys.isEmpty()) {
                    String key = keys.pop();
                    if (called.add(key)) {
                        work.addAll(byKey.getOrDefault(key, List.of()));
                        keys.addAll(entries.prerequisites(key));
                    }
                }
            }
        }
        return called;
    }

    private List<Pipeline> split(Unit unit) {
        return ShellSplitter.split(unit.snippet().text(), unit.snippet().line(), limits.maxNesting());
    }

    private void scan(List<Pipeline> pipelines, Source source, RuntimeResolution runners, int depth,
                      Set<Finding> findings) {
        for (Pipeline pipeline : pipelines) {
            Command download = PipeToShell.piped(pipeline);
            if (download != null) {
                findings.add(Finding.of(PIPE_TO_SHELL, null, null, pipeToShellMessage(pipeline, source),
                        source.at(download)));
            }
            for (Command command : pipeline.commands()) {
                List<String> words = CommandWords.effective(command.words());
                for (RuntimeResolution.Hit hit : runners.find(words)) {
                    findings.add(Finding.of(RUNTIME_RESOLUTION, hit.name(), hit.version(),
                            runtimeMessage(hit, words, source), source.at(command)));
                }
                UnfrozenInstall.Hit install = source.build() ? UnfrozenInstall.find(words) : null;
                if (install != null) {
                    findings.add(Finding.of(UNFROZEN_INSTALL, install.unpinnedGlobal(), null,
                            installMessage(install, words, source), source.at(command)));
                }
                if (PipeToShell.substituted(command)) {
                    findings.add(Finding.of(PIPE_TO_SHELL, null, null,
                            "`" + quote(words) + "` in " + source.where() + " executes a script downloaded at run "
                                    + "time, unpinned and unverified.", source.at(command)));
                }
                scan(command.nested(), source, runners, depth + 1, findings);
                if (depth < limits.maxNesting()) {
                    Source inner = new Source(source.kind(), source.file(), source.where(), source.at(command).line(),
                            false, source.build());
                    for (String script : CommandWords.innerScripts(words)) {
                        scan(ShellSplitter.split(limits.bound(script), inner.line(), limits.maxNesting()), inner,
                                runners, depth + 1, findings);
                    }
                }
            }
        }
    }

    private static String runtimeMessage(RuntimeResolution.Hit hit, List<String> words, Source source) {
        String run = "`" + quote(words) + "` in " + source.where();
        String pkg = hit.version() == null ? hit.name() : hit.name() + "@" + hit.version();
        return switch (hit.problem()) {
            case NOT_LOCKED -> run + " runs " + pkg + ", which is not a locked dependency of the project: "
                    + hit.tool() + " downloads it from the registry at run time, unpinned and without the lockfile's "
                    + "integrity check.";
            case VERSION_NOT_LOCKED -> run + " runs " + pkg + ", a version the lockfile does not hold: " + hit.tool()
                    + " downloads it at run time without the lockfile's integrity check.";
            case FLOATING -> run + " runs " + hit.name() + " at '" + hit.version() + "', which the registry resolves "
                    + "when the command runs: each run may execute a different, unreviewed release.";
            case REMOTE -> run + " runs code fetched from " + hit.name() + " at run time, outside the registry and "
                    + "the lockfile.";
            case IGNORES_LOCKFILE -> run + " downloads " + pkg + " at run time: " + hit.tool() + " never uses the "
                    + "project's locked copy, so whatever the registry serves now runs.";
        };
    }

    private static String installMessage(UnfrozenInstall.Hit hit, List<String> words, Source source) {
        String run = "`" + quote(words) + "` in " + source.where();
        if (hit.unpinnedGlobal() != null) {
            return run + " installs " + hit.unpinnedGlobal() + " globally at whatever version the registry serves "
                    + "now, not an exact pinned version.";
        }
        String base = run + " installs without enforcing the lockfile: " + hit.tool() + " may resolve versions the "
                + "lockfile does not hold and rewrite it, so the build uses dependencies nobody reviewed.";
        return hit.defaultFrozenInCi()
                ? base + " Its lockfile is frozen by default only when CI=true is set; say so explicitly."
                : base;
    }

    private static String pipeToShellMessage(Pipeline pipeline, Source source) {
        List<String> parts = new ArrayList<>();
        for (Command command : pipeline.commands()) {
            parts.add(String.join(" ", CommandWords.effective(command.words())));
        }
        return "`" + cut(String.join(" | ", parts)) + "` in " + source.where() + " pipes a download straight into an "
                + "interpreter: the script runs unpinned and unverified.";
    }

    private static String quote(List<String> words) {
        return cut(String.join(" ", words));
    }

    private static String cut(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= MAX_QUOTED_COMMAND ? oneLine : oneLine.substring(0, MAX_QUOTED_COMMAND - 1) + "…";
    }
}
