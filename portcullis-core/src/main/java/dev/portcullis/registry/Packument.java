package dev.portcullis.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.model.LifecycleScripts;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A registry's document for one package, with the fields later stages read.
 *
 * @param distTags tag → version ({@code latest}, {@code next} …)
 * @param abbreviated whether the registry answered with the abbreviated form (which lacks {@code scripts})
 * @param time the document's {@code time} object: creation, last modification and each version's publish time;
 *     empty parts where the registry omits it (abbreviated documents always do)
 * @param maintainers the package's {@code maintainers}, empty when the registry omits the field (mirrors strip it)
 */
public record Packument(String name, Map<String, String> distTags, Map<String, VersionDoc> versions,
                        boolean abbreviated, Times time, Optional<List<Person>> maintainers) {
    public Packument {
        Objects.requireNonNull(name, "name");
        distTags = Map.copyOf(distTags);
        versions = Map.copyOf(versions);
        Objects.requireNonNull(time, "time");
        maintainers = maintainers.map(List::copyOf);
    }

    /** A document without {@code time} or {@code maintainers}, as abbreviated documents are. */
    public Packument(String name, Map<String, String> distTags, Map<String, VersionDoc> versions,
                     boolean abbreviated) {
        this(name, distTags, versions, abbreviated, Times.NONE, Optional.empty());
    }

    /** An npm account as documents name it ({@code maintainers}, {@code _npmUser}); either part may be absent. */
    public record Person(Optional<String> name, Optional<String> email) {
        public Person {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(email, "email");
        }

        /** How two entries are compared: the account name, else the e-mail address, lower-cased. */
        public String key() {
            return name.or(() -> email).orElse("").toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String toString() {
            return name.orElse("") + email.map(e -> " <" + e + ">").orElse("");
        }

        static Optional<Person> from(JsonNode node) {
            if (node.isTextual()) { // the old "Name <email>" string form
                String text = node.asText().trim();
                int lt = text.indexOf('<');
                return text.isEmpty() ? Optional.empty() : Optional.of(lt < 0 ? new Person(Optional.of(text),
                        Optional.empty()) : new Person(Optional.of(text.substring(0, lt).trim()).filter(n -> !n.isEmpty()),
                        Optional.of(text.substring(lt + 1).replace(">", "").trim()).filter(n -> !n.isEmpty())));
            }
            Optional<String> name = text(node.path("name"));
            Optional<String> email = text(node.path("email"));
            return name.isEmpty() && email.isEmpty() ? Optional.empty() : Optional.of(new Person(name, email));
        }

        /** The people of an array, empty when the field is absent (not the same as an empty list). */
        static Optional<List<Person>> list(JsonNode node) {
            if (!node.isArray()) {
                return Optional.empty();
            }
            List<Person> out = new ArrayList<>();
            node.forEach(item -> from(item).ifPresent(out::add));
            return Optional.of(out);
        }
    }

    /**
     * The {@code time} object.
     *
     * @param published version → publish time, for the versions the registry dates
     */
    public record Times(Optional<Instant> created, Optional<Instant> modified, Map<String, Instant> published) {
        public static final Times NONE = new Times(Optional.empty(), Optional.empty(), Map.of());

        public Times {
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(modified, "modified");
            published = Map.copyOf(published);
        }

        static Times from(JsonNode node) {
            if (!node.isObject()) {
                return NONE;
            }
            Map<String, Instant> published = new TreeMap<>();
            node.properties().forEach(e -> {
                if (!e.getKey().equals("created") && !e.getKey().equals("modified")) {
                    instant(e.getValue()).ifPresent(t -> published.put(e.getKey(), t));
                }
            });
            return new Times(instant(node.path("created")), instant(node.path("modified")), published);
        }

        private static Optional<Instant> instant(JsonNode node) {
            try {
                return text(node).map(Instant::parse);
            } catch (DateTimeParseException e) {
                return Optional.empty(); // an undatable entry is as good as none: no rule guesses a date
            }
        }
    }

    /** Whether the registry sent a {@code time} object with dates at all (mirrors and abbreviated documents may not). */
    public boolean dated() {
        return !time.published().isEmpty();
    }

    public Optional<VersionDoc> version(String version) {
        return Optional.ofNullable(versions.get(version));
    }

    /** Where a version's tarball is and what it must hash to. */
    public record Dist(Optional<URI> tarball, Optional<String> integrity, Optional<String> shasum) {
        public Dist {
            Objects.requireNonNull(tarball, "tarball");
            Objects.requireNonNull(integrity, "integrity");
            Objects.requireNonNull(shasum, "shasum");
        }

        /** The digest a download is verified against: SRI preferred, the SHA-1 shasum only without it. */
        public Optional<Integrity> strongest() {
            return Integrity.of(integrity, shasum);
        }
    }

    /**
     * One published version.
     *
     * @param scripts empty in abbreviated documents, which carry {@code hasInstallScript} instead
     * @param deprecated the deprecation message, if deprecated
     * @param raw the version document as received, for what is not modelled here
     */
    public record VersionDoc(String name, String version, Map<String, String> dependencies,
                             Map<String, String> devDependencies, Map<String, String> optionalDependencies,
                             Map<String, String> peerDependencies, Map<String, String> scripts,
                             boolean hasInstallScript, boolean gypfile, Map<String, String> bin, List<String> os,
                             List<String> cpu, Optional<String> deprecated, Dist dist, JsonNode raw) {
        public VersionDoc {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            dependencies = Map.copyOf(dependencies);
            devDependencies = Map.copyOf(devDependencies);
            optionalDependencies = Map.copyOf(optionalDependencies);
            peerDependencies = Map.copyOf(peerDependencies);
            scripts = Map.copyOf(scripts);
            bin = Map.copyOf(bin);
            os = List.copyOf(os);
            cpu = List.copyOf(cpu);
            Objects.requireNonNull(deprecated, "deprecated");
            Objects.requireNonNull(dist, "dist");
            raw = raw.deepCopy();
        }

        @Override
        public JsonNode raw() {
            return raw.deepCopy();
        }

        /** The account that published this version ({@code _npmUser}), empty when the registry omits it. */
        public Optional<Person> npmUser() {
            return Person.from(raw.path("_npmUser"));
        }

        /** The maintainers recorded in this version's document, empty when the registry omits them. */
        public Optional<List<Person>> maintainers() {
            return Person.list(raw.path("maintainers"));
        }

        /** Whether the registry signed this version ({@code dist.signatures}, npm's ECDSA registry signatures). */
        public boolean signed() {
            JsonNode signatures = raw.path("dist").path("signatures");
            return signatures.isArray() && !signatures.isEmpty();
        }

        /**
         * Whether this version carries attestations ({@code dist.attestations}: npm provenance or a trusted
         * publisher's SLSA statement).
         */
        public boolean attested() {
            JsonNode attestations = raw.path("dist").path("attestations");
            return attestations.isObject() && !attestations.isEmpty();
        }

        /** Whether installing runs code: the registry's flag, node-gyp's implicit install, or a lifecycle script. */
        public boolean runsInstallScripts() {
            return hasInstallScript || gypfile || LifecycleScripts.runFromTarball(scripts);
        }

        static VersionDoc from(String packageName, String version, JsonNode doc) {
            JsonNode dist = doc.path("dist");
            return new VersionDoc(textOr(doc, "name", packageName), textOr(doc, "version", version),
                    strings(doc.path("dependencies")), strings(doc.path("devDependencies")),
                    strings(doc.path("optionalDependencies")), strings(doc.path("peerDependencies")),
                    strings(doc.path("scripts")), doc.path("hasInstallScript").asBoolean(false),
                    doc.path("gypfile").asBoolean(false), binMap(packageName, doc.path("bin")), list(doc.path("os")),
                    list(doc.path("cpu")), doc.path("deprecated").isTextual()
                            ? Optional.of(doc.get("deprecated").asText()) : Optional.empty(),
                    new Dist(uri(dist.path("tarball")), text(dist.path("integrity")), text(dist.path("shasum"))),
                    doc);
        }
    }

    static Packument from(String requestedName, JsonNode doc, boolean abbreviated) {
        String name = textOr(doc, "name", requestedName);
        Map<String, VersionDoc> versions = new TreeMap<>();
        doc.path("versions").properties().forEach(e -> {
            if (e.getValue().isObject()) {
                versions.put(e.getKey(), VersionDoc.from(name, e.getKey(), e.getValue()));
            }
        });
        return new Packument(name, strings(doc.path("dist-tags")), versions, abbreviated, Times.from(doc.path("time")),
                Person.list(doc.path("maintainers")));
    }

    static String textOr(JsonNode doc, String field, String fallback) {
        return doc.path(field).isTextual() ? doc.get(field).asText() : fallback;
    }

    static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    static Optional<URI> uri(JsonNode node) {
        try {
            return text(node).map(URI::create);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // an unusable URL is as good as none: the version cannot be downloaded
        }
    }

    /** The string-valued members of an object; anything else is not a dependency map npm would honour. */
    static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        node.properties().forEach(e -> {
            if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }

    /** {@code os} and {@code cpu} are arrays, but a single string is accepted by npm too. */
    static List<String> list(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(item -> {
            if (item.isTextual()) {
                out.add(item.asText());
            }
        });
        return out;
    }

    /** A string {@code bin} names one command after the package (without its scope), as npm does. */
    static Map<String, String> binMap(String packageName, JsonNode node) {
        if (node.isTextual()) {
            return Map.of(packageName.substring(packageName.indexOf('/') + 1), node.asText());
        }
        return strings(node);
    }
}
