package dev.portcullis.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell text into pipelines of simple commands, each an argument list with the line it starts on.
 *
 * <p>Hand-written because no maintained Java library tokenises POSIX shell. It understands what deciding
 * "which program runs with which arguments" needs: quotes and escapes, backslash-newline continuations,
 * comments, {@code && || ; & |} and newlines, {@code $(…)}, backticks, {@code <(…)}, subshells and
 * PowerShell's {@code iex (…)} (their commands become the {@code nested} pipelines of the command they
 * appear in), redirections (dropped with their targets) and here-documents (their bodies are data and
 * skipped). Words keep expansions ({@code $X}, {@code ${X}}, {@code $(…)}) as written. It never fails:
 * unbalanced quotes or parentheses end at the end of the text. One pass, so linear in the text;
 * recursion is bounded by {@code maxNesting}, deeper substitutions are skipped unparsed.
 */
public final class ShellSplitter {

    /**
     * One simple command.
     *
     * @param words its words, quotes removed, assignments and wrappers ({@code sudo}, {@code env}) included
     * @param line the 1-based line its first word is on
     * @param nested pipelines inside it: command and process substitutions, and subshells
     */
    public record Command(List<String> words, int line, List<Pipeline> nested) {
        public Command {
            words = List.copyOf(words);
            nested = List.copyOf(nested);
        }
    }

    /** Commands joined by {@code |}, in order. */
    public record Pipeline(List<Command> commands) {
        public Pipeline {
            commands = List.copyOf(commands);
        }
    }

    private final String s;
    private final int maxNesting;
    private int pos;
    private int line;
    private final List<String[]> pendingHeredocs = new ArrayList<>();

    private ShellSplitter(String text, int firstLine, int maxNesting) {
        this.s = text;
        this.line = firstLine;
        this.maxNesting = maxNesting;
    }

    /** The pipelines of {@code text}, whose first line is {@code firstLine} of its file. */
    public static List<Pipeline> split(String text, int firstLine, int maxNesting) {
        return new ShellSplitter(text, firstLine, maxNesting).list(0, '\0');
    }

    /** Every command of the pipelines, nested ones included, depth first in text order. */
    public static List<Command> flatten(List<Pipeline> pipelines) {
        List<Command> out = new ArrayList<>();
        for (Pipeline p : pipelines) {
            for (Command c : p.commands()) {
                out.add(c);
                out.addAll(flatten(c.nested()));
            }
        }
        return out;
    }

    /** Builds the current command: its words and nested pipelines. */
    private final class Builder {
        final List<String> words = new ArrayList<>();
        final List<Pipeline> nested = new ArrayList<>();
        final StringBuilder word = new StringBuilder();
        boolean inWord;
        boolean dropNextWord;
        int startLine = -1;

        void mark() {
            if (startLine < 0) {
                startLine = line;
            }
        }

        void append(char c) {
            mark();
            inWord = true;
            word.append(c);
        }

        void append(CharSequence text) {
            mark();
            inWord = true;
            word.append(text);
        }

        void endWord() {
            if (inWord) {
                if (dropNextWord) {
                    dropNextWord = false;
                } else {
                    words.add(word.toString());
                }
            }
            word.setLength(0);
            inWord = false;
        }

        boolean isEmpty() {
            return words.isEmpty() && nested.isEmpty() && !inWord;
        }

        Command build() {
            endWord();
            return new Command(words, startLine < 0 ? line : startLine, nested);
        }
    }

    /** Parses commands until {@code terminator} ({@code ')'}, {@code '`'}, or none at top level). */
    private List<Pipeline> list(int depth, char terminator) {
        List<Pipeline> out = new ArrayList<>();
        List<Command> pipe = new ArrayList<>();
        Builder cmd = new Builder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == terminator) {
                pos++;
                break;
            }
            switch (c) {
                case ' ', '\t', '\r' -> {
                    cmd.endWord();
                    pos++;
                }
                case '\n' -> {
                    cmd = endCommand(cmd, pipe);
                    endPipeline(pipe, out);
                    pos++;
                    line++;
                    skipHeredocs();
                }
                case '\\' -> escape(cmd);
                case '#' -> {
                    if (cmd.inWord) {
                        cmd.append(c);
                        pos++;
                    } else {
                        skipToEndOfLine();
                    }
                }
                case ';' -> {
                    cmd = endCommand(cmd, pipe);
                    endPipeline(pipe, out);
                    pos++;
                }
                case '&' -> {
                    if (peek(1) == '>') {
                        cmd.endWord();
                        pos += peek(2) == '>' ? 3 : 2;
                        cmd.dropNextWord = true;
                    } else {
                        cmd = endCommand(cmd, pipe);
                        endPipeline(pipe, out);
                        pos += peek(1) == '&' ? 2 : 1;
                    }
                }
                case '|' -> {
                    if (peek(1) == '|') {
                        cmd = endCommand(cmd, pipe);
                        endPipeline(pipe, out);
                        pos += 2;
                    } else {
                        cmd = endCommand(cmd, pipe);
                        pos += peek(1) == '&' ? 2 : 1;
                    }
                }
                case '<', '>' -> redirection(cmd, depth);
                case '(' -> {
                    cmd.mark();
                    cmd.endWord();
                    pos++;
                    cmd.nested.addAll(nested(depth, ')'));
                }
                case ')' -> {
                    cmd = endCommand(cmd, pipe);
                    pos++;
                }
                case '`' -> {
                    pos++;
                    substitution(cmd, depth, '`', pos - 1);
                }
                case '\'' -> singleQuoted(cmd);
                case '"' -> doubleQuoted(cmd, depth);
                case '$' -> dollar(cmd, depth);
                default -> {
                    cmd.append(c);
                    pos++;
                }
            }
        }
        endCommand(cmd, pipe);
        endPipeline(pipe, out);
        return out;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private Builder endCommand(Builder cmd, List<Command> pipe) {
        if (cmd.isEmpty()) {
            cmd.endWord();
            return cmd;
        }
        pipe.add(cmd.build());
        return new Builder();
    }

    private static void endPipeline(List<Command> pipe, List<Pipeline> out) {
        if (!pipe.isEmpty()) {
            out.add(new Pipeline(pipe));
            pipe.clear();
        }
    }

    private void escape(Builder cmd) {
        char next = peek(1);
        if (next == '\n') {
            line++;
            pos += 2;
        } else if (next == '\0' && pos + 1 >= s.length()) {
            pos++;
        } else {
            cmd.append(next);
            pos += 2;
        }
    }

    private void skipToEndOfLine() {
        while (pos < s.length() && s.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void singleQuoted(Builder cmd) {
        cmd.mark();
        cmd.inWord = true;
        pos++;
        while (pos < s.length() && s.charAt(pos) != '\'') {
            char c = s.charAt(pos++);
            if (c == '\n') {
                line++;
            }
            cmd.word.append(c);
        }
        pos++;
    }

    private void doubleQuoted(Builder cmd, int depth) {
        cmd.mark();
        cmd.inWord = true;
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\') {
                char next = peek(1);
                if (next == '\n') {
                    line++;
                    pos += 2;
                } else if (next == '$' || next == '`' || next == '"' || next == '\\') {
                    cmd.word.append(next);
                    pos += 2;
                } else {
                    cmd.word.append(c);
                    pos++;
                }
            } else if (c == '$') {
                dollar(cmd, depth);
            } else if (c == '`') {
                pos++;
                substitution(cmd, depth, '`', pos - 1);
            } else {
                if (c == '\n') {
                    line++;
                }
                cmd.word.append(c);
                pos++;
            }
        }
    }

    private void dollar(Builder cmd, int depth) {
        int start = pos;
        char next = peek(1);
        if (next == '(' && peek(2) == '(') {
            pos += 3;
            skipBalanced('(', ')', 2);
            cmd.append(s.substring(start, pos));
        } else if (next == '(') {
            pos += 2;
            substitution(cmd, depth, ')', start);
        } else if (next == '{') {
            pos += 2;
            skipBalanced('{', '}', 1);
            cmd.append(s.substring(start, pos));
        } else if (next == '\'') {
            pos += 2;
            cmd.mark();
            cmd.inWord = true;
            while (pos < s.length() && s.charAt(pos) != '\'') {
                char c = s.charAt(pos);
                if (c == '\\' && pos + 1 < s.length()) {
                    pos++;
                    c = s.charAt(pos);
                }
                if (c == '\n') {
                    line++;
                }
                cmd.word.append(c);
                pos++;
            }
            pos++;
        } else {
            cmd.append('$');
            pos++;
        }
    }

    /** A {@code $(…)} or backtick substitution starting at {@code start}; its text stays in the word. */
    private void substitution(Builder cmd, int depth, char close, int start) {
        cmd.mark();
        cmd.nested.addAll(nested(depth, close));
        cmd.append(s.substring(start, Math.min(pos, s.length())));
    }

    private List<Pipeline> nested(int depth, char close) {
        if (depth + 1 >= maxNesting) {
            if (close == ')') {
                skipBalanced('(', ')', 1);
            } else {
                while (pos < s.length() && s.charAt(pos) != close) {
                    if (s.charAt(pos) == '\n') {
                        line++;
                    }
                    pos++;
                }
                pos++;
            }
            return List.of();
        }
        return list(depth + 1, close);
    }

    /** Skips to just past the {@code open}/{@code close} pair that brings the count to zero, counting lines. */
    private void skipBalanced(char open, char close, int count) {
        int level = count;
        while (pos < s.length() && level > 0) {
            char c = s.charAt(pos++);
            if (c == open) {
                level++;
            } else if (c == close) {
                level--;
            } else if (c == '\n') {
                line++;
            }
        }
    }

    private void redirection(Builder cmd, int depth) {
        char c = s.charAt(pos);
        char next = peek(1);
        if (next == '(') {
            int start = pos;
            cmd.endWord();
            pos += 2;
            substitution(cmd, depth, ')', start);
            return;
        }
        if (c == '<' && next == '<' && peek(2) == '<') {
            cmd.endWord();
            pos += 3;
            cmd.dropNextWord = true;
            return;
        }
        if (c == '<' && next == '<') {
            cmd.endWord();
            pos += 2;
            heredoc();
            return;
        }
        if (cmd.inWord && isDigits(cmd.word)) {
            cmd.word.setLength(0);
            cmd.inWord = false;
        }
        cmd.endWord();
        pos++;
        if (next == '>' || next == '&' || next == '|' || (c == '<' && next == '>')) {
            pos++;
        }
        cmd.dropNextWord = true;
    }

    private static boolean isDigits(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** Reads a here-document's delimiter after {@code <<}; its body is skipped at the next newline. */
    private void heredoc() {
        boolean stripTabs = peek(0) == '-';
        if (stripTabs) {
            pos++;
        }
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
        StringBuilder delimiter = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\'' || c == '"' || c == '\\') {
                pos++;
            } else if (Character.isWhitespace(c) || c == ';' || c == '&' || c == '|' || c == '<' || c == '>'
                    || c == ')') {
                break;
            } else {
                delimiter.append(c);
                pos++;
            }
        }
        if (!delimiter.isEmpty()) {
            pendingHeredocs.add(new String[] {delimiter.toString(), stripTabs ? "-" : ""});
        }
    }

    /** After a newline: skips the bodies of the here-documents opened on the line just ended. */
    private void skipHeredocs() {
        for (String[] heredoc : pendingHeredocs) {
            while (pos < s.length()) {
                int end = s.indexOf('\n', pos);
                int lineEnd = end < 0 ? s.length() : end;
                String body = s.substring(pos, lineEnd);
                if (!heredoc[1].isEmpty()) {
                    body = body.replaceFirst("^\t+", "");
                }
                pos = end < 0 ? s.length() : end + 1;
                line++;
                if (body.strip().equals(heredoc[0])) {
                    break;
                }
            }
        }
        pendingHeredocs.clear();
    }
}
