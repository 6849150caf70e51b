package dev.portcullis.analysis.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.model.LifecycleScripts;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import dev.portcullis.registry.PackageSummary;
import dev.portcullis.semver.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code meta/manifest-confusion}: the registry's version document and the package.json inside the tarball disagree
 * on name, version, scripts, dependencies or bin. The registry does not check that they agree, npm installs from
 * the tarball's, and tools read the registry's — so a package can hide an install script or a dependency from every
 * scanner that trusts the document. Needs the tarball: {@code scan --deep} and {@code inspect}.
 * <p>
 * The differences npm itself introduces are not reported: optionalDependencies merged into dependencies, the
 * implicit {@code install: node-gyp rebuild} of a package with binding.gyp, a leading {@code ./} in bin paths,
 * a version written with a {@code v}.
 */
public final class ManifestConfusion implements MetadataRule {
    static final RuleDescriptor RULE = new RuleDescriptor("meta/manifest-confusion", Severity.HIGH,
            "Registry metadata and the tarball's package.json disagree",
            "npm installs what the tarball's package.json says while audits, SBOMs and the registry's web page show "
                    + "the registry's version document; a package whose two manifests differ can hide install "
                    + "scripts or dependencies from every tool that reads only one.",
            "Treat the tarball's package.json as the truth: review the hidden scripts or dependencies it declares, "
                    + "and do not install the version until it is explained.");

    @Override
    public RuleDescriptor rule() {
        return RULE;
    }

    @Override
    public void check(PackageMetadata m, MetadataSink sink) {
        PackageSummary.Manifest doc = m.manifest().orElse(null);
        JsonNode tarball = m.tarballManifest().orElse(null);
        if (doc == null || m.summary().isEmpty() || tarball == null || !tarball.isObject()) {
            return;
        }
        if (m.summary().get().abbreviated()) {
            sink.notChecked(RULE, "the registry " + m.registry() + " served only abbreviated documents");
            return;
        }
        List<String> differences = new ArrayList<>();
        String name = tarball.path("name").asText("");
        if (!name.equals(doc.name())) {
            differences.add("name: registry '" + doc.name() + "', tarball '" + name + "'");
        }
        String version = tarball.path("version").asText("");
        if (!sameVersion(version, doc.version())) {
            differences.add("version: registry '" + doc.version() + "', tarball '" + version + "'");
        }
        // the scripts npm runs when it installs the tarball: a difference in "test" or "build" runs nothing
        Map<String, String> tarballScripts = new TreeMap<>();
        strings(tarball.path("scripts")).forEach((k, v) -> {
            if (LifecycleScripts.FROM_TARBALL.contains(k)) {
                tarballScripts.put(k, v);
            }
        });
        Map<String, String> registryScripts = new TreeMap<>(doc.installScripts());
        if ("node-gyp rebuild".equals(registryScripts.get("install")) && !tarballScripts.containsKey("install")) {
            registryScripts.remove("install"); // npm adds it at publish time for binding.gyp
        }
        compare("scripts", registryScripts, tarballScripts, differences);
        Map<String, String> registryDeps = doc.dependencies();
        Map<String, String> tarballDeps = strings(tarball.path("optionalDependencies"));
        tarballDeps.putAll(strings(tarball.path("dependencies")));
        compare("dependencies", registryDeps, tarballDeps, differences);
        compare("bin", paths(doc.bin()), paths(bin(doc.name(), tarball.path("bin"))), differences);
        if (!differences.isEmpty()) {
            sink.report(RULE, m, "the registry's metadata for " + m.id() + " differs from the package.json in its "
                    + "tarball (" + differences.size() + " difference(s))", String.join("; ", differences));
        }
    }

    private static boolean sameVersion(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        var va = Version.parse(a, true);
        var vb = Version.parse(b, true);
        return va.isPresent() && vb.isPresent() && va.get().equals(vb.get());
    }

    private static void compare(String field, Map<String, String> registry, Map<String, String> tarball,
                                List<String> out) {
        TreeMap<String, String> keys = new TreeMap<>();
        registry.keySet().forEach(k -> keys.put(k, k));
        tarball.keySet().forEach(k -> keys.put(k, k));
        for (String key : keys.keySet()) {
            String r = registry.get(key);
            String t = tarball.get(key);
            if (!Objects.equals(r, t)) {
                out.add(field + "." + key + ": registry " + quote(r) + ", tarball " + quote(t));
            }
        }
    }

    private static String quote(String value) {
        if (value == null) {
            return "absent";
        }
        return "'" + (value.length() > 120 ? value.substring(0, 120) + "…" : value) + "'";
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        node.properties().forEach(e -> {
            if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }

    private static Map<String, String> bin(String name, JsonNode node) {
        if (node.isTextual()) {
            return Map.of(name.substring(name.indexOf('/') + 1), node.asText());
        }
        return strings(node);
    }

    private static Map<String, String> paths(Map<String, String> bin) {
        Map<String, String> out = new TreeMap<>();
        bin.forEach((k, v) -> out.put(k, v.startsWith("./") ? v.substring(2) : v));
        return out;
    }
}
