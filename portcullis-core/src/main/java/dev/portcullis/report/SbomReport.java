package dev.portcullis.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A project's software bill of materials, as {@code portcullis sbom} reads it from the lockfile: the project, its
 * workspace packages and every locked package, each once, with the dependency graph between them. Rendered as
 * CycloneDX 1.6 or SPDX 2.3 JSON ({@link ReportFormat#CYCLONEDX}, {@link ReportFormat#SPDX}); sorted, so that the
 * same lockfile gives the same bytes.
 *
 * @param toolVersion Portcullis's version (the tool in the document's metadata)
 * @param root the project itself
 * @param components every workspace package and locked package, sorted by reference
 * @param dependencies reference → the references it depends on (sorted), for every component and the root
 * @param serialNumber a {@code urn:uuid:} serial number, or null unless asked for
 * @param timestamp when the document was made, or null unless asked for
 * @param warnings what the document may lack (licenses that could not be read), one sentence each
 */
public record SbomReport(String toolVersion, Component root, List<Component> components,
                         Map<String, List<String>> dependencies, String serialNumber, Instant timestamp,
                         List<String> warnings) implements Report {
    public SbomReport {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(root, "root");
        List<Component> sorted = new ArrayList<>(components);
        sorted.sort(Comparator.comparing(Component::ref));
        components = List.copyOf(sorted);
        Map<String, List<String>> graph = new TreeMap<>();
        dependencies.forEach((from, to) -> graph.put(from, to.stream().distinct().sorted().toList()));
        dependencies = java.util.Collections.unmodifiableMap(graph);
        warnings = List.copyOf(warnings);
    }

    /** How a component is needed: required, only through optional dependencies, or only for development. */
    public enum Scope {
        REQUIRED, OPTIONAL, EXCLUDED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a component comes from. */
    public enum Kind {
        PROJECT, WORKSPACE, REGISTRY, GIT, TARBALL, LOCAL
    }

    /**
     * A digest of a component's tarball.
     *
     * @param algorithm {@code SHA-512}, {@code SHA-384}, {@code SHA-256} or {@code SHA-1}
     * @param hex lower-case hexadecimal
     */
    public record Hash(String algorithm, String hex) {
        public Hash {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(hex, "hex");
        }
    }

    /**
     * One package of the project.
     *
     * @param ref its reference inside the document (its package URL; {@code workspace:PATH} for a workspace package)
     * @param version its version, empty when the lockfile does not say
     * @param purl its package URL ({@code pkg:npm/%40scope/name@version})
     * @param hashes the digests its lockfile records, strongest first; empty when it records none usable
     * @param licenses the licenses its package.json declares, as written (read with {@code --deep}); empty when not
     *     read
     * @param downloadLocation where it is fetched from (a registry or tarball URL, a git repository), or null
     */
    public record Component(String ref, String name, String version, String purl, Scope scope, Kind kind,
                            List<Hash> hashes, List<String> licenses, String downloadLocation) {
        public Component {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(purl, "purl");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(kind, "kind");
            hashes = List.copyOf(hashes);
            licenses = List.copyOf(licenses);
        }

        public Component withLicenses(List<String> declared) {
            return new Component(ref, name, version, purl, scope, kind, hashes, declared, downloadLocation);
        }
    }
}
