package dev.portcullis.server.routes;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A registry path parsed: {@code /name}, {@code /@scope%2fname} or {@code /@scope/name}, then nothing (the
 * document), a version or tag, or {@code -/file.tgz}. Anything else — an encoded character other than the scope's
 * {@code %2f} and {@code %40}, a dot segment, a name npm could not publish — is malformed (400), never looked up.
 */
record RequestPath(String name, Kind kind, String rest) {
    enum Kind { DOCUMENT, VERSION, TARBALL }

    private static final Pattern NAME_PART = Pattern.compile("[A-Za-z0-9~-][A-Za-z0-9._~-]*");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~+-]+");
    private static final int MAX_NAME = 214;

    static Optional<RequestPath> parse(String rawPath) {
        String path = rawPath.replace("%2f", "/").replace("%2F", "/").replace("%40", "@");
        if (path.indexOf('%') >= 0 || !path.startsWith("/") || path.length() > 1024) {
            return Optional.empty();
        }
        String[] parts = path.substring(1).split("/", -1);
        int i = 0;
        String name;
        if (parts[0].startsWith("@")) {
            if (parts.length < 2 || !part(parts[0].substring(1)) || !part(parts[1])) {
                return Optional.empty();
            }
            name = parts[0] + "/" + parts[1];
            i = 2;
        } else {
            if (!part(parts[0])) {
                return Optional.empty();
            }
            name = parts[0];
            i = 1;
        }
        if (name.length() > MAX_NAME) {
            return Optional.empty();
        }
        int left = parts.length - i;
        if (left == 0) {
            return Optional.of(new RequestPath(name, Kind.DOCUMENT, null));
        }
        if (left == 1 && parts[i].isEmpty()) {
            return Optional.of(new RequestPath(name, Kind.DOCUMENT, null)); // a trailing slash
        }
        if (left == 1 && segment(parts[i])) {
            return Optional.of(new RequestPath(name, Kind.VERSION, parts[i]));
        }
        if (left == 2 && parts[i].equals("-") && segment(parts[i + 1]) && parts[i + 1].endsWith(".tgz")) {
            return Optional.of(new RequestPath(name, Kind.TARBALL, parts[i + 1]));
        }
        return Optional.empty();
    }

    private static boolean part(String text) {
        return NAME_PART.matcher(text).matches() && !text.equals("node_modules") && !text.equals("favicon.ico");
    }

    private static boolean segment(String text) {
        return SEGMENT.matcher(text).matches() && !text.equals(".") && !text.equals("..");
    }
}
