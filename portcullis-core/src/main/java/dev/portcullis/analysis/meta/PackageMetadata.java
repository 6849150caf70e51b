package dev.portcullis.analysis.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.model.Location;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.registry.Packument;
import dev.portcullis.semver.Version;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the metadata rules judge: one locked (or inspected) version and what the registry says about its package.
 *
 * @param packument the full document, empty when the registry answered 404 (the package is gone)
 * @param tarballManifest the tarball's own package.json, where the tarball was read ({@code scan --deep},
 *     {@code inspect}); empty otherwise
 * @param resolved where the package is installed from: the lockfile's URL, else the registry configured for it
 * @param registry the registry the document was read from, named in messages
 * @param location where findings are reported (the lockfile, or the inspected package)
 */
public record PackageMetadata(String name, String version, Optional<Packument> packument,
                              Optional<JsonNode> tarballManifest, Optional<URI> resolved, String registry,
                              Instant now, MetadataSettings settings, Location location) {
    public PackageMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(packument, "packument");
        Objects.requireNonNull(tarballManifest, "tarballManifest");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(location, "location");
    }

    /** The version document of the locked version, when the registry still lists it. */
    public Optional<Packument.VersionDoc> versionDoc() {
        return packument.flatMap(p -> p.version(version));
    }

    /**
     * Whether the rules that reason about publish times can judge this version: false when the registry no longer
     * lists it (meta/unpublished speaks for it) or publishes no times at all, which {@code rule} then says once.
     */
    boolean datedFor(RuleDescriptor rule, MetadataSink sink) {
        if (versionDoc().isEmpty()) {
            return false;
        }
        if (!packument.get().dated()) {
            sink.notChecked(rule, "the registry " + registry() + " publishes no publish times (time)");
            return false;
        }
        return true;
    }

    /** When the locked version was published, if the registry dates it. */
    public Optional<Instant> published() {
        return packument.map(p -> p.time().published().get(version));
    }

    /**
     * The version published just before this one in semver order among the published (non-prerelease unless
     * this one is a prerelease) versions — not by time: a backported patch follows its own line's predecessor.
     */
    public Optional<Packument.VersionDoc> previous() {
        Optional<Version> self = Version.parse(version, false);
        if (packument.isEmpty() || self.isEmpty()) {
            return Optional.empty();
        }
        Version best = null;
        for (String v : packument.get().versions().keySet()) {
            Optional<Version> parsed = Version.parse(v, false);
            if (parsed.isEmpty() || parsed.get().compareTo(self.get()) >= 0
                    || parsed.get().isPrerelease() && !self.get().isPrerelease()) {
                continue;
            }
            if (best == null || parsed.get().compareTo(best) > 0) {
                best = parsed.get();
            }
        }
        return best == null ? Optional.empty() : packument.get().version(best.toString());
    }

    /** The published versions older than this one by semver order (all lines), as documents. */
    public List<Packument.VersionDoc> earlier() {
        List<Packument.VersionDoc> out = new ArrayList<>();
        Optional<Version> self = Version.parse(version, false);
        if (packument.isEmpty() || self.isEmpty()) {
            return out;
        }
        for (Packument.VersionDoc doc : packument.get().versions().values()) {
            Optional<Version> parsed = Version.parse(doc.version(), false);
            if (parsed.isPresent() && parsed.get().compareTo(self.get()) < 0) {
                out.add(doc);
            }
        }
        return out;
    }

    public String id() {
        return name + "@" + version;
    }
}
