package dev.portcullis.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.analysis.PackageAnalyzer;
import dev.portcullis.analysis.PackageInput;
import dev.portcullis.analysis.meta.TarballManifest;
import dev.portcullis.concurrent.Parallel;
import dev.portcullis.diff.DiffLimits;
import dev.portcullis.diff.PackageDiff;
import dev.portcullis.diff.PackageDiffer;
import dev.portcullis.diff.PackageSide;
import dev.portcullis.js.FileFacts;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.Problems;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.registry.Integrity;
import dev.portcullis.registry.MetadataStore;
import dev.portcullis.registry.Packument;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.registry.RegistryException;
import dev.portcullis.report.DiffReport;
import dev.portcullis.report.InspectReport;
import dev.portcullis.tarball.TarballFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The package-diff stage: pairs of package versions → both sides had through the {@link PackageFetcher} (verified,
 * through the cache), analysed with their facts, judged as {@code inspect} judges them (content, metadata and
 * advisory findings, the run's policy) → one {@link PackageDiff} each, with the new version's verdict. Rendering is
 * the reports'; {@code diff} and the review queue ("what changed since the version last allowed") call this.
 *
 * <p>Metadata and advisories of every registry version are asked first, all at once; then each pair is fetched,
 * analysed and compared on its own, {@code threads} at a time, so that only that many pairs are unpacked at once.
 */
public final class PackageDiffStage {
    private final Portcullis portcullis;
    private final PackageAnalyzer analyzer;
    private final DiffLimits limits;
    private final int threads;

    public PackageDiffStage(Portcullis portcullis) {
        this(portcullis, DiffLimits.defaults(), Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public PackageDiffStage(Portcullis portcullis, DiffLimits limits, int threads) {
        this.portcullis = Objects.requireNonNull(portcullis, "portcullis");
        this.analyzer = portcullis.analyzer();
        this.limits = Objects.requireNonNull(limits, "limits");
        this.threads = Math.max(1, threads);
    }

    /** Where one side of a diff comes from. */
    public sealed interface Target {
        /** The side as the user named it. */
        String shown();
    }

    /** A registry version named by a spec (a version, a dist-tag or a range), as npm would pick it. */
    public record Registry(String name, String spec) implements Target {
        public Registry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public String shown() {
            return name + "@" + spec;
        }
    }

    /**
     * A registry version as a lockfile locks it: fetched from {@code url} and verified against {@code integrity}
     * (an SRI string or a hex SHA-1); both null to ask the packument.
     */
    public record Locked(String name, String version, URI url, String integrity) implements Target {
        public Locked {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }

        @Override
        public String shown() {
            return name + "@" + version;
        }
    }

    /** A local gzipped tarball. */
    public record Archive(Path file, String shown) implements Target {
    }

    /** A local package directory. */
    public record Directory(Path dir, String shown) implements Target {
    }

    /** Two sides to compare; {@code from} null for a package added, {@code to} null for one removed. */
    public record Pair(Target from, Target to) {
        public Pair {
            if (from == null && to == null) {
                throw new IllegalArgumentException("a pair needs at least one side");
            }
        }

        String label() {
            return from == null ? to.shown() + " (added)" : to == null ? from.shown() + " (removed)"
                    : from.shown() + " → " + to.shown();
        }
    }

    /**
     * The diffs, in the order of the pairs, with the run's notes and what could not be checked.
     *
     * @param entries one per pair, in the order given
     */
    public record Result(List<DiffReport.Entry> entries, List<String> notes, List<String> unchecked) {
        public Result {
            entries = List.copyOf(entries);
            notes = List.copyOf(notes);
            unchecked = List.copyOf(unchecked);
        }
    }

    /** A side that could not be had: the pair becomes an error entry. */
    private static final class SideException extends Exception {
        final InspectReport.ErrorKind kind;

        SideException(InspectReport.ErrorKind kind, String message) {
            super(message);
            this.kind = kind;
        }
    }

    public Result run(List<Pair> pairs) throws IOException {
        Map<Target, Resolved> resolved = resolve(pairs);
        Map<String, PackageJudge.Subject> byId = new LinkedHashMap<>();
        Map<String, List<String>> versionsByName = new TreeMap<>();
        for (Resolved r : resolved.values()) {
            if (r.target() instanceof Locked locked && !byId.containsKey(locked.shown())) {
                byId.put(locked.shown(), new PackageJudge.Subject(locked.name(), locked.version(),
                        Location.of(locked.shown()), locked.url(), List.of(), null, true));
                versionsByName.computeIfAbsent(locked.name(), k -> new ArrayList<>()).add(locked.version());
            }
        }
        List<PackageJudge.Subject> subjects = List.copyOf(byId.values());
        Decider decider = Decider.of(portcullis, null);
        PackageJudge.Judged judged = new PackageJudge(portcullis, decider).judge(subjects, null);
        Map<String, List<Finding>> registryFindings = new HashMap<>();
        judged.judgements().forEach(j -> registryFindings.put(j.subject().id(), j.findings()));
        Map<String, PackageSide.Publication> publications = publications(versionsByName);
        PackageDiffer differ = new PackageDiffer(limits);
        PackageFetcher fetcher = new PackageFetcher(subjects.isEmpty() ? null : portcullis.registry(),
                portcullis.tarballLimits());
        List<DiffReport.Entry> entries;
        try {
            entries = Parallel.cpu(Math.min(threads, Math.max(1, pairs.size()))).map(pairs, pair -> {
                try {
                    Sided from = side(pair.from(), resolved, fetcher, registryFindings, publications, decider,
                            file -> null);
                    Sided to = side(pair.to(), resolved, fetcher, registryFindings, publications, decider,
                            from == null ? file -> null : kept(from.side()));
                    PackageDiff diff = differ.diff(from == null ? null : from.side(), to == null ? null : to.side());
                    return new DiffReport.Entry(pair.label(), diff, to == null ? null : to.verdict(), null);
                } catch (SideException e) {
                    return new DiffReport.Entry(pair.label(), null, null, new InspectReport.Error(e.kind,
                            e.getMessage()));
                } catch (RuntimeException e) {
                    // a defect met on one package must not cost the user the other diffs
                    return new DiffReport.Entry(pair.label(), null, null, new InspectReport.Error(
                            InspectReport.ErrorKind.INTERNAL, "internal error while comparing: "
                            + Problems.describe(e)));
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while comparing packages", e);
        }
        return new Result(entries, judged.notes(), judged.unchecked());
    }

    /**
     * The old side's facts of each file the new side keeps byte for byte, where extracting it again would give the
     * same: every file read by its name, and JavaScript by name (a file the analysis read as JavaScript only
     * because the old manifest runs it with node is extracted again).
     */
    private static java.util.function.Function<TarballFile, FileFacts> kept(PackageSide old) {
        Map<String, TarballFile> files = new HashMap<>();
        old.files().forEach(f -> files.put(f.path(), f));
        Map<String, FileFacts> facts = new HashMap<>();
        old.facts().forEach(f -> facts.put(f.path(), f));
        return file -> {
            TarballFile before = files.get(file.path());
            FileFacts known = facts.get(file.path());
            if (before == null || known == null || !before.buffer().equals(file.buffer())) {
                return null;
            }
            boolean jsByName = file.path().endsWith(".js") || file.path().endsWith(".cjs")
                    || file.path().endsWith(".mjs");
            return known.language() != FileFacts.Language.JAVASCRIPT || jsByName ? known : null;
        };
    }

    /** A side compared, and its verdict. */
    private record Sided(PackageSide side, Verdict verdict) {
    }

    /** A target as it is had: a registry one as the version it names, or why it names none. */
    private record Resolved(Target target, SideException failure) {
    }

    /**
     * Every registry target as the version it names ({@link Locked}, with the packument's tarball and integrity), or
     * the {@link SideException} saying why it names none; local targets as they are.
     */
    private Map<Target, Resolved> resolve(List<Pair> pairs) throws IOException {
        Map<Target, Resolved> out = new LinkedHashMap<>();
        Map<String, Object> packuments = new HashMap<>();
        for (Pair pair : pairs) {
            for (Target target : java.util.Arrays.asList(pair.from(), pair.to())) {
                if (target == null || out.containsKey(target)) {
                    continue;
                }
                out.put(target, target instanceof Registry registry ? locate(registry, packuments)
                        : new Resolved(target, null));
            }
        }
        return out;
    }

    private Resolved locate(Registry target, Map<String, Object> packuments) throws IOException {
        Object found = packuments.get(target.name());
        if (found == null) {
            RegistryClient client = portcullis.registry();
            try {
                found = client.packument(target.name(), true).<Object>map(p -> p).orElseGet(() -> new SideException(
                        InspectReport.ErrorKind.INPUT, target.name() + " is not in the registry "
                        + client.config().registryFor(target.name()) + " (404)"));
            } catch (RegistryException e) {
                found = new SideException(InspectReport.ErrorKind.NETWORK, e.getMessage());
            }
            packuments.put(target.name(), found);
        }
        if (found instanceof SideException failed) {
            return new Resolved(null, failed);
        }
        Packument packument = (Packument) found;
        Optional<String> version = PackageFetcher.versionFor(packument, target.spec());
        if (version.isEmpty()) {
            return new Resolved(null, new SideException(InspectReport.ErrorKind.INPUT, "no version of "
                    + target.name() + " matches '" + target.spec() + "'" + Optional.ofNullable(packument.distTags()
                    .get("latest")).map(l -> " (latest is " + l + ")").orElse("")));
        }
        Packument.VersionDoc doc = packument.version(version.get()).orElseThrow();
        Optional<URI> url = doc.dist().tarball();
        Optional<Integrity> integrity = doc.dist().strongest();
        if (url.isEmpty() || integrity.isEmpty()) {
            return new Resolved(null, new SideException(InspectReport.ErrorKind.INPUT, target.name() + "@"
                    + version.get() + " publishes no verifiable tarball (a URL and an integrity or shasum)"));
        }
        return new Resolved(new Locked(target.name(), version.get(), url.get(), integrity.get().toString()), null);
    }

    /** Who published each registry version and what the registry vouches for, from the metadata store. */
    private Map<String, PackageSide.Publication> publications(Map<String, List<String>> versionsByName)
            throws IOException {
        Map<String, PackageSide.Publication> out = new ConcurrentHashMap<>();
        if (versionsByName.isEmpty()) {
            return out;
        }
        try {
            portcullis.metadata().summaries(versionsByName, lookup -> {
                if (lookup instanceof MetadataStore.Lookup.Found found) {
                    for (String version : versionsByName.get(lookup.name())) {
                        found.summary().version(version).ifPresent(facts -> out.put(lookup.name() + "@" + version,
                                new PackageSide.Publication(facts.npmUser().map(Packument.Person::toString)
                                        .orElse(null), facts.attested(), facts.signed())));
                    }
                }
                return null;
            });
        } catch (RegistryException e) {
            throw new IOException(e.getMessage(), e);
        }
        return out;
    }

    private Sided side(Target target, Map<Target, Resolved> resolved, PackageFetcher fetcher,
                       Map<String, List<Finding>> registryFindings, Map<String, PackageSide.Publication> publications,
                       Decider decider, java.util.function.Function<TarballFile, FileFacts> known)
            throws SideException {
        if (target == null) {
            return null;
        }
        Resolved r = resolved.get(target);
        if (r.failure() != null) {
            throw r.failure();
        }
        Target at = r.target();
        PackageFetcher.Result read = switch (at) {
            case Locked locked -> fetcher.read(fetcher.download(locked.name(), locked.version(), locked.url(),
                    locked.integrity()));
            case Archive archive -> fetcher.archive(archive.file(), archive.shown());
            case Directory directory -> fetcher.directory(directory.dir(), directory.shown());
            case Registry registry -> throw new IllegalStateException("unresolved " + registry.shown());
        };
        PackageInput input = switch (read) {
            case PackageFetcher.Failed failed -> throw new SideException(switch (failed.kind()) {
                case INPUT -> InspectReport.ErrorKind.INPUT;
                case NETWORK, INTEGRITY -> InspectReport.ErrorKind.NETWORK;
            }, target.shown() + ": " + failed.message());
            case PackageFetcher.Fetched fetched -> fetched.input();
        };
        PackageAnalyzer.Analysed analysed = analyzer.analyzeWithFacts(input, known);
        List<Finding> findings = new ArrayList<>(analysed.analysis().findings());
        PackageSide.Publication publication = PackageSide.Publication.LOCAL;
        if (at instanceof Locked locked) {
            findings.addAll(registryFindings.getOrDefault(locked.shown(), List.of()));
            publication = publications.getOrDefault(locked.shown(), new PackageSide.Publication(null, false, false));
        }
        PolicyResult decided = findings.isEmpty() ? null : decider.decidePackage(findings);
        List<Finding> kept = decided == null ? List.of() : decided.findings();
        JsonNode manifest = TarballManifest.of(input.files()).orElse(null);
        return new Sided(new PackageSide(input.name(), input.version(), input.files(), analysed.facts(), manifest,
                publication, kept), decided == null ? Verdict.ALLOW : decider.verdict(kept));
    }
}
