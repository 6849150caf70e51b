package dev.portcullis.engine;

import dev.portcullis.analysis.PackageInput;
import dev.portcullis.concurrent.Parallel;
import dev.portcullis.model.Finding;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.registry.Packument;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryException;
import dev.portcullis.report.VerifyReport;
import dev.portcullis.verify.FileCheck;
import dev.portcullis.verify.Identity;
import dev.portcullis.verify.IdentityCheck;
import dev.portcullis.verify.InstalledTree;
import dev.portcullis.verify.ProvenanceVerifier;
import dev.portcullis.verify.RegistryKeys;
import dev.portcullis.verify.SignatureCheck;
import dev.portcullis.verify.TreeCheck;
import dev.portcullis.verify.TrustFile;
import dev.portcullis.verify.VerifyLimits;
import dev.portcullis.verify.VerifyRules;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code portcullis verify}: what is installed against the lockfile and the published tarballs, then what the
 * registry signed and who built it.
 */
public final class VerifyPipeline {
    private final Portcullis portcullis;
    private final VerifyLimits limits = VerifyLimits.defaults();
    private final List<String> unchecked = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notes = new ArrayList<>();

    public VerifyPipeline(Portcullis portcullis) {
        this.portcullis = portcullis;
    }

    /** The locked packages fetched from a registry or a URL, each name@version once. */
    private record Locked(List<PackageNode> nodes) {
    }

    public VerifyReport run(VerifyOptions options) throws InputException, IOException {
        LoadedProject project = new ProjectReader(portcullis).read();
        Lockfile lockfile = lockfileOf(project);
        Locked locked = locked(lockfile);
        List<Finding> findings = new ArrayList<>();
        TreeCheck.Result tree = checkTree(project, lockfile, options.omitDev(), findings);
        int compared = options.files() && tree != null ? compareFiles(tree.matches(), options, findings) : 0;
        Map<String, Packument.VersionDoc> docs = options.signatures() || options.provenance()
                ? versionDocs(locked) : Map.of();
        // the keys verify signatures, and npm's publish attestations of versions that carry attestations
        boolean attested = options.provenance() && docs.values().stream().anyMatch(Packument.VersionDoc::attested);
        KeyRing keys = options.signatures() || attested ? new KeyRing(keyFile(options)) : null;
        int signed = options.signatures() ? checkSignatures(locked, docs, keys, findings) : 0;
        List<VerifyReport.Provenance> provenance = options.provenance()
                ? checkProvenance(project, locked, docs, keys, options, findings) : List.of();
        PolicyResult result = Decider.of(portcullis, options.failOn()).decide(findings);
        return new VerifyReport(Versions.tool(), lockfile.file(), lockfile.format().name().toLowerCase(
                java.util.Locale.ROOT).replace('_', '-'), new VerifyReport.Counts(locked.nodes().size(),
                installedCount, compared, signed, provenance.size()),
                result, provenance, sortedUnchecked(), notes, VerifyRules.ALL, options.failOnUnchecked(),
                portcullis.policy().file());
    }

    private int installedCount;

    private static Lockfile lockfileOf(LoadedProject project) throws InputException {
        if (project.lockfile() == null) {
            throw new InputException(Location.of(project.root().getFileName() == null ? "."
                    : project.root().getFileName().toString()), "no lockfile: verify compares what is installed "
                    + "with a lockfile (package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, bun.lock)");
        }
        return project.lockfile();
    }

    private static Locked locked(Lockfile lockfile) {
        Map<String, PackageNode> byId = new LinkedHashMap<>();
        for (PackageNode node : lockfile.graph().packages()) {
            if (node.source() instanceof Source.Registry && !node.version().isEmpty()) {
                byId.putIfAbsent(node.id(), node);
            }
        }
        List<PackageNode> nodes = new ArrayList<>(byId.values());
        nodes.sort(Comparator.comparing(PackageNode::name).thenComparing(PackageNode::version));
        return new Locked(nodes);
    }

    /** The installed tree against the lockfile; null when nothing is installed. */
    private TreeCheck.Result checkTree(LoadedProject project, Lockfile lockfile, boolean omitDev,
                                       List<Finding> findings)
            throws IOException {
        if (!InstalledTree.installed(project.root())) {
            unchecked.add("no node_modules in " + project.root().getFileName() + ": the installed tree and its "
                    + "files were not checked (install first, or verify only signatures and provenance)");
            return null;
        }
        List<String> importers = lockfile.graph().importers().stream().map(i -> i.path()).toList();
        InstalledTree.Walk walk = InstalledTree.read(project.root(), importers, limits);
        if (!walk.complete()) {
            unchecked.add("node_modules holds more than " + limits.maxPackages() + " packages: the rest were not "
                    + "checked");
        }
        TreeCheck.Result result = TreeCheck.check(lockfile, walk, omitDev);
        installedCount = walk.packages().size();
        findings.addAll(result.findings());
        return result;
    }

    /** Every matched registry package, file by file, against its tarball through the verified cache. */
    private int compareFiles(List<TreeCheck.Match> matches, VerifyOptions options, List<Finding> findings)
            throws IOException {
        List<TreeCheck.Match> comparable = matches.stream().filter(m -> !(m.node().source() instanceof Source.Git)
                && !(m.node().source() instanceof Source.Local)).toList();
        PackageFetcher fetcher = new PackageFetcher(portcullis.registry(), portcullis.tarballLimits());
        FileCheck check = new FileCheck(limits);
        List<List<Finding>> each;
        try {
            each = Parallel.io(options.parallelism()).map(comparable, match -> compare(fetcher, check, match));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while comparing installed files", e);
        }
        int compared = 0;
        for (List<Finding> f : each) {
            if (f != null) {
                compared++;
                findings.addAll(f);
            }
        }
        return compared;
    }

    /** One package's differences, or null when its tarball could not be had (said in unchecked). */
    private List<Finding> compare(PackageFetcher fetcher, FileCheck check, TreeCheck.Match match) {
        PackageNode node = match.node();
        URI url = tarballUrl(node);
        String integrity = node.integrity() != null && node.integrity().matches("(sha\\d+-\\S+\\s*)+")
                ? node.integrity() : null;
        PackageFetcher.Result read = fetcher.read(fetcher.download(node.name(), node.version(),
                integrity == null ? null : url, integrity));
        return switch (read) {
            case PackageFetcher.Failed failed -> {
                unchecked.add(node.id() + " (" + match.installed().path() + "): files not compared, its tarball "
                        + "could not be had: " + failed.message());
                yield null;
            }
            case PackageFetcher.Fetched fetched -> {
                PackageInput input = fetched.input();
                if (!input.problems().isEmpty() && input.problems().stream().anyMatch(p -> p.kind()
                        == dev.portcullis.tarball.TarballProblem.Kind.LIMIT_EXCEEDED)) {
                    unchecked.add(node.id() + ": its tarball exceeds the reading limits, files beyond them were "
                            + "not compared");
                }
                try {
                    yield check.check(match.installed(), node, input.files());
                } catch (IOException e) {
                    unchecked.add(match.installed().path() + ": cannot read the installed files: "
                            + dev.portcullis.model.Problems.describe(e));
                    yield null;
                }
            }
        };
    }

    private URI tarballUrl(PackageNode node) {
        String resolved = node.source() instanceof Source.Registry registry && registry.tarballUrl() != null
                ? registry.tarballUrl() : node.source() instanceof Source.RemoteTarball remote ? remote.url()
                : node.resolved();
        if (resolved == null || !(resolved.startsWith("https://") || resolved.startsWith("http://"))) {
            return null;
        }
        try {
            return URI.create(DeepScan.replaceRegistryHost(resolved, portcullis.npmConfig().registryFor(node.name())));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The registry's document of each locked version (full packuments: signatures need the publish time). */
    private Map<String, Packument.VersionDoc> versionDocs(Locked locked) throws IOException {
        RegistryClient registry = portcullis.registry();
        List<String> names = locked.nodes().stream().map(PackageNode::name).distinct().toList();
        Map<String, Packument> packuments = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            registry.packuments(names, false, lookup -> {
            switch (lookup) {
                case RegistryClient.Lookup.Found found -> packuments.put(found.name(), found.packument());
                case RegistryClient.Lookup.Missing missing -> unchecked.add(missing.name()
                        + ": the registry does not know it (404): its signature and provenance were not checked");
                case RegistryClient.Lookup.Failed failed -> unchecked.add(failed.name() + ": " + failed.reason());
            }
            return null;
            });
        } catch (RegistryException e) {
            unchecked.add("registry documents could not be read: " + e.getMessage());
        }
        times.putAll(publishTimes(packuments));
        Map<String, Packument.VersionDoc> docs = new LinkedHashMap<>();
        for (PackageNode node : locked.nodes()) {
            Packument packument = packuments.get(node.name());
            if (packument == null) {
                continue;
            }
            packument.version(node.version()).ifPresentOrElse(doc -> docs.put(node.id(), doc),
                    () -> unchecked.add(node.id() + ": the registry does not list this version: its signature and "
                            + "provenance were not checked"));
        }
        return docs;
    }

    private final Map<String, java.time.Instant> times = new java.util.HashMap<>();

    private static Map<String, java.time.Instant> publishTimes(Map<String, Packument> packuments) {
        Map<String, java.time.Instant> times = new java.util.HashMap<>();
        packuments.forEach((name, p) -> p.time().published().forEach((v, t) -> times.put(name + "@" + v, t)));
        return times;
    }

    private int checkSignatures(Locked locked, Map<String, Packument.VersionDoc> docs, KeyRing keys,
                                List<Finding> findings) {
        int verified = 0;
        for (PackageNode node : locked.nodes()) {
            Packument.VersionDoc doc = docs.get(node.id());
            Optional<RegistryKeys> registryKeys = doc == null ? Optional.empty() : keys.of(node.name());
            if (registryKeys.isEmpty()) {
                continue;
            }
            SignatureCheck.Outcome outcome = new SignatureCheck(registryKeys.get()).check(node, doc, Optional.ofNullable(times.get(node.id())),
                    node.location());
            findings.addAll(outcome.findings());
            verified += outcome.verified() ? 1 : 0;
        }
        return verified;
    }

    /** The key file's keys, or null when none was given. */
    private RegistryKeys keyFile(VerifyOptions options) throws InputException, IOException {
        if (options.keysFile() == null) {
            return null;
        }
        Path file = portcullis.run().workingDir().resolve(options.keysFile());
        if (!Files.isRegularFile(file)) {
            throw new InputException(Location.of(options.keysFile().toString()), "the key file does not exist");
        }
        return RegistryKeys.parse(Files.readAllBytes(file), options.keysFile().toString());
    }

    /**
     * The signing keys of each package's registry: the key file for every registry when one was given, else
     * {@code /-/npm/v1/keys} of the registry the package comes from (a scope's private registry has keys of its
     * own, or none), asked once per registry.
     */
    private final class KeyRing {
        private final RegistryKeys file;
        private final Map<String, Optional<RegistryKeys>> byRegistry = new java.util.concurrent.ConcurrentHashMap<>();

        KeyRing(RegistryKeys file) {
            this.file = file;
        }

        Optional<RegistryKeys> of(String name) {
            if (file != null) {
                return Optional.of(file);
            }
            return byRegistry.computeIfAbsent(portcullis.npmConfig().registryFor(name), this::fetch);
        }

        private Optional<RegistryKeys> fetch(String registry) {
            URI url = URI.create(registry + "-/npm/v1/keys");
            try {
                Optional<byte[]> body = portcullis.registry().document(url, registry);
                if (body.isEmpty()) {
                    unchecked.add("the registry " + registry + " publishes no signing keys (" + url + " answered "
                            + "404): the registry signatures and npm's publish attestations of its packages were not "
                            + "checked; give the keys with --keys FILE");
                    return Optional.empty();
                }
                return Optional.of(RegistryKeys.parse(body.get(), url.toString()));
            } catch (RegistryException | IOException e) {
                unchecked.add("the registry signatures and npm's publish attestations of " + registry + " were not "
                        + "checked: " + e.getMessage());
                return Optional.empty();
            } catch (InputException e) {
                unchecked.add("the registry signatures and npm's publish attestations of " + registry + " were not "
                        + "checked: its keys are unusable: " + e.getMessage());
                return Optional.empty();
            }
        }
    }

    private List<VerifyReport.Provenance> checkProvenance(LoadedProject project, Locked locked,
                                                         Map<String, Packument.VersionDoc> docs,
                                                         KeyRing keys, VerifyOptions options,
                                                         List<Finding> findings)
            throws InputException, IOException {
        ProvenanceVerifier verifier = verifier(options);
        Path trustPath = project.root().resolve(options.trustFile() != null ? options.trustFile()
                : Path.of(TrustFile.DEFAULT_NAME));
        String trustShown = options.trustFile() != null ? options.trustFile().toString() : TrustFile.DEFAULT_NAME;
        TrustFile trust = TrustFile.read(trustPath, trustShown);
        TrustFile recorded = trust;
        List<VerifyReport.Provenance> verified = new ArrayList<>();
        for (PackageNode node : locked.nodes()) {
            Packument.VersionDoc doc = docs.get(node.id());
            if (doc == null) {
                continue;
            }
            Identity identity = null;
            boolean known = true;
            if (doc.attested()) {
                Optional<byte[]> document = attestations(node, doc);
                if (document.isEmpty()) {
                    known = false;
                } else {
                    String integrity = SignatureCheck.integrity(node, doc);
                    switch (verifier.verify(document.get(), node.name(), node.version(), integrity,
                            keys == null ? null : keys.of(node.name()).orElse(null))) {
                        case ProvenanceVerifier.Verified v -> identity = v.identity();
                        case ProvenanceVerifier.Absent absent -> {
                        }
                        case ProvenanceVerifier.Rejected rejected -> {
                            findings.add(Finding.of(rejected.subject() ? VerifyRules.PROVENANCE_SUBJECT_MISMATCH
                                            : VerifyRules.PROVENANCE_INVALID, node.name(), node.version(),
                                    "the provenance of " + node.id() + " does not verify: " + rejected.message(),
                                    node.location()));
                            known = false;
                        }
                    }
                }
            }
            if (!known) {
                continue;
            }
            if (identity != null) {
                verified.add(new VerifyReport.Provenance(node.name(), node.version(), identity));
            }
            findings.addAll(IdentityCheck.check(node, identity, portcullis.policy(), trust, node.location()));
            recorded = recorded.withFirstUse(node.name(), TrustFile.Entry.of(node.version(), identity));
        }
        if (options.recordTrust()) {
            int added = recorded.packages().size() - trust.packages().size();
            recorded.write(trustPath);
            notes.add(trustShown + ": " + added + " package" + (added == 1 ? "" : "s") + " recorded, "
                    + trust.packages().size() + " already there");
        }
        return verified;
    }

    private Optional<byte[]> attestations(PackageNode node, Packument.VersionDoc doc) {
        String text = doc.raw().path("dist").path("attestations").path("url").asText("");
        try {
            String registry = portcullis.registry().registryFor(node.name());
            URI url = text.isEmpty() ? URI.create(registry + "-/npm/v1/attestations/"
                    + (node.name().startsWith("@") ? node.name().replace("/", "%2f") : node.name()) + "@"
                    + node.version()) : URI.create(text);
            Optional<byte[]> body = portcullis.registry().document(url, registry);
            if (body.isEmpty()) {
                unchecked.add(node.id() + ": its attestations (" + url + ") answered 404: provenance not checked");
            }
            return body;
        } catch (IllegalArgumentException | RegistryException | IOException e) {
            unchecked.add(node.id() + ": its attestations could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private ProvenanceVerifier verifier(VerifyOptions options) throws InputException, IOException {
        if (options.trustedRoot() == null) {
            return ProvenanceVerifier.bundled();
        }
        Path file = portcullis.run().workingDir().resolve(options.trustedRoot());
        if (!Files.isRegularFile(file)) {
            throw new InputException(Location.of(options.trustedRoot().toString()), "the trusted root does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ProvenanceVerifier.of(in, options.trustedRoot().toString());
        }
    }

    private List<String> sortedUnchecked() {
        synchronized (unchecked) {
            return unchecked.stream().sorted().toList();
        }
    }
}
