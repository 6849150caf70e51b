package dev.portcullis.shell;

import dev.portcullis.shell.ShellSplitter.Command;
import dev.portcullis.shell.ShellSplitter.Pipeline;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a download executed as it arrives: piped into a shell or interpreter ({@code curl … | sh},
 * {@code iwr … | iex}), or handed to one by substitution ({@code bash <(curl …)}, {@code sh -c "$(curl …)"},
 * {@code eval "$(wget -qO- …)"}, {@code iex (iwr …)}). An interpreter given its own script ({@code | python
 * parse.py}, {@code | node -e "…"}) reads the download as data and is not reported.
 */
public final class PipeToShell {
    private static final Set<String> DOWNLOADERS = Set.of("curl", "wget", "iwr", "invoke-webrequest", "irm",
            "invoke-restmethod");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "fish");
    private static final Pattern INTERPRETER = Pattern.compile(
            "node|nodejs|python[0-9.]*|perl|ruby|php|pwsh|powershell|deno|bun");
    private static final Set<String> POWERSHELL_EVAL = Set.of("iex", "invoke-expression");
    private static final Set<String> SOURCE = Set.of("source", ".", "eval");
    /** Options that give an interpreter its program inline, so stdin is data. */
    private static final Set<String> INLINE_PROGRAM = Set.of("-c", "-e", "-p", "--eval", "--print", "-m", "-r",
            "-command", "-file", "-f");
    private static final Set<String> VALUE_OPTIONS = Set.of("-o", "-O", "+o", "-W", "-X", "--require", "--import",
            "--loader");

    private PipeToShell() {
    }

    /** The downloading command of a pipeline that feeds it to an interpreter, or null. */
    public static Command piped(Pipeline pipeline) {
        List<Command> commands = pipeline.commands();
        for (int i = 0; i < commands.size(); i++) {
            List<String> words = CommandWords.effective(commands.get(i).words());
            if (!downloadsToStdout(words)) {
                continue;
            }
            for (int j = i + 1; j < commands.size(); j++) {
                if (executesStdin(CommandWords.effective(commands.get(j).words()))) {
                    return commands.get(i);
                }
            }
        }
        return null;
    }

    /** Whether this command runs a download given to it by command or process substitution. */
    public static boolean substituted(Command command) {
        List<String> words = CommandWords.effective(command.words());
        if (words.isEmpty() || command.nested().isEmpty()) {
            return false;
        }
        String program = CommandWords.program(words.get(0));
        if (POWERSHELL_EVAL.contains(program)) {
            return anyDownload(command.nested()) || mentionsDownloadString(command);
        }
        if (!SOURCE.contains(program) && !SHELLS.contains(program) && !INTERPRETER.matcher(program).matches()) {
            return false;
        }
        String script = scriptWord(words, SOURCE.contains(program), SHELLS.contains(program));
        return script != null && (script.contains("$(") || script.contains("<(") || script.contains("`"))
                && anyDownload(command.nested());
    }

    /** The word an interpreter runs: after {@code -c}/{@code -e}, else its first operand; any word for eval. */
    private static String scriptWord(List<String> words, boolean anyWord, boolean shell) {
        if (anyWord) {
            return String.join(" ", words.subList(1, words.size()));
        }
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            String lower = word.toLowerCase(Locale.ROOT);
            if (shell ? isShellCommandFlag(word) : INLINE_PROGRAM.contains(lower)) {
                return i + 1 < words.size() ? words.get(i + 1) : null;
            }
            if (VALUE_OPTIONS.contains(word)) {
                i++;
            } else if (!word.startsWith("-") && !word.startsWith("+")) {
                return word;
            }
        }
        return null;
    }

    private static boolean isShellCommandFlag(String word) {
        return word.startsWith("-") && !word.startsWith("--") && word.indexOf('c') > 0;
    }

    private static boolean anyDownload(List<Pipeline> pipelines) {
        for (Pipeline pipeline : pipelines) {
            for (Command command : pipeline.commands()) {
                if (downloadsToStdout(CommandWords.effective(command.words())) || anyDownload(command.nested())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** PowerShell's {@code (New-Object Net.WebClient).DownloadString('…')}. */
    private static boolean mentionsDownloadString(Command command) {
        for (String word : command.words()) {
            if (word.toLowerCase(Locale.ROOT).contains("downloadstring")) {
                return true;
            }
        }
        for (Pipeline pipeline : command.nested()) {
            for (Command inner : pipeline.commands()) {
                if (mentionsDownloadString(inner)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** curl writes to stdout unless told {@code -o file}/{@code -O}; wget only when told {@code -O -}. */
    public static boolean downloadsToStdout(List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        String program = CommandWords.program(words.get(0));
        if (!DOWNLOADERS.contains(program)) {
            return false;
        }
        return switch (program) {
            case "curl" -> curlToStdout(words);
            case "wget" -> wgetToStdout(words);
            default -> true;
        };
    }

    private static boolean curlToStdout(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("-O") || word.equals("--remote-name") || word.equals("--remote-name-all")) {
                return false;
            }
            String value = null;
            if (word.equals("--output") || word.equals("-o")) {
                value = i + 1 < words.size() ? words.get(i + 1) : "";
            } else if (word.startsWith("--output=")) {
                value = word.substring("--output=".length());
            } else if (word.startsWith("-") && !word.startsWith("--")) {
                int o = word.indexOf('o');
                if (word.indexOf('O') > 0) {
                    return false;
                }
                if (o > 0) {
                    value = o + 1 < word.length() ? word.substring(o + 1) : (i + 1 < words.size() ? words.get(i + 1) : "");
                }
            }
            if (value != null && !value.equals("-")) {
                return false;
            }
        }
        return true;
    }

    private static boolean wgetToStdout(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            String value = null;
            if (word.equals("--output-document")) {
                value = i + 1 < words.size() ? words.get(i + 1) : "";
            } else if (word.startsWith("--output-document=")) {
                value = word.substring("--output-document=".length());
            } else if (word.startsWith("-") && !word.startsWith("--")) {
                int o = word.indexOf('O');
                if (o > 0) {
                    value = o + 1 < word.length() ? word.substring(o + 1) : (i + 1 < words.size() ? words.get(i + 1) : "");
                }
            }
            if ("-".equals(value) || "/dev/stdout".equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** A shell or interpreter that takes its program from stdin: no script operand, no inline program. */
    public static boolean executesStdin(List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        String program = CommandWords.program(words.get(0));
        if (POWERSHELL_EVAL.contains(program)) {
            return true;
        }
        boolean shell = SHELLS.contains(program);
        if (!shell && !INTERPRETER.matcher(program).matches()) {
            return false;
        }
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            String lower = word.toLowerCase(Locale.ROOT);
            if (word.equals("-") || shell && word.startsWith("-") && !word.startsWith("--") && word.indexOf('s') > 0) {
                return true;
            }
            if (word.equals("--")) {
                return false;
            }
            if (shell ? isShellCommandFlag(word) : INLINE_PROGRAM.contains(lower)) {
                return false;
            }
            if (VALUE_OPTIONS.contains(word)) {
                i++;
            } else if (!word.startsWith("-") && !word.startsWith("+")) {
                return false;
            }
        }
        return true;
    }
}
