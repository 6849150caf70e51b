package dev.portcullis.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a simple command really runs: its words without leading assignments, shell keywords and the wrappers
 * that only set up the environment ({@code sudo}, {@code env}, {@code cross-env}, {@code time}, {@code nohup},
 * {@code nice}, {@code timeout}, {@code dotenv --}), and the command strings it hands to another shell
 * ({@code sh -c "…"}, {@code pwsh -Command "…"}, {@code concurrently "…" "…"}).
 */
public final class CommandWords {
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    private static final Set<String> PREFIX_KEYWORDS = Set.of("if", "then", "else", "elif", "do", "while", "until",
            "!", "{", "time", "exec", "nohup", "command", "builtin", "noglob");
    /** Words after these are not commands: loop headers, case patterns, function names, block ends. */
    private static final Set<String> NOT_COMMANDS = Set.of("for", "select", "case", "esac", "function", "fi", "done", "}");
    private static final Set<String> SUDO_VALUE_OPTIONS = Set.of("-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T");
    private static final Set<String> ENV_VALUE_OPTIONS = Set.of("-u", "--unset", "-C", "--chdir");
    private static final Set<String> POSIX_SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "fish");
    private static final Set<String> CONCURRENTLY_VALUE_OPTIONS = Set.of("-n", "--names", "-c", "--prefix-colors",
            "-p", "--prefix", "-l", "--prefix-length", "-t", "--timestamp-format", "-m", "--max-processes",
            "--restart-tries", "--restart-after", "-s", "--success", "--default-input-target");

    private CommandWords() {
    }

    /** The program name of a word: without directories and Windows' {@code .cmd}/{@code .exe}, lower case. */
    public static String program(String word) {
        String name = word.substring(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT);
        if (name.endsWith(".cmd") || name.endsWith(".exe") || name.endsWith(".ps1")) {
            name = name.substring(0, name.length() - 4);
        }
        return name;
    }

    /** The words from the program that really runs on; empty when the words are not a command. */
    public static List<String> effective(List<String> words) {
        int i = 0;
        while (i < words.size()) {
            String word = words.get(i);
            String program = program(word);
            if (ASSIGNMENT.matcher(word).matches() || PREFIX_KEYWORDS.contains(word)) {
                i++;
            } else if (NOT_COMMANDS.contains(word)) {
                return List.of();
            } else if (program.equals("sudo") || program.equals("doas")) {
                i = skipOptions(words, i + 1, SUDO_VALUE_OPTIONS);
            } else if (program.equals("env")) {
                i = skipOptions(words, i + 1, ENV_VALUE_OPTIONS);
            } else if (program.equals("cross-env") || program.equals("nohup") || program.equals("time")) {
                i = skipOptions(words, i + 1, Set.of());
            } else if (program.equals("nice")) {
                i = skipOptions(words, i + 1, Set.of("-n", "--adjustment"));
            } else if (program.equals("timeout")) {
                i = skipOptions(words, i + 1, Set.of("-s", "--signal", "-k", "--kill-after")) + 1;
            } else if (program.equals("dotenv")) {
                int dashes = words.indexOf("--");
                if (dashes <= i) {
                    return List.of();
                }
                i = dashes + 1;
            } else {
                return words.subList(i, words.size());
            }
        }
        return List.of();
    }

    private static int skipOptions(List<String> words, int from, Set<String> valueOptions) {
        int i = from;
        while (i < words.size()) {
            String word = words.get(i);
            if (word.equals("--")) {
                return i + 1;
            }
            if (!word.startsWith("-") || word.length() == 1) {
                return i;
            }
            i += valueOptions.contains(word) ? 2 : 1;
        }
        return i;
    }

    /**
     * The command strings this command runs through another shell: the script of {@code sh -c}, {@code bash -lc},
     * {@code pwsh -Command}, and the commands of {@code concurrently}.
     */
    public static List<String> innerScripts(List<String> effective) {
        if (effective.isEmpty()) {
            return List.of();
        }
        String program = program(effective.get(0));
        List<String> out = new ArrayList<>();
        if (POSIX_SHELLS.contains(program)) {
            for (int i = 1; i < effective.size(); i++) {
                String word = effective.get(i);
                if (!word.startsWith("-") || word.startsWith("--")) {
                    if (word.equals("--")) {
                        continue;
                    }
                    break;
                }
                if (word.indexOf('c') > 0 && i + 1 < effective.size()) {
                    out.add(effective.get(i + 1));
                    break;
                }
            }
        } else if (program.equals("pwsh") || program.equals("powershell")) {
            for (int i = 1; i + 1 < effective.size(); i++) {
                String word = effective.get(i).toLowerCase(Locale.ROOT);
                if (word.equals("-c") || word.equals("-command")) {
                    out.add(String.join(" ", effective.subList(i + 1, effective.size())));
                    break;
                }
            }
        } else if (program.equals("concurrently")) {
            for (int i = 1; i < effective.size(); i++) {
                String word = effective.get(i);
                if (CONCURRENTLY_VALUE_OPTIONS.contains(word)) {
                    i++;
                } else if (!word.startsWith("-")) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    /** Index of the first word from {@code from} on that is not an option, skipping values of {@code valueOptions}. */
    public static int firstPositional(List<String> words, int from, Set<String> valueOptions) {
        int i = from;
        while (i < words.size()) {
            String word = words.get(i);
            if (!word.startsWith("-") || word.equals("-")) {
                return i;
            }
            i += valueOptions.contains(word) ? 2 : 1;
        }
        return -1;
    }
}
