package dev.portcullis.semver;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a package.json dependency value means, classified as npm's npm-package-arg ({@code npa.resolve(name, spec)})
 * classifies it, plus the yarn/pnpm protocols npm rejects ({@code workspace:}, {@code link:}, {@code portal:} …).
 *
 * <p>Mapping to npm-package-arg's {@code type}: {@link Exact} = version, {@link RangeSpec} = range, {@link Tag} = tag,
 * {@link Alias} = alias, {@link Git} = git, {@link RemoteTarball} = remote, {@link Local} ({@code link == false}) =
 * file or directory; {@link Workspace}, {@link Other} and {@code link:} {@link Local} are the protocols npm refuses
 * with EUNSUPPORTEDPROTOCOL; {@link Invalid} is every other error npm-package-arg throws (a tag with characters a URL
 * would escape, a nested alias …). Git hosts are recognised as hosted-git-info does (GitHub, GitLab, Bitbucket, gist,
 * sourcehut shortcuts, {@code user/repo} shorthand, scp-style and URL forms).
 */
public sealed interface DependencySpec {

    /**
     * Whether the spec alone fixes what gets installed. Pinned: an exact version, a git commit given as 40 hex
     * digits, an alias of a pinned target, a local path (its content is part of the project), and every
     * {@code workspace:} spec (it can only resolve to the project's own workspace package; its range only shapes what
     * gets published). Not pinned: ranges, tags, git branches/tags/semver ranges, remote tarballs (no integrity in
     * the spec), other protocols and invalid specs.
     */
    boolean isPinned();

    /** A single version ({@code 1.2.3}, {@code =1.2.3}, {@code v1.2.3}; loose, as npm parses it). */
    record Exact(Version version) implements DependencySpec {
        public Exact {
            Objects.requireNonNull(version, "version");
        }

        @Override
        public boolean isPinned() {
            return true;
        }
    }

    /** A semver range ({@code ^1.2.0}, {@code 1.x || 2}, {@code ""}); {@code raw} as written. */
    record RangeSpec(Range range, String raw) implements DependencySpec {
        public RangeSpec {
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(raw, "raw");
        }

        @Override
        public boolean isPinned() {
            return false;
        }
    }

    /** A dist-tag ({@code latest}, {@code next}). */
    record Tag(String tag) implements DependencySpec {
        public Tag {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public boolean isPinned() {
            return false;
        }
    }

    /** {@code npm:other@^1}: installs {@code targetName} under the dependency's name; the target is Exact/RangeSpec/Tag. */
    record Alias(String targetName, DependencySpec target) implements DependencySpec {
        public Alias {
            Objects.requireNonNull(targetName, "targetName");
            Objects.requireNonNull(target, "target");
            if (!(target instanceof Exact || target instanceof RangeSpec || target instanceof Tag)) {
                throw new IllegalArgumentException("an alias targets a registry spec, not " + target);
            }
        }

        @Override
        public boolean isPinned() {
            return target.isPinned();
        }
    }

    /**
     * A git repository: {@code url} without its fragment ({@code github:user/repo} for hosted shortcuts), and from the
     * fragment a {@code committish} or a {@code semverRange} ({@code #semver:^1.0}); null when absent.
     */
    record Git(String url, String committish, String semverRange) implements DependencySpec {
        private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");

        public Git {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public boolean isPinned() {
            return committish != null && FULL_SHA.matcher(committish).matches();
        }
    }

    /** An http(s) tarball URL. */
    record RemoteTarball(String url) implements DependencySpec {
        public RemoteTarball {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public boolean isPinned() {
            return false;
        }
    }

    /** A path: {@code file:}, relative or absolute, a directory or a .tgz; {@code link} for yarn/pnpm's {@code link:}. */
    record Local(String path, boolean link) implements DependencySpec {
        public Local {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public boolean isPinned() {
            return true;
        }
    }

    /** {@code workspace:*}, {@code workspace:^1.0.0}: {@code range} is what follows the protocol. */
    record Workspace(String range) implements DependencySpec {
        public Workspace {
            Objects.requireNonNull(range, "range");
        }

        @Override
        public boolean isPinned() {
            return true;
        }
    }

    /** Another protocol npm does not install ({@code portal:}, {@code patch:}, {@code catalog:}, {@code exec:} …). */
    record Other(String protocol, String raw) implements DependencySpec {
        public Other {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(raw, "raw");
        }

        @Override
        public boolean isPinned() {
            return false;
        }
    }

    /** A value npm-package-arg rejects; {@code reason} says why. */
    record Invalid(String raw, String reason) implements DependencySpec {
        public Invalid {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isPinned() {
            return false;
        }
    }

    /**
     * Classifies the value of {@code "name": "raw"} in a package.json dependency map. Never throws for any string:
     * values npm rejects, and any value under a non-empty name that is not a valid package name, become {@link Invalid}.
     */
    static DependencySpec parse(String name, String raw) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(raw, "raw");
        if (!name.isEmpty() && !DependencySpecParser.validPackageName(name)) {
            // npm-package-arg refuses the whole dependency when its name is not a package name
            return new Invalid(raw, "invalid package name " + name);
        }
        return DependencySpecParser.resolve(raw, true);
    }
}
