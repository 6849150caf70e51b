package dev.portcullis.analysis.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.model.Location;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.registry.PackageSummary;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the metadata rules judge: one locked (or inspected) version and what the registry says about its package.
 *
 * @param summary what the registry's document says, empty when the registry answered 404 (the package is gone)
 * @param manifest what the registry's document says of the locked version's manifest and tarball, where a tarball
 *     was read and is compared with it (empty otherwise, and when the registry does not list the version)
 * @param tarballManifest the tarball's own package.json, where the tarball was read ({@code scan --deep},
 *     {@code inspect}); empty otherwise
 * @param resolved where the package is installed from: the lockfile's URL, else the registry configured for it
 * @param registry the registry the document was read from, named in messages
 * @param location where findings are reported (the lockfile, or the inspected package)
 */
public record PackageMetadata(String name, String version, Optional<PackageSummary> summary,
                              Optional<PackageSummary.Manifest> manifest, Optional<JsonNode> tarballManifest, Optional<URI> resolved, String registry,
                              Instant now, MetadataSettings settings, Location location) {
    public PackageMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(tarballManifest, "tarballManifest");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(location, "location");
    }

    /** The facts of the locked version, when the registry still lists it. */
    public Optional<PackageSummary.VersionFacts> versionFacts() {
        return summary.flatMap(p -> p.version(version));
    }

    /**
     * Whether the rules that reason about publish times can judge this version: false when the registry no longer
     * lists it (meta/unpublished speaks for it) or publishes no times at all, which {@code rule} then says once.
     */
    boolean datedFor(RuleDescriptor rule, MetadataSink sink) {
        if (versionFacts().isPresent() && !summary.get().dated()) {
            sink.notChecked(rule, "the registry " + registry() + " publishes no publish times (time)");
        }
        return dated();
    }

    /** {@link #datedFor} without a word to the sink: the version is listed and the registry dates versions. */
    boolean dated() {
        return versionFacts().isPresent() && summary.get().dated();
    }

    /** When the locked version was published, if the registry dates it. */
    public Optional<Instant> published() {
        return summary.map(p -> p.time().published().get(version));
    }

    /** The version published just before this one: {@link PackageSummary#previous}. */
    public Optional<PackageSummary.VersionFacts> previous() {
        return summary.flatMap(p -> p.previous(version));
    }

    /** The published versions older than this one by semver order (all lines), oldest first. */
    public List<PackageSummary.VersionFacts> earlier() {
        return summary.map(p -> p.earlier(version)).orElse(List.of());
    }

    public String id() {
        return name + "@" + version;
    }
}
