package dev.portcullis.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.advisory.AdvisoryMatch;
import dev.portcullis.advisory.AdvisoryRules;
import dev.portcullis.concurrent.Beside;
import dev.portcullis.analysis.meta.DormantRevival;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.PolicyResult;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The judge stage: package versions → their content findings (when their content was analysed), the meta/* rules
 * over their registry metadata and the advisories that name them → one verdict each, decided by the run's policy,
 * with the findings behind it. {@code scan}, {@code scan --deep} and {@code inspect} judge through here, so a
 * version gets the same verdict whichever front end asks. Advisories are asked for all versions at once (the bulk
 * endpoint takes many) and metadata is read once per package.
 */
public final class PackageJudge {
    private final Portcullis portcullis;
    private final Decider decider;

    public PackageJudge(Portcullis portcullis, Decider decider) {
        this.portcullis = portcullis;
        this.decider = decider;
    }

    /**
     * One version to judge.
     *
     * @param location where its metadata and advisory findings are reported (the lockfile, or the package)
     * @param resolved where it is installed from (the lockfile's URL), or null for the registry configured for it
     * @param content its content findings, located inside it, or empty when its content was not analysed
     * @param tarballManifest the package.json inside its tarball, or null when the tarball was not read
     * @param fromRegistry whether it comes from a registry, whose metadata the meta/* rules then judge (a local
     *     directory or .tgz has none); a version without a name or version gets its content judged alone
     */
    public record Subject(String name, String version, Location location, URI resolved, List<Finding> content,
                          JsonNode tarballManifest, boolean fromRegistry) {
        public Subject {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(location, "location");
            content = List.copyOf(content);
        }

        public String id() {
            return name + "@" + version;
        }

        /** Whether advisories can name it: a package without a name or a version cannot be looked up. */
        boolean named() {
            return !name.isEmpty() && !version.isEmpty();
        }
    }

    /**
     * A version's verdict and the findings (after the policy) that decided it.
     *
     * @param findings every finding of the version before the policy: content, metadata and advisories
     */
    public record Judgement(Subject subject, List<Finding> findings, PolicyResult decided, Verdict verdict) {
        public Judgement {
            Objects.requireNonNull(subject, "subject");
            findings = List.copyOf(findings);
            Objects.requireNonNull(decided, "decided");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /**
     * The judgements, in the order asked; notes worth a word (the advisory source used, a rule whose field the
     * registry does not publish); and what could not be checked (one sentence per source: metadata not read,
     * advisories not asked), which a gate must not pass silently.
     */
    public record Judged(List<Judgement> judgements, List<String> notes, List<String> unchecked) {
        public static final Judged NONE = new Judged(List.of(), List.of(), List.of());

        public Judged {
            judgements = List.copyOf(judgements);
            notes = List.copyOf(notes);
            unchecked = List.copyOf(unchecked);
        }

        /** Every finding of every version, before the policy. */
        public List<Finding> findings() {
            List<Finding> all = new ArrayList<>();
            judgements.forEach(j -> all.addAll(j.findings()));
            return all;
        }
    }

    /**
     * Judges {@code subjects} (one per name@version).
     *
     * @param dependencyPath the path that brings a version in, for advisory findings ({@code (project) > a > b}),
     *     or null; asked only for versions that have advisories
     */
    public Judged judge(List<Subject> subjects, Function<Subject, String> dependencyPath) throws IOException {
        return judge(subjects, dependencyPath, Set.of());
    }

    /**
     * Judges {@code subjects} of a lockfile whose packages list these platform packages of their own
     * ({@code Typosquat.platformPackages}).
     */
    public Judged judge(List<Subject> subjects, Function<Subject, String> dependencyPath, Set<String> platformPackages)
            throws IOException {
        if (subjects.isEmpty()) {
            return Judged.NONE;
        }
        List<String> notes = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        // the advisory request goes out while the metadata stage reads the store: on a warm scan that one round
        // trip (and its TLS handshake) is most of what the network costs, and it need not wait for the rest
        Beside<AdvisoryCheck.Result> asked = Beside.start("advisories", () -> advisories(subjects));
        MetadataStage.Result metadata;
        try {
            metadata = metadata(subjects, platformPackages);
        } catch (IOException | RuntimeException e) {
            asked.cancel();
            throw e;
        }
        AdvisoryCheck.Result advisories = asked.join();
        notes.addAll(advisories.notes());
        unchecked.addAll(advisories.unchecked());
        unchecked.addAll(metadata.unchecked());
        notes.addAll(metadata.notes());
        Map<String, List<Finding>> metadataById = new HashMap<>();
        for (Finding f : metadata.findings()) {
            metadataById.computeIfAbsent(f.packageName() + "@" + f.version(), k -> new ArrayList<>()).add(f);
        }
        List<Judgement> judgements = new ArrayList<>(subjects.size());
        for (Subject subject : subjects) {
            List<Finding> findings = new ArrayList<>(subject.content());
            portcullis.policy().denied(subject.name(), subject.version()).ifPresent(entry -> findings.add(
                    Finding.of(dev.portcullis.policy.PolicyEngine.DENIED, subject.name(), subject.version(),
                            subject.id() + " is denied by the policy (" + entry.location() + "): " + entry.reason(),
                            subject.location())));
            for (Finding f : metadataById.getOrDefault(subject.id(), List.of())) {
                findings.add(DormantRevival.withContent(f, subject.content()));
            }
            for (AdvisoryMatch match : advisories.of(subject.name(), subject.version())) {
                findings.add(AdvisoryRules.finding(match, dependencyPath == null ? null
                        : dependencyPath.apply(subject), subject.location()));
            }
            judgements.add(judgement(subject, findings));
        }
        return new Judged(judgements, notes, unchecked);
    }

    private Judgement judgement(Subject subject, List<Finding> findings) {
        if (findings.isEmpty()) {
            // scans judge thousands of versions without findings: allowed without asking the policy
            return new Judgement(subject, findings, new PolicyResult(List.of(), List.of(), decider.policy().failOn(),
                    true), Verdict.ALLOW);
        }
        PolicyResult decided = decider.decidePackage(findings);
        return new Judgement(subject, findings, decided, decider.verdict(decided.findings()));
    }

    private AdvisoryCheck.Result advisories(List<Subject> subjects) throws IOException {
        List<AdvisoryCheck.Query> queries = subjects.stream().filter(Subject::named)
                .map(s -> new AdvisoryCheck.Query(s.name(), s.version())).toList();
        return new AdvisoryCheck(portcullis.environment().advisoryDatabase(), portcullis.clock(),
                portcullis.registry(), portcullis.metadata(), portcullis.npmConfig().registry()).check(queries);
    }

    /**
     * The meta/* rules over every version — not only newly resolved ones: a frozen install of a lockfile written an
     * hour ago installs the hour-old version all the same. Where the tarball was read, its package.json is compared
     * with the registry's (manifest confusion).
     */
    private MetadataStage.Result metadata(List<Subject> subjects, Set<String> platformPackages) throws IOException {
        if (MetadataStage.enabled(portcullis.policy()).isEmpty()) {
            return MetadataStage.Result.NONE;
        }
        Map<String, MetadataStage.Target> targets = new LinkedHashMap<>();
        for (Subject s : subjects) {
            if (!s.fromRegistry() || !s.named()) {
                continue;
            }
            targets.putIfAbsent(s.id(), new MetadataStage.Target(s.name(), s.version(), s.resolved(), s.location(),
                    s.tarballManifest()));
        }
        if (targets.isEmpty()) {
            return MetadataStage.Result.NONE;
        }
        return new MetadataStage(portcullis.metadata(), portcullis.policy(), portcullis.clock().instant(),
                platformPackages).run(List.copyOf(targets.values()));
    }
}
