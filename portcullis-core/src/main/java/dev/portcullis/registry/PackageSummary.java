package dev.portcullis.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.json.Json;
import dev.portcullis.model.LifecycleScripts;
import dev.portcullis.semver.Version;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the metadata rules and the install-script check need of one package's registry document, without the rest
 * (readmes, descriptions, every version's whole manifest): a packument of tens of megabytes becomes a summary of
 * kilobytes. Built by streaming the full document once ({@link #read}), with each version's {@link Manifest} (what a
 * tarball is checked against) beside it; both kept in the {@link MetadataStore}. A field the registry omitted (mirrors strip {@code maintainers}, {@code _npmUser},
 * {@code time}, signatures, attestations) stays absent here, never guessed.
 *
 * @param versions every version's facts, in semver order (versions that are not semver first, by text): the
 *     rules ask which versions precede the locked one, for every package of a lockfile, and the order is worked
 *     out once, when the document is fetched, and kept in the store
 * @param abbreviated the registry answered with the abbreviated form (no {@code scripts}, {@code time} …)
 * @param time creation, modification and publish times as the document's {@code time} gives them (it dates
 *     unpublished versions too)
 * @param maintainers the package's {@code maintainers}, empty when the registry omits the field
 * @param fetched when the registry sent the document: the age of the facts that change (dist-tags, maintainers,
 *     deprecations, unpublished versions)
 */
public record PackageSummary(String name, Map<String, String> distTags, Map<String, VersionFacts> versions,
                             boolean abbreviated, Packument.Times time, Optional<List<Packument.Person>> maintainers,
                             Instant fetched) {
    public PackageSummary {
        Objects.requireNonNull(name, "name");
        distTags = Map.copyOf(distTags);
        versions = Collections.unmodifiableMap(versions instanceof InSemverOrder ordered ? ordered
                : inSemverOrder(versions));
        Objects.requireNonNull(time, "time");
        maintainers = maintainers.map(List::copyOf);
        Objects.requireNonNull(fetched, "fetched");
    }

    /**
     * The facts of one published version that the metadata rules and the install-script check read for every
     * version of a package (what changed since the previous one, who published it).
     *
     * @param installScripts the {@link LifecycleScripts#FROM_TARBALL} scripts the version declares
     * @param maintainerKeys the version document's {@code maintainers} as {@link Packument.Person#key()}s
     * @param dependencyNames the names under its {@code dependencies} and {@code optionalDependencies} (what
     *     installing it installs: meta/dormant-revival compares them with the previous version's)
     */
    public record VersionFacts(String version, Map<String, String> installScripts, boolean hasInstallScript,
                               boolean gypfile, Optional<String> deprecated, Optional<Packument.Person> npmUser,
                               Optional<Set<String>> maintainerKeys, boolean signed, boolean attested,
                               Set<String> dependencyNames) {
        public VersionFacts {
            Objects.requireNonNull(version, "version");
            installScripts = Map.copyOf(installScripts);
            Objects.requireNonNull(deprecated, "deprecated");
            Objects.requireNonNull(npmUser, "npmUser");
            maintainerKeys = maintainerKeys.map(Set::copyOf);
            dependencyNames = Set.copyOf(dependencyNames);
        }

        /** Whether installing runs code: the registry's flag, node-gyp's implicit install, or a lifecycle script. */
        public boolean runsInstallScripts() {
            return hasInstallScript || gypfile || LifecycleScripts.runFromTarball(installScripts);
        }

        static VersionFacts of(Packument.VersionDoc doc) {
            return new VersionFacts(doc.version(), installTime(doc.scripts()), doc.hasInstallScript(), doc.gypfile(),
                    doc.deprecated(), doc.npmUser(), doc.maintainers().map(PackageSummary::keys), doc.signed(),
                    doc.attested(), dependencyNames(doc.dependencies(), doc.optionalDependencies()));
        }

        static VersionFacts from(String version, JsonNode doc) {
            JsonNode dist = doc.path("dist");
            JsonNode signatures = dist.path("signatures");
            JsonNode attestations = dist.path("attestations");
            return new VersionFacts(version, installTime(Packument.strings(doc.path("scripts"))),
                    doc.path("hasInstallScript").asBoolean(false), doc.path("gypfile").asBoolean(false),
                    doc.path("deprecated").isTextual() ? Optional.of(doc.get("deprecated").asText()) : Optional.empty(),
                    Packument.Person.from(doc.path("_npmUser")),
                    Packument.Person.list(doc.path("maintainers")).map(PackageSummary::keys),
                    signatures.isArray() && !signatures.isEmpty(), attestations.isObject() && !attestations.isEmpty(),
                    dependencyNames(Packument.strings(doc.path("dependencies")),
                            Packument.strings(doc.path("optionalDependencies"))));
        }

        private static Set<String> dependencyNames(Map<String, String> dependencies, Map<String, String> optional) {
            Set<String> names = new java.util.TreeSet<>(dependencies.keySet());
            names.addAll(optional.keySet());
            return names;
        }
    }

    /**
     * What one version's tarball is checked against, needed only when a tarball is read ({@code scan --deep},
     * {@code inspect}): where it is and what it hashes to, and the manifest fields meta/manifest-confusion compares
     * with the tarball's package.json. Kept apart from the facts: it is most of a summary's size.
     *
     * @param name the manifest's name (the package's, unless the document says otherwise)
     * @param installScripts the {@link LifecycleScripts#FROM_TARBALL} scripts of the version document
     * @param dependencies {@code optionalDependencies} overlaid with {@code dependencies}
     */
    public record Manifest(String name, String version, Packument.Dist dist, Map<String, String> installScripts,
                           Map<String, String> dependencies, Map<String, String> bin) {
        public Manifest {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(dist, "dist");
            installScripts = Map.copyOf(installScripts);
            dependencies = Map.copyOf(dependencies);
            bin = Map.copyOf(bin);
        }

        public static Manifest of(Packument.VersionDoc doc) {
            Map<String, String> deps = new TreeMap<>(doc.optionalDependencies());
            deps.putAll(doc.dependencies());
            return new Manifest(doc.name(), doc.version(), doc.dist(), installTime(doc.scripts()), deps, doc.bin());
        }

        static Manifest from(String packageName, String version, JsonNode doc) {
            JsonNode dist = doc.path("dist");
            Map<String, String> deps = Packument.strings(doc.path("optionalDependencies"));
            deps.putAll(Packument.strings(doc.path("dependencies")));
            return new Manifest(Packument.textOr(doc, "name", packageName), Packument.textOr(doc, "version", version),
                    new Packument.Dist(Packument.uri(dist.path("tarball")), Packument.text(dist.path("integrity")),
                            Packument.text(dist.path("shasum"))),
                    installTime(Packument.strings(doc.path("scripts"))), deps,
                    Packument.binMap(packageName, doc.path("bin")));
        }
    }

    /** A document read once into both parts. */
    public record Read(PackageSummary summary, Map<String, Manifest> manifests) {
        public Read {
            Objects.requireNonNull(summary, "summary");
            manifests = Map.copyOf(manifests);
        }
    }

    /**
     * A map its maker already put in semver order ({@link SummaryCodec} reads the store's files, written in that
     * order), which the constructor keeps as it is instead of parsing every version again.
     */
    static final class InSemverOrder extends LinkedHashMap<String, VersionFacts> {
    }

    static InSemverOrder inSemverOrder(Map<String, VersionFacts> versions) {
        record Keyed(String text, Optional<Version> version) {
        }
        List<Keyed> keys = new ArrayList<>(versions.size());
        versions.keySet().forEach(v -> keys.add(new Keyed(v, Version.parse(v, false))));
        keys.sort((a, b) -> {
            if (a.version().isPresent() != b.version().isPresent()) {
                return a.version().isPresent() ? 1 : -1;
            }
            int byVersion = a.version().isPresent() ? a.version().get().compareTo(b.version().get()) : 0;
            return byVersion != 0 ? byVersion : a.text().compareTo(b.text());
        });
        InSemverOrder out = new InSemverOrder();
        keys.forEach(k -> out.put(k.text(), versions.get(k.text())));
        return out;
    }

    /**
     * The published versions older than {@code version} by semver order (all lines), oldest first; empty when
     * {@code version} is not semver. Read off the stored order: a version the document lists needs no parsing
     * beyond its neighbours.
     */
    public List<VersionFacts> earlier(String version) {
        Optional<Version> self = Version.parse(version, false);
        List<VersionFacts> out = new ArrayList<>();
        if (self.isEmpty()) {
            return out;
        }
        if (!versions.containsKey(version)) { // not listed (unpublished since, or the lockfile's own): one by one
            for (VersionFacts facts : versions.values()) {
                Optional<Version> other = Version.parse(facts.version(), false);
                if (other.isPresent() && other.get().compareTo(self.get()) < 0) {
                    out.add(facts);
                }
            }
            return out;
        }
        boolean semver = false; // the versions that are not semver come first
        for (Map.Entry<String, VersionFacts> e : versions.entrySet()) {
            if (e.getKey().equals(version)) {
                break;
            }
            semver = semver || Version.parse(e.getKey(), false).isPresent();
            if (semver) {
                out.add(e.getValue());
            }
        }
        // a version of the same precedence (1.0.0+a beside 1.0.0+b) sorts next to this one and is not older
        while (!out.isEmpty() && Version.parse(out.getLast().version(), false).get().compareTo(self.get()) == 0) {
            out.removeLast();
        }
        return out;
    }

    /**
     * The version published just before {@code version} in semver order among the published versions that are
     * not prereleases (prereleases too when {@code version} is one) — not by time: a backported patch follows its
     * own line's predecessor.
     */
    public Optional<VersionFacts> previous(String version) {
        Optional<Version> self = Version.parse(version, false);
        if (self.isEmpty()) {
            return Optional.empty();
        }
        List<VersionFacts> earlier = earlier(version);
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (self.get().isPrerelease() || !Version.parse(earlier.get(i).version(), false).get().isPrerelease()) {
                return Optional.of(earlier.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether the registry sent publish times at all (mirrors and abbreviated documents may not). */
    public boolean dated() {
        return !time.published().isEmpty();
    }

    public Optional<VersionFacts> version(String version) {
        return Optional.ofNullable(versions.get(version));
    }

    /** The summary of a document already parsed whole ({@code inspect} reads one to resolve a spec). */
    public static PackageSummary of(Packument packument, Instant fetched) {
        Map<String, VersionFacts> versions = new TreeMap<>();
        packument.versions().forEach((v, doc) -> versions.put(v, VersionFacts.of(doc)));
        return new PackageSummary(packument.name(), packument.distTags(), versions, packument.abbreviated(),
                packument.time(), packument.maintainers(), fetched);
    }

    /**
     * Streams a registry document into its summary: each version's object is read as a small tree and dropped at
     * once, everything else (readme, description, users …) is skipped token by token, so the heap never holds
     * the whole document as a tree.
     */
    public static Read read(String requestedName, InputStream document, boolean abbreviated, Instant fetched)
            throws IOException {
        ObjectMapper mapper = Json.mapper();
        String name = requestedName;
        Map<String, String> distTags = Map.of();
        Packument.Times time = Packument.Times.NONE;
        Optional<List<Packument.Person>> maintainers = Optional.empty();
        Map<String, VersionFacts> versions = new TreeMap<>();
        Map<String, Manifest> manifests = new TreeMap<>();
        try (JsonParser p = Json.utf8Parser(mapper, document)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the registry answered something other than a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "name" -> name = value == JsonToken.VALUE_STRING ? p.getText() : name;
                    case "dist-tags" -> distTags = Packument.strings(mapper.readTree(p));
                    case "time" -> time = Packument.Times.from(mapper.readTree(p));
                    case "maintainers" -> maintainers = Packument.Person.list(mapper.readTree(p));
                    case "versions" -> {
                        if (value != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            break;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String version = p.currentName();
                            p.nextToken();
                            JsonNode doc = mapper.readTree(p);
                            if (doc != null && doc.isObject()) {
                                versions.put(version, VersionFacts.from(version, doc));
                                manifests.put(version, Manifest.from(name, version, doc));
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        return new Read(new PackageSummary(name, distTags, versions, abbreviated, time, maintainers, fetched),
                manifests);
    }

    private static Map<String, String> installTime(Map<String, String> scripts) {
        Map<String, String> out = new TreeMap<>();
        for (String script : LifecycleScripts.FROM_TARBALL) {
            if (scripts.containsKey(script)) {
                out.put(script, scripts.get(script));
            }
        }
        return out;
    }

    private static Set<String> keys(List<Packument.Person> people) {
        Set<String> out = new TreeSet<>();
        people.forEach(p -> out.add(p.key()));
        return out;
    }
}
