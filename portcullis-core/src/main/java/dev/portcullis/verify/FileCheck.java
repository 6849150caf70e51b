package dev.portcullis.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.json.Json;
import dev.portcullis.model.Finding;
import dev.portcullis.model.InstallScripts;
import dev.portcullis.model.LifecycleScripts;
import dev.portcullis.model.Location;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Severity;
import dev.portcullis.tarball.TarballFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One installed package, file by file, against the tarball the registry published (verified against the lockfile's
 * integrity before it gets here). What installers change on purpose is not a finding:
 * <ul>
 * <li>package.json: npm 6 and older, and yarn 1 in some versions, add {@code _}-prefixed bookkeeping fields
 * ({@code _from}, {@code _resolved}, {@code _integrity} …), so package.json is compared as JSON without them;</li>
 * <li>bin targets: npm's bin-links (and the clients that copy it) turn a CRLF shebang line of a Windows-packed
 * bin file into LF and make it executable, so bin targets are compared with CRLF read as LF, modes never;</li>
 * <li>{@code node_modules/} inside the package: its dependencies (or bundled dependencies), checked as packages of
 * their own.</li>
 * </ul>
 * A package whose install scripts ran writes build output into its own directory: its extra files are reported at
 * low severity.
 */
public final class FileCheck {
    /** Findings of one package beyond which the rest are counted in one last finding. */
    static final int MAX_FINDINGS_PER_PACKAGE = 25;

    private final VerifyLimits limits;

    public FileCheck(VerifyLimits limits) {
        this.limits = limits;
    }

    /** The differences between {@code installed} and its published {@code files} (paths relative to the package). */
    public List<Finding> check(InstalledTree.Installed installed, PackageNode node, List<TarballFile> files)
            throws IOException {
        Map<String, TarballFile> published = new TreeMap<>();
        files.forEach(f -> published.put(f.path(), f));
        Map<String, Path> onDisk = installedFiles(installed.dir());
        Set<String> bins = binTargets(published.get("package.json"));
        boolean builds = node.installScripts() == InstallScripts.YES || runsInstallScripts(published);
        List<Finding> findings = new ArrayList<>();
        int over = 0;
        Set<String> all = new java.util.TreeSet<>(published.keySet());
        all.addAll(onDisk.keySet());
        for (String path : all) {
            if (path.startsWith("node_modules/")) {
                continue;
            }
            TarballFile expected = published.get(path);
            Path actual = onDisk.get(path);
            Finding finding = null;
            String shown = installed.path() + "/" + path;
            if (expected == null) {
                finding = new Finding(VerifyRules.EXTRA_FILE, builds ? Severity.LOW
                        : VerifyRules.EXTRA_FILE.defaultSeverity(), node.name(), node.version(), shown
                        + " is not in " + node.id() + "'s published tarball"
                        + (builds ? " (its install scripts may have written it)" : ""), Location.of(shown));
            } else if (actual == null) {
                finding = Finding.of(VerifyRules.MISSING_FILE, node.name(), node.version(), shown + " of "
                        + node.id() + "'s published tarball is not installed", Location.of(shown));
            } else if (!same(path, expected, actual, bins)) {
                long size = Files.isRegularFile(actual, LinkOption.NOFOLLOW_LINKS) ? Files.size(actual) : 0;
                finding = Finding.of(VerifyRules.MODIFIED_FILE, node.name(), node.version(), shown + " differs from "
                        + node.id() + "'s published tarball (" + size + " bytes installed, " + expected.size()
                        + " published)", Location.of(shown));
            }
            if (finding != null) {
                if (findings.size() < MAX_FINDINGS_PER_PACKAGE) {
                    findings.add(finding);
                } else {
                    over++;
                }
            }
        }
        if (over > 0) {
            Finding last = findings.getLast();
            findings.add(new Finding(last.rule(), last.severity(), node.name(), node.version(), over
                    + " more differences in " + installed.path() + " not listed", Location.of(installed.path())));
        }
        return findings;
    }

    private boolean same(String path, TarballFile expected, Path actual, Set<String> bins) throws IOException {
        if (!Files.isRegularFile(actual, LinkOption.NOFOLLOW_LINKS)) {
            return false; // a link where the tarball has a file: npm never extracts links from a tarball
        }
        long size = Files.size(actual);
        boolean bin = bins.contains(path);
        if (!bin && !path.equals("package.json") && size != expected.size()) {
            return false;
        }
        if (size > limits.maxFileBytes() || size > 2L * expected.size() + 65_536) {
            // larger than any tarball file the reader keeps, or than a rewrite of this one could make it: the bytes
            // are not read (a planted file of gigabytes costs nothing)
            return false;
        }
        byte[] bytes = read(actual, size);
        byte[] published = expected.content();
        if (Arrays.equals(bytes, published)) {
            return true;
        }
        if (path.equals("package.json")) {
            return sameManifest(published, bytes);
        }
        return bin && Arrays.equals(lf(bytes), lf(published));
    }

    private static byte[] read(Path file, long size) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes((int) size + 1);
        }
    }

    /** Equal as JSON once the installers' {@code _}-prefixed bookkeeping fields are left out. */
    private static boolean sameManifest(byte[] published, byte[] installed) {
        try {
            JsonNode a = withoutBookkeeping(Json.mapper().readTree(published));
            JsonNode b = withoutBookkeeping(Json.mapper().readTree(installed));
            return a != null && a.equals(b);
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode withoutBookkeeping(JsonNode json) {
        if (json instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.startsWith("_")) {
                    copy.remove(name);
                }
            }
            return copy;
        }
        return json;
    }

    private static byte[] lf(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The files of a bin entry of the published package.json, normalised as tarball paths. */
    private static Set<String> binTargets(TarballFile manifest) {
        Set<String> targets = new HashSet<>();
        if (manifest == null) {
            return targets;
        }
        try {
            JsonNode bin = Json.mapper().readTree(manifest.content()).path("bin");
            if (bin.isTextual()) {
                targets.add(normal(bin.asText()));
            } else if (bin.isObject()) {
                bin.elements().forEachRemaining(t -> targets.add(normal(t.asText())));
            }
        } catch (IOException e) {
            // a package.json that is not JSON names no bins; its own difference is reported
        }
        return targets;
    }

    private static String normal(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    private static boolean runsInstallScripts(Map<String, TarballFile> published) {
        if (published.containsKey("binding.gyp")) {
            return true;
        }
        TarballFile manifest = published.get("package.json");
        if (manifest == null) {
            return false;
        }
        try {
            JsonNode scripts = Json.mapper().readTree(manifest.content()).path("scripts");
            Map<String, String> map = new TreeMap<>();
            scripts.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            return LifecycleScripts.runFromTarball(map);
        } catch (IOException e) {
            return false;
        }
    }

    /** Every file under {@code dir} by path relative to it, links included as files (never followed). */
    private Map<String, Path> installedFiles(Path dir) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return d.equals(dir.resolve("node_modules")) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (files.size() >= limits.maxFilesPerPackage()) {
                    return FileVisitResult.TERMINATE;
                }
                files.put(dir.relativize(file).toString().replace('\\', '/'), file);
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }
}
