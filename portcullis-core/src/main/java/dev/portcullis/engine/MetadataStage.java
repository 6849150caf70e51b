package dev.portcullis.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.analysis.meta.MetadataRule;
import dev.portcullis.analysis.meta.MetadataRules;
import dev.portcullis.analysis.meta.MetadataSettings;
import dev.portcullis.analysis.meta.MetadataSink;
import dev.portcullis.analysis.meta.PackageMetadata;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.policy.Policy;
import dev.portcullis.registry.MetadataStore;
import dev.portcullis.registry.PackageSummary;
import dev.portcullis.registry.RegistryException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry-metadata stage of {@code scan}, {@code scan --deep} and {@code inspect}: gets the summary of every
 * package once from the {@link MetadataStore} (which fetches only what it lacks), and runs the {@code meta/*} rules
 * the policy leaves on over each locked version. What could not be had (offline and not stored, network) is
 * summarised in one line; a rule that found a field missing says so once.
 */
final class MetadataStage {
    /** How many packages one unchecked line names before summarising the rest. */
    private static final int UNCHECKED_NAMED = 10;
    /** The rule that judges the name alone: the only one that runs when no document can be had. */
    private static final String NAME_ONLY_RULE = "meta/typosquat";

    private final MetadataStore store;
    private final List<MetadataRule> rules;
    private final MetadataSettings settings;
    private final Instant now;

    /**
     * One version to judge.
     *
     * @param resolved where it installs from (the lockfile's URL), or null for the registry configured for it
     * @param tarballManifest the tarball's package.json where the tarball was read, or null
     */
    record Target(String name, String version, URI resolved, Location location, JsonNode tarballManifest) {
        Target {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * @param unchecked sentences for the report's "not checked" list: metadata that could not be read
     * @param notes a rule that found its field absent from the registry's documents (a mirror that strips it)
     */
    record Result(List<Finding> findings, List<String> unchecked, List<String> notes) {
        static final Result NONE = new Result(List.of(), List.of(), List.of());
    }

    /** @param platformPackages the platform packages the lockfile's packages list ({@code Typosquat.platformPackages}) */
    MetadataStage(MetadataStore store, Policy policy, Instant now, java.util.Set<String> platformPackages) {
        this.store = store;
        this.rules = enabled(policy);
        this.settings = policy.metadata().settings().withPlatformPackages(platformPackages);
        this.now = now;
    }

    /** The metadata rules the policy does not turn off. */
    static List<MetadataRule> enabled(Policy policy) {
        return MetadataRules.ALL.stream().filter(r -> !policy.off(r.rule().id())).toList();
    }

    Result run(List<Target> targets) throws IOException {
        if (rules.isEmpty() || targets.isEmpty()) {
            return Result.NONE;
        }
        MetadataMemo memo = memo(targets);
        if (memo != null) {
            Optional<Result> recalled = memo.recall(now).flatMap(this::decode);
            if (recalled.isPresent()) {
                return recalled.get();
            }
        }
        Result result = judge(targets);
        if (memo != null && result.unchecked().isEmpty()) {
            memo.keep(now, byName(targets).keySet(), changesAt.get(), encode(result));
        }
        return result;
    }

    /** The earliest moment a rule's outcome or wording changes with the clock alone, over this run's checks. */
    private final java.util.concurrent.atomic.AtomicReference<Instant> changesAt =
            new java.util.concurrent.atomic.AtomicReference<>(Instant.MAX);

    private static Map<String, List<Target>> byName(List<Target> targets) {
        Map<String, List<Target>> byName = new LinkedHashMap<>();
        for (Target t : targets) {
            byName.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
        }
        return byName;
    }

    /**
     * The memo of judging {@code targets} with this stage's rules and settings, or null where none is kept: a
     * tarball's manifest (inspect, {@code --deep}) is not among its inputs, and a scan of those reads the tarballs
     * anyway.
     */
    private MetadataMemo memo(List<Target> targets) {
        if (targets.stream().anyMatch(t -> t.tarballManifest() != null)) {
            return null;
        }
        List<String> inputs = new ArrayList<>(targets.size() + 8);
        inputs.add(MetadataMemo.joined(rules.stream().map(r -> r.rule().id()).toList()));
        inputs.add(settings.minReleaseAge() + "|" + settings.unmaintainedAfter() + "|" + settings.dormantAfter());
        inputs.add(MetadataMemo.joined(settings.privateScopes()));
        inputs.add(MetadataMemo.joined(settings.privatePackages()));
        inputs.add(MetadataMemo.joined(new TreeSet<>(settings.typosquatAllow()).stream().toList()));
        inputs.add(MetadataMemo.joined(new TreeSet<>(settings.publicRegistryHosts()).stream().toList()));
        inputs.add(MetadataMemo.joined(new TreeSet<>(settings.platformPackages()).stream().toList()));
        for (Target t : targets) {
            inputs.add(MetadataMemo.joined(List.of(t.name(), t.version(), Objects.toString(t.resolved(), ""),
                    t.location().file(), Integer.toString(t.location().line()), store.registryFor(t.name()))));
        }
        return MetadataMemo.of(store, "metadata", inputs);
    }

    private static byte[] encode(Result result) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
            out.writeInt(result.findings().size());
            for (Finding f : result.findings()) {
                MetadataMemo.writeString(out, f.rule().id());
                MetadataMemo.writeString(out, f.severity().name());
                MetadataMemo.writeString(out, f.packageName());
                MetadataMemo.writeString(out, f.version());
                MetadataMemo.writeString(out, f.message());
                MetadataMemo.writeString(out, f.location().file());
                out.writeInt(f.location().line());
                MetadataMemo.writeString(out, f.evidence());
            }
            out.writeInt(result.notes().size());
            for (String note : result.notes()) {
                MetadataMemo.writeString(out, note);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
    }

    /** A remembered result, or empty when it names a rule this build does not have (then judged afresh). */
    private Optional<Result> decode(byte[] payload) {
        Map<String, dev.portcullis.model.RuleDescriptor> known = new java.util.HashMap<>();
        rules.forEach(r -> known.put(r.rule().id(), r.rule()));
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            int count = in.readInt();
            List<Finding> findings = new ArrayList<>(Math.min(count, 1 << 16));
            for (int i = 0; i < count; i++) {
                dev.portcullis.model.RuleDescriptor rule = known.get(MetadataMemo.readString(in));
                dev.portcullis.model.Severity severity = dev.portcullis.model.Severity.valueOf(
                        MetadataMemo.readString(in));
                String name = MetadataMemo.readString(in);
                String version = MetadataMemo.readString(in);
                String message = MetadataMemo.readString(in);
                Location location = new Location(MetadataMemo.readString(in), in.readInt());
                String evidence = MetadataMemo.readString(in);
                if (rule == null) {
                    return Optional.empty();
                }
                findings.add(new Finding(rule, severity, name, version, message, location, evidence));
            }
            int notes = in.readInt();
            List<String> notChecked = new ArrayList<>(Math.min(notes, 1 << 10));
            for (int i = 0; i < notes; i++) {
                notChecked.add(MetadataMemo.readString(in));
            }
            return Optional.of(new Result(findings, List.of(), notChecked));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Result judge(List<Target> targets) throws IOException {
        if (rules.stream().anyMatch(r -> r.rule().id().equals(NAME_ONLY_RULE))) {
            // built beside the reads when Portcullis.open left it for here (a memo was likely); at once if built
            Thread.ofPlatform().name("portcullis-typosquat-index").daemon().start(() -> {
                try {
                    dev.portcullis.analysis.meta.TyposquatIndex.bundled();
                } catch (RuntimeException | Error e) {
                    // fails again, and is reported, where the rule first uses it
                }
            });
        }
        Map<String, List<Target>> byName = byName(targets);
        MetadataSink sink = new MetadataSink();
        Map<String, String> failed = java.util.Collections.synchronizedMap(new TreeMap<>());
        boolean needsDocuments = rules.stream().anyMatch(r -> !r.rule().id().equals(NAME_ONLY_RULE));
        try {
            if (!needsDocuments) {
                byName.values().forEach(ts -> ts.forEach(t -> check(t, Optional.empty(), sink, true)));
            } else {
                Map<String, List<String>> versions = new LinkedHashMap<>();
                byName.forEach((name, ts) -> versions.put(name, ts.stream().map(Target::version).toList()));
                store.summaries(versions, lookup -> {
                    List<Target> ts = byName.get(lookup.name());
                    switch (lookup) {
                        case MetadataStore.Lookup.Found found -> ts.forEach(t -> {
                            boolean unknown = found.unconfirmed().contains(t.version());
                            check(t, Optional.of(found.summary()), sink, unknown);
                            if (unknown) {
                                failed.put(t.name() + "@" + t.version(), "the stored metadata, of "
                                        + found.summary().fetched() + ", does not list it");
                            }
                        });
                        case MetadataStore.Lookup.Missing missing ->
                                ts.forEach(t -> check(t, Optional.empty(), sink, false));
                        case MetadataStore.Lookup.Failed f -> {
                            ts.forEach(t -> check(t, Optional.empty(), sink, true));
                            ts.forEach(t -> failed.put(t.name() + "@" + t.version(), f.reason()));
                        }
                    }
                    return null;
                });
            }
        } catch (RegistryException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<String> unchecked = new ArrayList<>();
        if (!failed.isEmpty()) {
            List<String> lines = new ArrayList<>();
            failed.forEach((id, reason) -> lines.add(id + " (" + reason + ")"));
            unchecked.add(0, "registry metadata of " + lines.size() + " package(s) not read, so the meta/* rules "
                    + "did not judge them" + (store.offline() ? " (offline: run once online to cache it)" : "")
                    + ": " + String.join("; ", lines.subList(0, Math.min(UNCHECKED_NAMED, lines.size())))
                    + (lines.size() > UNCHECKED_NAMED ? "; … and " + (lines.size() - UNCHECKED_NAMED) + " more" : ""));
        }
        return new Result(sink.findings(), unchecked, sink.notChecked());
    }

    /**
     * Runs the rules over one version.
     *
     * @param nameOnly no document could be read: only the rule judging the name runs
     */
    private void check(Target t, Optional<PackageSummary> summary, MetadataSink sink, boolean nameOnly) {
        // the manifest only where a tarball was read to compare it with: reading it costs a file per package
        Optional<PackageSummary.Manifest> manifest = t.tarballManifest() == null || summary.isEmpty() || nameOnly
                ? Optional.empty() : store.manifest(t.name(), t.version());
        check(t, summary, manifest, sink, nameOnly);
    }

    private void check(Target t, Optional<PackageSummary> summary, Optional<PackageSummary.Manifest> manifest,
                       MetadataSink sink, boolean nameOnly) {
        URI resolved = t.resolved() != null ? t.resolved() : registryUri(t.name());
        PackageMetadata metadata = new PackageMetadata(t.name(), t.version(), summary, manifest,
                Optional.ofNullable(t.tarballManifest()), Optional.ofNullable(resolved),
                store.registryFor(t.name()), now, settings, t.location());
        for (MetadataRule rule : rules) {
            if (!nameOnly || rule.rule().id().equals(NAME_ONLY_RULE)) {
                rule.check(metadata, sink);
                rule.changesAt(metadata).ifPresent(at -> changesAt.accumulateAndGet(at,
                        (a, b) -> a.isBefore(b) ? a : b));
            }
        }
    }

    private URI registryUri(String name) {
        try {
            return URI.create(store.registryFor(name));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
