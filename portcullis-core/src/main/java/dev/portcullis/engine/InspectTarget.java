package dev.portcullis.engine;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** One argument of {@code portcullis inspect}, recognised: a package of the registry, a tarball file or a directory. */
sealed interface InspectTarget {
    /** npm's rules for new names, loosened to the upper-case letters old packages still carry. */
    Pattern NAME = Pattern.compile("(@[A-Za-z0-9][A-Za-z0-9._~-]*/)?[A-Za-z0-9_][A-Za-z0-9._~-]*");
    int MAX_NAME_LENGTH = 214;

    /** The argument exactly as given. */
    String raw();

    /** {@code name@spec}; {@code spec} is a version, a dist-tag or a range, {@code latest} when omitted. */
    record Registry(String raw, String name, String spec) implements InspectTarget {
    }

    record Archive(String raw, Path file) implements InspectTarget {
    }

    record Directory(String raw, Path dir) implements InspectTarget {
    }

    /** An argument that is none of the above, with the sentence saying why. */
    record Invalid(String raw, String reason) implements InspectTarget {
    }

    static InspectTarget parse(String raw, Path workingDir) {
        if (raw.isBlank()) {
            return new Invalid(raw, "an empty target");
        }
        Path path;
        try {
            path = workingDir.resolve(raw);
        } catch (java.nio.file.InvalidPathException e) {
            path = null;
        }
        if (path != null && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return new Directory(raw, path);
        }
        if (path != null && Files.isRegularFile(path)) {
            return new Archive(raw, path);
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        boolean looksLikePath = lower.endsWith(".tgz") || lower.endsWith(".tar.gz") || raw.startsWith(".")
                || raw.startsWith("/") || raw.startsWith("~") || raw.contains("\\")
                || (!raw.startsWith("@") && raw.contains("/"));
        if (looksLikePath) {
            return new Invalid(raw, "no such file or directory: " + raw);
        }
        int at = raw.indexOf('@', 1);
        String name = at < 0 ? raw : raw.substring(0, at);
        String spec = at < 0 ? "" : raw.substring(at + 1).trim();
        if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            return new Invalid(raw, "'" + name + "' is not a valid npm package name (expected name@version, "
                    + "@scope/name@version, a .tgz file or a directory)");
        }
        return new Registry(raw, name, spec.isEmpty() ? "latest" : spec);
    }
}
