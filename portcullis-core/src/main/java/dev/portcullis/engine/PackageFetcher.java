package dev.portcullis.engine;

import dev.portcullis.analysis.PackageInput;
import dev.portcullis.model.Problems;
import dev.portcullis.registry.Integrity;
import dev.portcullis.registry.Packument;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryException;
import dev.portcullis.semver.Range;
import dev.portcullis.semver.RangeOptions;
import dev.portcullis.semver.Version;
import dev.portcullis.tarball.TarballContents;
import dev.portcullis.tarball.TarballLimits;
import dev.portcullis.tarball.TarballProblem;
import dev.portcullis.tarball.TarballReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way a package's files are had, for {@code inspect}, {@code scan --deep} and the registry server: a
 * directory or a local {@code .tgz} read under {@link TarballLimits}, or a registry package located (packument →
 * version), downloaded, verified against its published integrity and unpacked. The same checks hold for every
 * caller: bytes that do not match their integrity are never read, a file that is not a gzipped tarball (or a
 * truncated one with no file left) is not a package, and anything else is a package with its problems.
 *
 * <p>Downloading and unpacking are two steps ({@link #download}, then {@link #read}) so that a caller running
 * many packages can hold only compressed tarballs while they wait, and unpack a bounded number at a time.
 */
public final class PackageFetcher {
    private final RegistryClient client;
    private final TarballLimits limits;

    /** Why a package could not be had: the input (a bad name, spec, file or tarball) or the network/registry. */
    public enum Kind {
        INPUT, NETWORK,
        /** The tarball served does not match the integrity the lockfile or the packument records. */
        INTEGRITY
    }

    /** A package read, or why not. */
    public sealed interface Result permits Fetched, Failed {
    }

    /** A registry package's tarball, verified but still compressed, or why not. */
    public sealed interface Download permits Verified, Failed {
    }

    /**
     * The registry facts a download was located by, for the metadata rules that judge it later.
     *
     * @param packument the document the version was found in; null when the lockfile's integrity and URL sufficed
     */
    public record Published(String name, String version, Packument packument) {
        public Published {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * A package read.
     *
     * @param input     its files and the reader's problems
     * @param notes     sentences worth a warning (a download verified by SHA-1 only), in order
     * @param published where it came from in the registry, or null for a directory or a local tarball
     */
    public record Fetched(PackageInput input, List<String> notes, Published published) implements Result {
        public Fetched {
            Objects.requireNonNull(input, "input");
            notes = List.copyOf(notes);
        }
    }

    /**
     * A tarball downloaded and verified, not yet unpacked.
     *
     * @param notes as {@link Fetched#notes()}
     */
    public record Verified(Published published, RegistryClient.Tarball tarball, List<String> notes)
            implements Download {
        public Verified {
            Objects.requireNonNull(published, "published");
            Objects.requireNonNull(tarball, "tarball");
            notes = List.copyOf(notes);
        }
    }

    /**
     * A package that could not be had.
     *
     * @param name    the package's name when known, else null
     * @param version its version when known, else null
     * @param message one sentence for a person
     */
    public record Failed(Kind kind, String name, String version, String message) implements Result, Download {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /** @param client the run's registry client, or null when only local packages are read */
    public PackageFetcher(RegistryClient client, TarballLimits limits) {
        this.client = client;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The package in directory {@code dir}, named {@code shown} in messages. */
    public Result directory(Path dir, String shown) {
        try {
            return packageOf(DirectoryReader.read(dir, limits), null, null, List.of(), null);
        } catch (IOException e) {
            return new Failed(Kind.INPUT, null, null, "cannot read the directory " + shown + ": "
                    + Problems.describe(e));
        }
    }

    /** The package in the gzipped tarball {@code file}, named {@code shown} in messages. */
    public Result archive(Path file, String shown) {
        try (InputStream in = Files.newInputStream(file)) {
            return packageOf(TarballReader.read(in, limits), null, null, List.of(), null);
        } catch (IOException e) {
            return new Failed(Kind.INPUT, null, null, "cannot read " + shown + ": " + Problems.describe(e));
        }
    }

    /** The version of {@code name} that {@code spec} names, as npm picks it, read: {@link #locate} then {@link #read}. */
    public Result registry(String name, String spec, boolean fullDocument) {
        return read(locate(name, spec, fullDocument));
    }

    /**
     * The tarball of the version of {@code name} that {@code spec} (a dist-tag, a version or a range) names,
     * verified against the integrity its packument publishes.
     *
     * @param fullDocument ask for the full packument (publish times, maintainers) rather than the abbreviated one
     */
    public Download locate(String name, String spec, boolean fullDocument) {
        RegistryClient registry = registry();
        try {
            Optional<Packument> found = registry.packument(name, !fullDocument);
            if (found.isEmpty()) {
                return new Failed(Kind.INPUT, name, null, name + " is not in the registry "
                        + registry.config().registryFor(name) + " (404)");
            }
            Packument packument = found.get();
            Optional<String> version = versionFor(packument, spec);
            if (version.isEmpty()) {
                return new Failed(Kind.INPUT, name, null, "no version of " + name + " matches '" + spec + "'"
                        + Optional.ofNullable(packument.distTags().get("latest")).map(l -> " (latest is " + l + ")")
                        .orElse(""));
            }
            return published(new Published(name, version.get(), packument));
        } catch (RegistryException e) {
            return new Failed(e.integrityMismatch() ? Kind.INTEGRITY : Kind.NETWORK, name, null, e.getMessage());
        }
    }

    /**
     * The tarball of {@code name@version}: from {@code url}, verified against {@code integrity} (an SRI string or a
     * hex SHA-1), as a lockfile records them; when {@code integrity} is null, where the (abbreviated) packument says.
     */
    public Download download(String name, String version, URI url, String integrity) {
        RegistryClient registry = registry();
        try {
            if (integrity != null && url != null) {
                return verified(new Published(name, version, null), registry.tarball(url, integrity));
            }
            Packument packument = registry.packument(name, true).orElse(null);
            if (packument == null || packument.version(version).isEmpty()) {
                return new Failed(Kind.INPUT, name, version, "the registry lists no verifiable tarball for it");
            }
            return published(new Published(name, version, packument));
        } catch (RegistryException e) {
            return new Failed(e.integrityMismatch() ? Kind.INTEGRITY : Kind.NETWORK, name, version, e.getMessage());
        }
    }

    /**
     * The package of a download, unpacked in memory; a failed download stays the failure it was. The compressed
     * bytes are read as a stream and are not referenced by the result.
     */
    public Result read(Download download) {
        return switch (download) {
            case Failed failed -> failed;
            case Verified verified -> {
                Published published = verified.published();
                try (InputStream in = verified.tarball().open()) {
                    yield packageOf(TarballReader.read(in, limits), published.name(), published.version(),
                            verified.notes(), published);
                } catch (IOException e) {
                    // an in-memory stream does not fail; kept as a failure of this package, not of the run
                    yield new Failed(Kind.INPUT, published.name(), published.version(), "cannot read the tarball: "
                            + Problems.describe(e));
                }
            }
        };
    }

    /**
     * The version {@code spec} names, as npm picks it: a dist-tag, an exact version, else the highest version in
     * the range — the {@code latest} tag first when it satisfies the range.
     */
    public static Optional<String> versionFor(Packument packument, String spec) {
        String tagged = packument.distTags().get(spec);
        if (tagged != null) {
            return packument.version(tagged).map(Packument.VersionDoc::version);
        }
        if (packument.versions().containsKey(spec)) {
            return Optional.of(spec);
        }
        Optional<Range> range = Range.parse(spec, RangeOptions.DEFAULT);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        String latest = packument.distTags().get("latest");
        if (latest != null && packument.versions().containsKey(latest) && range.get().test(latest)) {
            return Optional.of(latest);
        }
        List<Version> versions = new ArrayList<>();
        for (String v : packument.versions().keySet()) {
            Version.parse(v, false).ifPresent(versions::add);
        }
        return range.get().maxSatisfying(versions).map(Version::toString);
    }

    /** The tarball a packument lists for {@code published}'s version, verified against its strongest integrity. */
    private Download published(Published published) throws RegistryException {
        String name = published.name();
        String version = published.version();
        Packument.VersionDoc doc = published.packument().version(version).orElseThrow();
        Optional<URI> url = doc.dist().tarball();
        if (url.isEmpty()) {
            return new Failed(Kind.INPUT, name, version, name + "@" + version + " publishes no tarball URL");
        }
        Optional<Integrity> integrity = doc.dist().strongest();
        if (integrity.isEmpty()) {
            return new Failed(Kind.INPUT, name, version, name + "@" + version
                    + " publishes no integrity or shasum: refusing an unverifiable download");
        }
        return verified(published, registry().tarball(url.get(), integrity.get().toString()));
    }

    private static Verified verified(Published published, RegistryClient.Tarball tarball) {
        List<String> notes = tarball.weakIntegrity() ? List.of(published.name() + "@" + published.version()
                + " was verified by SHA-1 only: the registry publishes no stronger integrity for it") : List.of();
        return new Verified(published, tarball, notes);
    }

    /**
     * The package of these contents. Contents with no file at all and a broken stream are not a package (a file
     * that is not a gzipped tarball, or one cut off before its first file); anything else is a package, problems
     * included. A registry package is known by its registry name even when its package.json is missing or broken.
     */
    private static Result packageOf(TarballContents contents, String name, String version, List<String> notes,
                                    Published published) {
        if (contents.files().isEmpty() && !contents.complete()) {
            String why = contents.problems().stream().map(TarballProblem::message).findFirst().orElse("unreadable");
            return new Failed(Kind.INPUT, name, version, "not a readable gzipped tarball: " + why);
        }
        if (contents.files().isEmpty()) {
            return new Failed(Kind.INPUT, name, version, "no files to inspect");
        }
        PackageInput input = PackageInput.of(contents);
        if (name != null && input.name().isEmpty()) {
            input = new PackageInput(name, version, input.files(), input.problems());
        }
        return new Fetched(input, notes, published);
    }

    private RegistryClient registry() {
        if (client == null) {
            throw new IllegalStateException("this fetcher reads local packages only: it was given no registry client");
        }
        return client;
    }
}
