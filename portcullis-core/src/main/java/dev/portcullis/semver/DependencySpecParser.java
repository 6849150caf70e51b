package dev.portcullis.semver;

import dev.portcullis.semver.DependencySpec.Alias;
import dev.portcullis.semver.DependencySpec.Exact;
import dev.portcullis.semver.DependencySpec.Git;
import dev.portcullis.semver.DependencySpec.Invalid;
import dev.portcullis.semver.DependencySpec.Local;
import dev.portcullis.semver.DependencySpec.Other;
import dev.portcullis.semver.DependencySpec.RangeSpec;
import dev.portcullis.semver.DependencySpec.RemoteTarball;
import dev.portcullis.semver.DependencySpec.Tag;
import dev.portcullis.semver.DependencySpec.Workspace;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** npm-package-arg's resolve(), kept apart so DependencySpec shows only the model. */
final class DependencySpecParser {
    /** JavaScript's {@code .}: anything but its four line terminators (Java's {@code .} also excludes U+0085). */
    private static final String JS_DOT = "[^\\n\\r\\u2028\\u2029]";
    private static final Pattern IS_URL = Pattern.compile("^(?:git[+])?[a-z]+:", Pattern.CASE_INSENSITIVE);
    private static final Pattern IS_SCP_GIT = Pattern.compile("^[^@]+@[^:.]+\\.[^:]+:" + JS_DOT + "+\\z");
    private static final Pattern IS_FILE_TYPE = Pattern.compile("[.](?:tgz|tar\\.gz|tar)\\z",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IS_POSIX_FILE = Pattern.compile("^(?:[.]|~[/]|[/]|[a-zA-Z]:)");
    private static final Pattern GIT_SSH_SCP = Pattern.compile(
            "^git\\+ssh://([^:#]+:[^#]+(?:\\.git)?)(?:#(" + JS_DOT + "*))?\\z", Pattern.CASE_INSENSITIVE);
    private static final Pattern PORT_NUMBER = Pattern.compile(":[0-9]+(/|\\z)");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern URI_SAFE = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]*");

    private DependencySpecParser() {
    }

    static DependencySpec resolve(String spec, boolean aliasAllowed) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:") || IS_POSIX_FILE.matcher(spec).find()) {
            return new Local(lower.startsWith("file:") ? spec.substring(5) : spec, false);
        }
        if (lower.startsWith("npm:")) {
            return aliasAllowed ? alias(spec, spec.substring(4))
                    : new Invalid(spec, "nested aliases not supported");
        }
        if (lower.startsWith("link:")) {
            return new Local(spec.substring(5), true);
        }
        if (lower.startsWith("workspace:")) {
            return new Workspace(spec.substring(10));
        }
        Optional<Git> hosted = HostedGit.fromUrl(spec);
        if (hosted.isPresent()) {
            return hosted.get();
        }
        if (!spec.isEmpty() && IS_URL.matcher(spec).find()) {
            return fromUrl(spec);
        }
        if (spec.contains("/") || IS_FILE_TYPE.matcher(spec).find()) {
            return new Local(spec, false);
        }
        return fromRegistry(spec);
    }

    private static DependencySpec fromRegistry(String raw) {
        String spec = Js.trim(raw);
        Optional<Version> version = Version.parse(spec, true);
        if (version.isPresent()) {
            return new Exact(version.get());
        }
        Optional<Range> range = Range.parse(spec, new RangeOptions(true, false));
        if (range.isPresent()) {
            return new RangeSpec(range.get(), raw);
        }
        if (!URI_SAFE.matcher(spec).matches()) {
            return new Invalid(raw, "a tag may not contain characters a URL would escape");
        }
        return new Tag(spec);
    }

    /** npm-package-arg's fromAlias, after its npa() split of {@code name@spec}. */
    private static DependencySpec alias(String raw, String arg) {
        int nameEndsAt = arg.indexOf('@', 1);
        String namePart = nameEndsAt > 0 ? arg.substring(0, nameEndsAt) : arg;
        String name = null;
        String sub = arg;
        if (IS_URL.matcher(arg).find() || IS_SCP_GIT.matcher(arg).matches()
                || (!namePart.startsWith("@") && (namePart.contains("/") || IS_FILE_TYPE.matcher(namePart).find()))) {
            name = null;
        } else if (nameEndsAt > 0) {
            name = namePart;
            sub = arg.substring(nameEndsAt + 1);
            if (sub.isEmpty()) {
                sub = "*";
            }
        } else if (validPackageName(arg)) {
            name = arg;
            sub = "*";
        }
        if (name != null && !validPackageName(name)) {
            return new Invalid(raw, "invalid package name " + name);
        }
        DependencySpec target = resolve(sub, false);
        if (target instanceof Invalid invalid) {
            return new Invalid(raw, invalid.reason());
        }
        if (target instanceof Workspace || target instanceof Other || (target instanceof Local l && l.link())) {
            // npm fails on the target's protocol before it looks at the alias
            return target;
        }
        if (!(target instanceof Exact || target instanceof RangeSpec || target instanceof Tag)) {
            return new Invalid(raw, "aliases only work for registry deps");
        }
        if (name == null) {
            return new Invalid(raw, "aliases must have a name");
        }
        return new Alias(name, target);
    }

    /** npm-package-arg's fromURL: git protocols, http(s) tarballs, anything else unsupported. */
    private static DependencySpec fromUrl(String spec) {
        if (spec.startsWith("git+ssh:")) {
            Matcher m = GIT_SSH_SCP.matcher(spec);
            if (m.matches() && !PORT_NUMBER.matcher(m.group(1)).find()) {
                return git(spec, "git+ssh://" + m.group(1), m.group(2));
            }
        }
        Matcher scheme = SCHEME.matcher(spec);
        if (!scheme.find()) {
            return new Invalid(spec, "not a URL");
        }
        String protocol = scheme.group(1).toLowerCase(Locale.ROOT) + ":";
        int hash = spec.indexOf('#');
        String withoutHash = hash >= 0 ? spec.substring(0, hash) : spec;
        return switch (protocol) {
            case "git:", "git+http:", "git+https:", "git+rsync:", "git+ftp:", "git+file:", "git+ssh:" ->
                    git(spec, withoutHash, hash >= 0 ? spec.substring(hash + 1) : null);
            case "http:", "https:" -> hasHost(spec) ? new RemoteTarball(spec) : new Invalid(spec, "invalid URL");
            default -> new Other(protocol, spec);
        };
    }

    private static boolean hasHost(String url) {
        int start = url.indexOf(':') + 1;
        while (start < url.length() && (url.charAt(start) == '/' || url.charAt(start) == '\\')) {
            start++;
        }
        return start < url.length() && "/?#".indexOf(url.charAt(start)) < 0;
    }

    /** npm-package-arg's setGitAttrs: {@code ::}-separated committish, {@code semver:range}, {@code path:dir}. */
    static DependencySpec git(String raw, String url, String fragment) {
        String committish = null;
        String range = null;
        boolean path = false;
        if (fragment != null && !fragment.isEmpty()) {
            for (String part : Js.split(fragment, "::")) {
                int colon = part.indexOf(':');
                if (colon < 0) {
                    if (range != null || committish != null) {
                        return new Invalid(raw, "a git spec with two committishes or a committish and a range");
                    }
                    committish = part;
                    continue;
                }
                String key = part.substring(0, colon);
                int nextColon = part.indexOf(':', colon + 1);
                String value = part.substring(colon + 1, nextColon < 0 ? part.length() : nextColon);
                if (key.equals("semver")) {
                    if (committish != null || range != null) {
                        return new Invalid(raw, "a git spec with two semver ranges or a committish and a range");
                    }
                    Optional<String> decoded = HostedGit.decodeUriComponent(value);
                    if (decoded.isEmpty()) {
                        return new Invalid(raw, "malformed percent-encoding in the semver range");
                    }
                    range = decoded.get();
                } else if (key.equals("path")) {
                    if (path) {
                        return new Invalid(raw, "a git spec with two paths");
                    }
                    path = true;
                }
            }
        }
        return new Git(url, committish, range);
    }

    /** validate-npm-package-name's validForOldPackages. */
    static boolean validPackageName(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.startsWith("_") || !Js.trim(name).equals(name)
                || name.equalsIgnoreCase("node_modules") || name.equalsIgnoreCase("favicon.ico")) {
            return false;
        }
        if (URI_SAFE.matcher(name).matches()) {
            return true;
        }
        if (name.startsWith("@")) {
            int slash = name.indexOf('/');
            return slash > 1 && slash == name.lastIndexOf('/') && slash < name.length() - 1
                    && URI_SAFE.matcher(name.substring(1, slash)).matches()
                    && URI_SAFE.matcher(name.substring(slash + 1)).matches();
        }
        return false;
    }
}
