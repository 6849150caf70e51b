package dev.portcullis.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place secrets are masked before anything is shown: every error message ({@link Problems#describe},
 * {@code report.Outcome}) and every reporter's output go through {@link #redact}, so that a credential read from a
 * hostile project file (a lockfile linked to {@code ~/.npmrc}, a cafile pointing at {@code /etc/shadow}) or from a
 * registry's answer never reaches a CI log. Masked: the values of {@code _authToken}, {@code _auth},
 * {@code _password}, {@code password} and {@code token} keys (ini, YAML and JSON spellings), npm and GitHub tokens
 * wherever they stand, {@code Authorization} header values, and the user-info of URLs.
 */
public final class Redaction {
    /** What a secret is replaced by. */
    public static final String MASK = "***";
    /** How much of a file that failed to parse an error may quote. */
    public static final int SNIPPET_CHARS = 40;

    private static final List<Pattern> SECRETS = List.of(
            // key = value, key: value, "key": "value" (the key may end a longer .npmrc key: //host/:_authToken)
            // not a package name's last part (@inquirer/password), nor a list or object as the value
            Pattern.compile("(?i)((?<!/)(?:_authToken|_auth|_password|password|passwd|secret|token)[\"']?\\s*[=:]"
                    + "\\s*[\"']?)([^\\s\"',;}\\[{][^\\s\"',;}]*)"),
            Pattern.compile("(?i)\\b((?:Bearer|Basic)\\s+)([A-Za-z0-9._~+/=-]+)"),
            Pattern.compile("\\b(npm_)([A-Za-z0-9]{16,})"),
            Pattern.compile("\\b(gh[pousr]_)([A-Za-z0-9]{16,})"),
            // scheme://user:password@host
            Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)([^/@\\s:]*:[^/@\\s]*)(?=@)"));

    private Redaction() {
    }

    /** {@code text} with every secret masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty() || !mayHold(text)) {
            return text;
        }
        String out = text;
        for (Pattern secret : SECRETS) {
            Matcher m = secret.matcher(out);
            if (m.find()) {
                out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
            }
        }
        return out;
    }

    /**
     * Whether {@code text} has a word that every pattern of {@link #SECRETS} needs (a key word, a scheme's
     * {@code ://}, a token prefix): one pass over a report line, where running every pattern over each of thousands
     * of lines cost a tenth of a warm scan.
     */
    static boolean mayHold(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            switch (text.charAt(i)) {
                case 'a', 'A' -> {
                    if (text.regionMatches(true, i, "auth", 0, 4)) {
                        return true;
                    }
                }
                case 'p', 'P' -> {
                    if (text.regionMatches(true, i, "pass", 0, 4)) {
                        return true;
                    }
                }
                case 's', 'S' -> {
                    if (text.regionMatches(true, i, "secret", 0, 6)) {
                        return true;
                    }
                }
                case 't', 'T' -> {
                    if (text.regionMatches(true, i, "token", 0, 5)) {
                        return true;
                    }
                }
                case 'b', 'B' -> {
                    if (text.regionMatches(true, i, "bearer", 0, 6) || text.regionMatches(true, i, "basic", 0, 5)) {
                        return true;
                    }
                }
                case 'n' -> {
                    if (text.startsWith("npm_", i)) {
                        return true;
                    }
                }
                case 'g' -> {
                    if (text.startsWith("gh", i) && i + 3 < n && text.charAt(i + 3) == '_') {
                        return true;
                    }
                }
                case ':' -> {
                    if (text.startsWith("://", i)) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]*)'");

    /**
     * A parser's message about raw input ("Unrecognized token 'root:$6$…'") made safe to show: every single-quoted
     * fragment cut to a {@link #snippet}, secrets masked.
     */
    public static String quoting(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable input";
        }
        return redact(QUOTED.matcher(message).replaceAll(m -> Matcher.quoteReplacement("'" + snippet(m.group(1))
                + "'")));
    }

    /**
     * A short, safe quotation of raw input that failed to parse: its first line, at most {@link #SNIPPET_CHARS}
     * characters, control characters shown as {@code ?}, secrets masked.
     */
    public static String snippet(String raw) {
        if (raw == null) {
            return "";
        }
        String line = raw.lines().findFirst().orElse("");
        boolean cut = line.length() > SNIPPET_CHARS;
        StringBuilder out = new StringBuilder();
        line.codePoints().limit(SNIPPET_CHARS).forEach(c -> out.appendCodePoint(Character.isISOControl(c)
                || c == 0xFFFD ? '?' : c));
        return redact(out + (cut ? "…" : ""));
    }
}
