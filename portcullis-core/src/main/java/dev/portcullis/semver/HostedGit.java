package dev.portcullis.semver;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * hosted-git-info's {@code fromUrl} as npm-package-arg calls it: recognises repositories on the known git hosts in
 * their shortcut ({@code github:user/repo}, {@code user/repo}), scp ({@code git@github.com:user/repo.git}) and URL
 * forms. A port of its rules, not of the WHATWG URL parser it leans on: inputs that only a full URL parser would
 * reject may be classified here when npm would reject them.
 */
final class HostedGit {
    private HostedGit() {
    }

    /** The hosts hosted-git-info knows, with the URL protocols it accepts for each. */
    private enum Host {
        GITHUB("github", "github.com", List.of("git:", "http:", "git+ssh:", "git+https:", "ssh:", "https:")),
        BITBUCKET("bitbucket", "bitbucket.org", List.of("git+ssh:", "git+https:", "ssh:", "https:")),
        GITLAB("gitlab", "gitlab.com", List.of("git+ssh:", "git+https:", "ssh:", "https:")),
        GIST("gist", "gist.github.com", List.of("git:", "git+ssh:", "git+https:", "ssh:", "https:")),
        SOURCEHUT("sourcehut", "git.sr.ht", List.of("git+ssh:", "https:"));

        private final String shortcut;
        private final String domain;
        private final List<String> protocols;

        Host(String shortcut, String domain, List<String> protocols) {
            this.shortcut = shortcut;
            this.domain = domain;
            this.protocols = protocols;
        }

        String shortcut() {
            return shortcut;
        }

        String domain() {
            return domain;
        }

        List<String> protocols() {
            return protocols;
        }
    }

    /** hosted-git-info's protocol table: the URL schemes it corrects and parses itself. */
    private static final Set<String> KNOWN_PROTOCOLS = Set.of("git+ssh:", "ssh:", "git+https:", "git:", "http:",
            "https:", "git+http:", "github:", "bitbucket:", "gitlab:", "gist:", "sourcehut:");

    static Optional<DependencySpec.Git> fromUrl(String spec) {
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        String url = isGitHubShorthand(spec) ? "github:" + spec : spec;
        int colon = url.indexOf(':');
        String protocol = url.substring(0, colon + 1).toLowerCase(Locale.ROOT);
        for (Host host : Host.values()) {
            if (protocol.equals(host.shortcut() + ":")) {
                return shortcut(spec, host, url.substring(colon + 1));
            }
        }
        return fromHostUrl(spec, url);
    }

    private static Optional<DependencySpec.Git> shortcut(String raw, Host host, String rest) {
        int hash = rest.indexOf('#');
        String pathname = hash >= 0 ? rest.substring(0, hash) : rest;
        String fragment = hash >= 0 ? rest.substring(hash + 1) : null;
        while (pathname.startsWith("/")) {
            pathname = pathname.substring(1);
        }
        int at = pathname.indexOf('@');
        if (at >= 0) {
            pathname = pathname.substring(at + 1);
        }
        if (pathname.endsWith(".git")) {
            pathname = pathname.substring(0, pathname.length() - 4);
        }
        Optional<String> committish = fragment == null || fragment.isEmpty() ? Optional.of("")
                : decodeUriComponent(fragment);
        if (committish.isEmpty() || decodeUriComponent(pathname).isEmpty()) {
            return Optional.empty();
        }
        return git(raw, host.shortcut() + ":" + pathname, committish.get());
    }

    /** A URL or scp-style address on a known host's domain, with a path that host's extract rules accept. */
    private static Optional<DependencySpec.Git> fromHostUrl(String raw, String url) {
        int hash = url.indexOf('#');
        String beforeHash = hash >= 0 ? url.substring(0, hash) : url;
        String fragment = hash >= 0 ? url.substring(hash + 1) : "";
        String protocol;
        String rest;
        int schemeEnd = beforeHash.indexOf("://");
        int colon = beforeHash.indexOf(':');
        int at = beforeHash.indexOf('@');
        if (schemeEnd > 0 && colon == schemeEnd) {
            protocol = beforeHash.substring(0, colon + 1).toLowerCase(Locale.ROOT);
            rest = beforeHash.substring(schemeEnd + 3);
        } else if (at > 0 && colon > at) {
            protocol = "git+ssh:"; // scp style: user@host:path
            rest = beforeHash;
        } else if (colon > 0 && at > colon && !KNOWN_PROTOCOLS.contains(beforeHash.substring(0, colon + 1))) {
            protocol = "git+ssh:"; // <foo>:<bar>@<baz> is taken as an ssh URL
            rest = beforeHash;
        } else {
            return Optional.empty();
        }
        int slash = rest.indexOf('/');
        int lastAt = rest.lastIndexOf('@', slash < 0 ? rest.length() : slash);
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        String hostPort = lastAt >= 0 ? authority.substring(lastAt + 1) : authority;
        int portColon = hostPort.indexOf(':');
        if (portColon >= 0) {
            // host:user/repo (scp) or host:port — a non-numeric "port" becomes the first path segment
            String after = hostPort.substring(portColon + 1);
            if (!after.chars().allMatch(Character::isDigit) || after.isEmpty()) {
                path = "/" + after + path;
            }
            hostPort = hostPort.substring(0, portColon);
        }
        String domain = hostPort.toLowerCase(Locale.ROOT);
        if (domain.startsWith("www.")) {
            domain = domain.substring(4);
        }
        for (Host host : Host.values()) {
            if (host.domain().equals(domain) && host.protocols().contains(protocol)) {
                return extract(raw, host, path, fragment).flatMap(committish -> git(raw, beforeHash, committish));
            }
        }
        return Optional.empty();
    }

    /** Each host's extract(): the committish when the path names a repository, empty otherwise. */
    private static Optional<String> extract(String raw, Host host, String pathname, String fragment) {
        String[] seg = (pathname + "/////").split("/", -1);
        String user = seg[1];
        String project = seg[2];
        String aux = seg[3];
        String committish = fragment;
        switch (host) {
            case GITHUB -> {
                if (!aux.isEmpty() && !aux.equals("tree")) {
                    return Optional.empty();
                }
                if (!aux.isEmpty()) {
                    committish = seg[4];
                }
            }
            case BITBUCKET -> {
                if (aux.equals("get")) {
                    return Optional.empty();
                }
            }
            case GITLAB -> {
                String path = pathname.isEmpty() ? "" : pathname.substring(1);
                if (path.contains("/-/") || path.contains("/archive.tar.gz")) {
                    return Optional.empty();
                }
                int last = path.lastIndexOf('/');
                user = last < 0 ? "" : path.substring(0, last);
                project = path.substring(last + 1);
            }
            case GIST -> {
                if (aux.equals("raw")) {
                    return Optional.empty();
                }
                if (project.isEmpty()) {
                    project = user;
                    user = "x";
                }
            }
            case SOURCEHUT -> {
                if (aux.equals("archive")) {
                    return Optional.empty();
                }
            }
        }
        if (project.endsWith(".git")) {
            project = project.substring(0, project.length() - 4);
        }
        if (user.isEmpty() || project.isEmpty()) {
            return Optional.empty();
        }
        return decodeUriComponent(committish);
    }

    private static Optional<DependencySpec.Git> git(String raw, String url, String committish) {
        DependencySpec spec = DependencySpecParser.git(raw, url, committish.isEmpty() ? null : committish);
        return spec instanceof DependencySpec.Git g ? Optional.of(g) : Optional.empty();
    }

    /** hosted-git-info's isGitHubShorthand: {@code user/repo} with an optional {@code #ref}. */
    static boolean isGitHubShorthand(String arg) {
        int firstHash = arg.indexOf('#');
        int firstSlash = arg.indexOf('/');
        int secondSlash = arg.indexOf('/', firstSlash + 1);
        int firstColon = arg.indexOf(':');
        int firstSpace = -1;
        for (int i = 0; i < arg.length(); i++) {
            if (Js.isWhitespace(arg.charAt(i))) {
                firstSpace = i;
                break;
            }
        }
        int firstAt = arg.indexOf('@');
        boolean spaceOnlyAfterHash = firstSpace < 0 || (firstHash > -1 && firstSpace > firstHash);
        boolean atOnlyAfterHash = firstAt == -1 || (firstHash > -1 && firstAt > firstHash);
        boolean colonOnlyAfterHash = firstColon == -1 || (firstHash > -1 && firstColon > firstHash);
        boolean secondSlashOnlyAfterHash = secondSlash == -1 || (firstHash > -1 && secondSlash > firstHash);
        boolean hasSlash = firstSlash > 0;
        boolean doesNotEndWithSlash = firstHash > -1
                ? firstHash == 0 || arg.charAt(firstHash - 1) != '/'
                : !arg.endsWith("/");
        return spaceOnlyAfterHash && hasSlash && doesNotEndWithSlash && !arg.startsWith(".") && atOnlyAfterHash
                && colonOnlyAfterHash && secondSlashOnlyAfterHash;
    }

    /** JavaScript's decodeURIComponent; empty where it throws URIError. */
    static Optional<String> decodeUriComponent(String s) {
        if (s.indexOf('%') < 0) {
            return Optional.of(s);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (i < s.length() && s.charAt(i) == '%') {
                if (i + 3 > s.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 3;
            }
            try {
                out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())));
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString());
    }
}
