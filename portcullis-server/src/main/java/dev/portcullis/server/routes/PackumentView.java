package dev.portcullis.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.semver.Version;
import dev.portcullis.server.gate.Gate;
import dev.portcullis.server.gate.Listing;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The document a client gets: only the listed versions, their tarball URLs on the firewall, dist-tags pointing at
 * listed versions only ({@code latest} moved to the highest listed release, other tags dropped when their version
 * is hidden) and {@code time} without the hidden versions — so a resolver picks a safe version by itself. The
 * abbreviated form ({@code application/vnd.npm.install-v1+json}) is made here whether or not the upstream makes it.
 */
final class PackumentView {
    /** The fields of a version that the abbreviated form keeps, as the public registry's corgi documents do. */
    private static final List<String> ABBREVIATED_FIELDS = List.of("name", "version", "deprecated", "dependencies",
            "optionalDependencies", "devDependencies", "peerDependencies", "peerDependenciesMeta",
            "bundleDependencies", "bundledDependencies", "acceptDependencies", "bin", "directories", "dist",
            "engines", "os", "cpu", "libc", "_hasShrinkwrap", "hasInstallScript", "funding");
    private static final Set<String> INSTALL_SCRIPTS = Set.of("preinstall", "install", "postinstall");

    private PackumentView() {
    }

    static ObjectNode render(ObjectMapper mapper, Listing listing, boolean abbreviated, String base) {
        ObjectNode source = listing.document();
        ObjectNode out = mapper.createObjectNode();
        if (!abbreviated) {
            out.put("_id", listing.name());
        }
        out.put("name", listing.name());
        ObjectNode versions = mapper.createObjectNode();
        List<String> listed = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = source.path("versions").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (!listing.listed().contains(entry.getKey()) || !entry.getValue().isObject()) {
                continue;
            }
            listed.add(entry.getKey());
            ObjectNode version = abbreviated ? abbreviate(mapper, (ObjectNode) entry.getValue())
                    : ((ObjectNode) entry.getValue()).deepCopy();
            JsonNode dist = version.get("dist");
            if (dist instanceof ObjectNode d) {
                d.put("tarball", tarballUrl(base, listing.name(), entry.getKey()));
            }
            versions.set(entry.getKey(), version);
        }
        out.set("dist-tags", distTags(mapper, source.path("dist-tags"), listed));
        JsonNode time = source.path("time");
        if (abbreviated) {
            if (time.hasNonNull("modified")) {
                out.put("modified", time.get("modified").asText());
            }
        }
        out.set("versions", versions);
        if (!abbreviated && time.isObject()) {
            ObjectNode kept = out.putObject("time");
            for (String key : List.of("created", "modified")) {
                if (time.hasNonNull(key)) {
                    kept.set(key, time.get(key));
                }
            }
            for (String v : listed) {
                if (time.hasNonNull(v)) {
                    kept.set(v, time.get(v));
                }
            }
        }
        return out;
    }

    /** One listed version's document, or empty when it is hidden or unknown. */
    static Optional<ObjectNode> version(Listing listing, String version, String base) {
        JsonNode doc = listing.versions().get(version);
        if (doc == null || !doc.isObject() || !listing.listed().contains(version)) {
            return Optional.empty();
        }
        ObjectNode copy = ((ObjectNode) doc).deepCopy();
        if (copy.get("dist") instanceof ObjectNode d) {
            d.put("tarball", tarballUrl(base, listing.name(), version));
        }
        return Optional.of(copy);
    }

    static ObjectNode distTags(ObjectMapper mapper, JsonNode tags, List<String> listed) {
        ObjectNode out = mapper.createObjectNode();
        Set<String> visible = Set.copyOf(listed);
        Iterator<Map.Entry<String, JsonNode>> fields = tags.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> tag = fields.next();
            if (tag.getValue().isTextual() && visible.contains(tag.getValue().asText())) {
                out.put(tag.getKey(), tag.getValue().asText());
            }
        }
        if (!out.has("latest")) {
            highest(listed).ifPresent(v -> out.put("latest", v));
        }
        return out;
    }

    /** The highest listed release, else the highest listed prerelease. */
    private static Optional<String> highest(List<String> listed) {
        Version best = null;
        Version bestPre = null;
        for (String v : listed) {
            Optional<Version> parsed = Version.parse(v, true);
            if (parsed.isEmpty()) {
                continue;
            }
            Version version = parsed.get();
            if (version.isPrerelease()) {
                bestPre = bestPre == null || version.compareTo(bestPre) > 0 ? version : bestPre;
            } else {
                best = best == null || version.compareTo(best) > 0 ? version : best;
            }
        }
        Version chosen = best != null ? best : bestPre;
        if (chosen == null) {
            return Optional.empty();
        }
        String shown = chosen.toString();
        return listed.contains(shown) ? Optional.of(shown) : listed.stream()
                .filter(v -> Version.parse(v, true).map(p -> p.equals(chosen)).orElse(false)).findFirst();
    }

    private static ObjectNode abbreviate(ObjectMapper mapper, ObjectNode version) {
        ObjectNode out = mapper.createObjectNode();
        for (String field : ABBREVIATED_FIELDS) {
            JsonNode value = version.get(field);
            if (value != null) {
                out.set(field, value.deepCopy());
            }
        }
        if (!out.has("hasInstallScript")) {
            JsonNode scripts = version.path("scripts");
            boolean install = INSTALL_SCRIPTS.stream().anyMatch(scripts::hasNonNull)
                    || version.path("gypfile").asBoolean(false);
            if (install) {
                out.put("hasInstallScript", true);
            }
        }
        return out;
    }

    /** The firewall's URL of a version's tarball: {@code <base>@scope/name/-/name-1.0.0.tgz}. */
    static String tarballUrl(String base, String name, String version) {
        return base + name + "/-/" + Gate.unscoped(name) + "-" + version + ".tgz";
    }
}
