package dev.portcullis.js;

import dev.portcullis.shell.CommandWords;
import dev.portcullis.shell.PipeToShell;
import dev.portcullis.shell.ShellSplitter;
import dev.portcullis.shell.ShellSplitter.Command;
import dev.portcullis.shell.ShellSplitter.Pipeline;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts of shell command lines: package.json scripts, the lines of .sh/.bat/.cmd/.ps1 files, and constant commands
 * JavaScript hands to {@code child_process}. The text is split by {@link ShellSplitter} (quotes, pipes,
 * substitutions, {@code sh -c} scripts) and each simple command is judged by the program it really runs
 * ({@link CommandWords#effective}). Inline JavaScript ({@code node -e}) is analysed by the JavaScript extractor
 * and its facts get the command's line.
 */
public final class CommandFacts {
    /** Substitutions nested deeper than this are not split (the splitter's own bound). */
    private static final int MAX_SPLIT_NESTING = 8;
    private static final Set<String> DOWNLOADERS = Set.of("curl", "wget", "iwr", "invoke-webrequest", "irm",
            "invoke-restmethod", "start-bitstransfer", "aria2c", "fetch");
    private static final Set<String> NODE = Set.of("node", "nodejs");
    private static final Set<String> NODE_INLINE = Set.of("-e", "--eval", "-p", "--print", "-pe", "-ep");
    private static final Set<String> NODE_VALUE_OPTIONS = Set.of("-r", "--require", "--import", "--loader",
            "--experimental-loader", "-C", "--conditions", "--title", "--env-file", "--max-old-space-size",
            "--input-type", "--stack-size");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "fish");
    private static final Set<String> SCRIPTING = Set.of("python", "python3", "python2", "perl", "ruby", "php");
    private static final Set<String> PACKAGE_MANAGERS = Set.of("npm", "pnpm", "yarn", "bun", "cnpm");
    private static final Set<String> RUNTIMES = Set.of("bun", "deno");
    private static final Set<String> ENV_DUMPS = Set.of("env", "printenv", "set", "export");
    /** Windows' {@code start} options, {@code /D dir} being the one with a value. */
    private static final Pattern START_OPTION = Pattern.compile("(?i)/(?:b|min|max|wait|i|low|normal|high|realtime"
            + "|abovenormal|belownormal|node|affinity|separate|shared|d.*)");
    /** A batch file or a Windows program, which cmd and {@code start} look for in the current directory first. */
    private static final Pattern WINDOWS_RUNNABLE = Pattern.compile("(?i).+\\.(?:bat|cmd|exe|com)");
    /** Programs every Windows machine or Node.js install has: {@code npm.cmd install} runs npm, not a file. */
    private static final Set<String> WINDOWS_TOOLS = Set.of("cmd", "powershell", "pwsh", "certutil", "bitsadmin",
            "regsvr32", "rundll32", "reg", "taskkill", "tasklist", "msiexec", "wscript", "cscript", "where", "setx",
            "timeout", "schtasks", "sc", "net", "netsh", "git", "npx", "curl", "wget", "tar", "explorer", "mshta");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp)://[^\\s'\"`()<>|;]+");
    private static final Pattern RUNTIME_INSTALLER = Pattern.compile(
            "(?i)\\b(bun)\\.sh/install|\\b(deno)\\.(?:land|com)/(?:x/)?install");
    private static final Pattern WORDS = Pattern.compile(
            "^\\s*(?:sudo\\s+)?(?:curl|wget|sh|bash|zsh|powershell|pwsh|cmd|rm|del|cat|npm|npx|node|python3?|chmod|"
                    + "iwr|iex|invoke-webrequest|invoke-expression|certutil|bitsadmin|env|printenv|gh|git|trufflehog)(?:\\.exe)?\\s",
            Pattern.CASE_INSENSITIVE);

    private CommandFacts() {
    }

    /**
     * The facts of one command line, in order of appearance; never throws.
     *
     * @param command the command text (may hold several commands joined by {@code &&}, {@code ;}, newlines …)
     * @param line    the 1-based line the command is on, given to every fact (a newline inside a package.json
     *                script does not move its facts off the script's line)
     */
    public static List<Fact> command(String command, int line, JsOptions options) {
        FactSink sink = new FactSink(options);
        try {
            analyse(command, line, 0, sink, 1);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug must not stop the analysis of a package: the command is reported as not fully read.
            sink.add(FactKind.UNPARSABLE, line, "internal-error", String.valueOf(e), 0);
        }
        return sink.facts();
    }

    /** Whether decoded text reads like a shell command worth analysing as one. */
    static boolean looksLikeCommand(String text) {
        return text.length() < 64 * 1024 && WORDS.matcher(text).find();
    }

    /** A word quoted for the shell splitter, so that a constant argument array becomes one command line. */
    static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:=@%+,~".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Analyses {@code text} whose first line is {@code line}, its facts at {@code depth}. At {@code level} 0 (a
     * script file, a package.json script) each fact gets the line of its command; above 0 (a command inside
     * JavaScript or inside another command) every fact gets {@code line}.
     */
    static void analyse(String text, int line, int depth, FactSink sink, int level) {
        analyse(text, line, depth, sink, level, false);
    }

    /**
     * As {@link #analyse(String, int, int, FactSink, int)}; {@code windows}: the text is for cmd or PowerShell, where
     * a backslash separates directories instead of escaping ({@code cmd /c %TEMP%\sdd.bat}). The splitter reads POSIX
     * shell, so each backslash is doubled to reach the words as written.
     */
    static void analyse(String text, int line, int depth, FactSink sink, int level, boolean windows) {
        if (windows) {
            text = text.replace("\\", "\\\\");
        }
        if (!sink.enter()) {
            return;
        }
        try {
            List<Pipeline> pipelines = ShellSplitter.split(text, Math.max(1, line), MAX_SPLIT_NESTING);
            new Walk(sink, depth, level > 0 ? line : 0).pipelines(pipelines, false);
        } finally {
            sink.exit();
        }
    }

    /** One walk over the pipelines of a text. */
    private record Walk(FactSink sink, int depth, int fixedLine) {

        private int line(Command command) {
            return fixedLine > 0 ? fixedLine : command.line();
        }

        private void add(FactKind kind, Command command, String detail) {
            sink.add(kind, line(command), detail, String.join(" ", command.words()), depth);
        }

        void pipelines(List<Pipeline> pipelines, boolean substituted) {
            for (Pipeline pipeline : pipelines) {
                List<Command> commands = pipeline.commands();
                Command download = PipeToShell.piped(pipeline);
                if (download != null) {
                    add(FactKind.PIPE_TO_SHELL, download, interpreter(commands));
                }
                for (int k = 0; k < commands.size(); k++) {
                    Command command = commands.get(k);
                    boolean sent = substituted || k + 1 < commands.size();
                    command(command, sent);
                    pipelines(command.nested(), true);
                }
            }
        }

        private static String interpreter(List<Command> commands) {
            for (Command c : commands) {
                List<String> words = CommandWords.effective(c.words());
                if (PipeToShell.executesStdin(words)) {
                    return CommandWords.program(words.get(0));
                }
            }
            return "";
        }

        private void command(Command command, boolean sent) {
            List<String> raw = command.words();
            if (raw.isEmpty()) {
                return;
            }
            envDump(command, raw, sent);
            List<String> words = CommandWords.effective(raw);
            if (PipeToShell.substituted(command)) {
                add(FactKind.PIPE_TO_SHELL, command, words.isEmpty() ? "" : CommandWords.program(words.get(0)));
            }
            for (String word : raw) {
                strings(command, word);
            }
            if (words.isEmpty()) {
                return;
            }
            String program = CommandWords.program(words.get(0));
            if (program.equals("start")) {
                start(command, words, sent);
                return;
            }
            download(command, words, program);
            runtimeInstall(command, words, program);
            destructive(command, words, program);
            interpreters(command, words, program);
            if (PACKAGE_MANAGERS.contains(program) && words.size() > 1) {
                packageManager(command, words, program);
            }
            if (program.equals("gh") && words.contains("auth") && words.contains("token")) {
                add(FactKind.SENSITIVE_PATH, command, "github-token");
            }
            if (program.equals("trufflehog") || program.equals("gitleaks")) {
                add(FactKind.SENSITIVE_PATH, command, "secret-scanner");
            }
            String first = words.get(0);
            if ((first.startsWith("./") || first.startsWith(".\\")) && !first.equals("./")) {
                add(FactKind.RUNS_FILE, command, normalisePath(first));
            } else if (WINDOWS_RUNNABLE.matcher(first).matches() && !knownProgram(program)) {
                // cmd runs x.bat and x.exe from the current directory, the package root at install time
                add(FactKind.RUNS_FILE, command, normalisePath(first));
            }
        }

        private static boolean knownProgram(String program) {
            return WINDOWS_TOOLS.contains(program) || NODE.contains(program) || SHELLS.contains(program)
                    || SCRIPTING.contains(program) || PACKAGE_MANAGERS.contains(program) || RUNTIMES.contains(program)
                    || DOWNLOADERS.contains(program);
        }

        /**
         * Windows' {@code start [/B] ["title"] program args}: the program after the options and the title is the
         * command that runs ({@code start /B node x.js}, {@code start "" x.bat}). The title is the first quoted word;
         * after splitting, quotes are gone, so an empty word or one with a space is read as the title (a quoted path
         * with spaces is a title to cmd too).
         */
        private void start(Command command, List<String> words, boolean sent) {
            int k = 1;
            while (k < words.size() && START_OPTION.matcher(words.get(k)).matches()) {
                k += words.get(k).equalsIgnoreCase("/d") ? 2 : 1;
            }
            if (k < words.size() && (words.get(k).isEmpty() || words.get(k).contains(" "))) {
                k++;
            }
            if (k < words.size()) {
                command(new Command(words.subList(k, words.size()), command.line(), List.of()), sent);
            }
        }

        /** {@code env}, {@code printenv}, {@code set}, {@code gci env:} whose output goes to another command. */
        private void envDump(Command command, List<String> raw, boolean sent) {
            String program = CommandWords.program(raw.get(0));
            boolean bare = raw.size() == 1 || raw.size() == 2 && raw.get(1).startsWith("-") && !program.equals("set");
            boolean dump = ENV_DUMPS.contains(program) && bare && !(program.equals("export") && raw.size() > 1);
            if (Set.of("gci", "get-childitem", "dir", "ls").contains(program) && raw.size() == 2
                    && raw.get(1).toLowerCase(Locale.ROOT).startsWith("env:")) {
                dump = true;
            }
            if (dump && sent) {
                add(FactKind.ENV_BULK, command, program);
            }
        }

        /** Sensitive locations and rule patterns in any word; URLs of runtime installers. */
        private void strings(Command command, String word) {
            for (String category : SensitiveStrings.categories(word)) {
                add(FactKind.SENSITIVE_PATH, command, category);
            }
            if (SensitiveStrings.geoIp(word)) {
                add(FactKind.LOCALE_CHECK, command, "geo-ip");
            }
            for (StringPattern p : sink.options().matching(word)) {
                add(FactKind.STRING_MATCH, command, p.name());
            }
            Matcher m = RUNTIME_INSTALLER.matcher(word);
            if (m.find()) {
                add(FactKind.RUNTIME_INSTALL, command, m.group(1) != null ? "bun" : "deno");
            }
        }

        private void download(Command command, List<String> words, String program) {
            String joined = String.join(" ", words);
            String lower = joined.toLowerCase(Locale.ROOT);
            boolean downloads = DOWNLOADERS.contains(program)
                    || program.equals("certutil") && lower.contains("-urlcache")
                    || program.equals("bitsadmin") && lower.contains("/transfer")
                    || lower.contains("downloadstring") || lower.contains("downloadfile")
                    || lower.contains("net.webclient") || lower.contains("invoke-webrequest");
            if (downloads) {
                Matcher url = URL.matcher(joined);
                add(FactKind.DOWNLOAD, command, url.find() ? url.group() : "");
            }
        }

        private void runtimeInstall(Command command, List<String> words, String program) {
            if (program.equals("npx") || program.equals("bunx") || program.equals("pnpx")) {
                int target = CommandWords.firstPositional(words, 1, Set.of("-p", "--package"));
                String name = target < 0 ? "" : words.get(target).replaceFirst("(?<=.)@[^/]*$", "");
                if (RUNTIMES.contains(name)) {
                    add(FactKind.RUNTIME_INSTALL, command, name);
                }
            }
            if (Set.of("brew", "scoop", "winget", "choco", "apt", "apt-get").contains(program) && words.contains("install")) {
                for (String word : words) {
                    if (RUNTIMES.contains(word.toLowerCase(Locale.ROOT).replaceFirst("^oven-sh/bun/", ""))) {
                        add(FactKind.RUNTIME_INSTALL, command, word.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }

        private void packageManager(Command command, List<String> words, String program) {
            String verb = words.get(1);
            int at = 1;
            if (program.equals("yarn") && verb.equals("npm") && words.size() > 2) {
                verb = words.get(2);
                at = 2;
            }
            if (verb.equals("publish")) {
                add(FactKind.NPM_PUBLISH, command, program + " publish");
                return;
            }
            boolean install = Set.of("i", "install", "add", "in", "isntall").contains(verb);
            boolean global = words.contains("-g") || words.contains("--global") || program.equals("yarn") && verb.equals("global");
            if (install || global) {
                for (int k = at + 1; k < words.size(); k++) {
                    String name = words.get(k).replaceFirst("(?<=.)@[^/]*$", "");
                    if (RUNTIMES.contains(name)) {
                        add(FactKind.RUNTIME_INSTALL, command, name);
                    }
                }
            }
        }

        /** {@code rm -rf} of something outside the package, {@code del /s}, {@code rd /s}, {@code Remove-Item -Recurse}. */
        private void destructive(Command command, List<String> words, String program) {
            switch (program) {
                case "rm", "remove-item", "ri", "rimraf", "shred" -> {
                    boolean recursive = program.equals("rimraf") || program.equals("shred");
                    String target = null;
                    for (int k = 1; k < words.size(); k++) {
                        String w = words.get(k);
                        String lower = w.toLowerCase(Locale.ROOT);
                        if (w.startsWith("--")) {
                            recursive |= w.equals("--recursive");
                        } else if (w.startsWith("-") && w.length() > 1) {
                            recursive |= w.indexOf('r') > 0 || w.indexOf('R') > 0 || lower.equals("-recurse");
                        } else if (target == null || outside(w)) {
                            target = w;
                        }
                    }
                    if (recursive && target != null && outside(target)) {
                        add(FactKind.FS_DESTRUCTIVE, command, program + " -r " + target);
                    }
                }
                case "del", "erase", "rd", "rmdir" -> {
                    for (String w : words) {
                        if (w.equalsIgnoreCase("/s")) {
                            add(FactKind.FS_DESTRUCTIVE, command, program + " /s");
                            return;
                        }
                    }
                }
                case "format", "mkfs", "diskpart" -> add(FactKind.FS_DESTRUCTIVE, command, program);
                default -> {
                    // not destructive
                }
            }
        }

        /** A path outside the package directory: home, root, a drive, a parent, or a variable naming one. */
        private static boolean outside(String path) {
            String p = path.toLowerCase(Locale.ROOT);
            return p.startsWith("~") || p.startsWith("/") || p.startsWith("$home") || p.startsWith("${home")
                    || p.startsWith("%userprofile%") || p.startsWith("%homepath%") || p.startsWith("%appdata%")
                    || p.startsWith("$env:") || p.startsWith("..") || p.matches("^[a-z]:[\\\\/].*") || p.equals("*")
                    || p.equals("/*");
        }

        /** node/python/shell with inline code or with a file of the package. */
        private void interpreters(Command command, List<String> words, String program) {
            if (NODE.contains(program) || program.equals("bun") || program.equals("deno")) {
                javascript(command, words, program);
            } else if (SHELLS.contains(program) || program.equals("pwsh") || program.equals("powershell")
                    || program.equals("cmd")) {
                shell(command, words, program);
            } else if (SCRIPTING.contains(program)) {
                for (int k = 1; k < words.size(); k++) {
                    String w = words.get(k);
                    if (w.equals("-c") || w.equals("-e") || w.equals("-r")) {
                        add(FactKind.INLINE_CODE, command, program);
                        return;
                    }
                    if (!w.startsWith("-")) {
                        add(FactKind.RUNS_FILE, command, normalisePath(w));
                        return;
                    }
                }
            }
        }

        private void javascript(Command command, List<String> words, String program) {
            int k = 1;
            if (program.equals("deno") || program.equals("bun")) {
                if (words.size() > 1 && words.get(1).equals("eval") && words.size() > 2) {
                    inlineJs(command, program, words.get(words.size() - 1));
                    return;
                }
                if (words.size() > 1 && (words.get(1).equals("run") || words.get(1).equals("x"))) {
                    k = 2;
                }
            }
            for (; k < words.size(); k++) {
                String w = words.get(k);
                if (NODE_INLINE.contains(w)) {
                    if (k + 1 < words.size()) {
                        inlineJs(command, program, words.get(k + 1));
                    }
                    return;
                }
                if (w.startsWith("--eval=") || w.startsWith("--print=")) {
                    inlineJs(command, program, w.substring(w.indexOf('=') + 1));
                    return;
                }
                if (NODE_VALUE_OPTIONS.contains(w)) {
                    k++;
                } else if (!w.startsWith("-")) {
                    if (program.equals("bun") || program.equals("deno")) {
                        if (!w.matches(".*\\.(?:[cm]?js|[cm]?ts|jsx|tsx)$") && !w.startsWith("./")) {
                            return;
                        }
                    }
                    add(FactKind.RUNS_FILE, command, normalisePath(w));
                    return;
                }
            }
        }

        private void inlineJs(Command command, String program, String code) {
            add(FactKind.INLINE_CODE, command, program);
            if (!sink.enter()) {
                return;
            }
            try {
                new JsAnalyzer(new JsLexer(code), sink, depth, line(command)).run();
            } finally {
                sink.exit();
            }
        }

        private void shell(Command command, List<String> words, String program) {
            List<String> inner = CommandWords.innerScripts(words);
            if (program.equals("cmd")) {
                for (int k = 1; k < words.size(); k++) {
                    if (words.get(k).equalsIgnoreCase("/c") || words.get(k).equalsIgnoreCase("/k")) {
                        inner = List.of(String.join(" ", words.subList(k + 1, words.size())));
                        break;
                    }
                }
            }
            if (program.equals("pwsh") || program.equals("powershell")) {
                for (int k = 1; k + 1 < words.size(); k++) {
                    String w = words.get(k).toLowerCase(Locale.ROOT);
                    if (w.equals("-enc") || w.equals("-encodedcommand") || w.equals("-e") || w.equals("-ec")) {
                        byte[] bytes = Encodings.base64Bytes(words.get(k + 1));
                        if (bytes != null) {
                            String decoded = new String(bytes, StandardCharsets.UTF_16LE);
                            add(FactKind.INLINE_CODE, command, program);
                            sink.add(FactKind.ENCODED_PAYLOAD, line(command), "base64", decoded, depth);
                            // screened whole like a decoded literal, since splitting may cut a path in two
                            JsAnalyzer.screen(decoded, line(command), depth + 1, sink);
                            if (depth + 1 <= sink.limits().maxDecodeDepth()) {
                                analyse(decoded, line(command), depth + 1, sink, 1, true);
                            }
                        }
                        return;
                    }
                    if (w.equals("-file") || w.equals("-f")) {
                        add(FactKind.RUNS_FILE, command, normalisePath(words.get(k + 1)));
                        return;
                    }
                }
            }
            if (!inner.isEmpty()) {
                add(FactKind.INLINE_CODE, command, program);
                for (String script : inner) {
                    analyse(script, line(command), depth, sink, 1, program.equals("cmd"));
                }
                return;
            }
            if (SHELLS.contains(program)) {
                int k = CommandWords.firstPositional(words, 1, Set.of("-o", "+o"));
                if (k > 0) {
                    add(FactKind.RUNS_FILE, command, normalisePath(words.get(k)));
                }
            }
        }
    }

    /**
     * A path as the package root sees it: separators made {@code /}, {@code .} segments dropped and {@code ..}
     * resolved; a path that leaves the root keeps its leading {@code ..} segments, an absolute one stays absolute.
     */
    static String normalisePath(String path) {
        String p = path.replace('\\', '/');
        boolean absolute = p.startsWith("/");
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        int up = 0;
        for (String segment : p.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                } else if (!absolute) {
                    up++;
                }
            } else {
                parts.addLast(segment);
            }
        }
        StringBuilder out = new StringBuilder(absolute ? "/" : "");
        for (int k = 0; k < up; k++) {
            out.append("../");
        }
        out.append(String.join("/", parts));
        String result = out.toString();
        return result.isEmpty() ? "." : result.endsWith("/") && result.length() > 1 ? result.substring(0, result.length() - 1) : result;
    }
}
