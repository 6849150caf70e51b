package dev.portcullis.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.analysis.PackageAnalysis;
import dev.portcullis.analysis.PackageAnalyzer;
import dev.portcullis.analysis.PackageInput;
import dev.portcullis.analysis.meta.TarballManifest;
import dev.portcullis.concurrent.Parallel;
import dev.portcullis.model.Location;
import dev.portcullis.model.Problems;
import dev.portcullis.policy.Policy;
import dev.portcullis.registry.RegistryClient;
import dev.portcullis.report.InspectReport;
import dev.portcullis.tarball.TarballLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code portcullis inspect}: targets → read or fetch → analyse (in parallel) → decide → report. A target that
 * cannot be read becomes an error entry of the report; the other targets still run.
 */
public final class InspectPipeline {
    private final Portcullis portcullis;
    private final PackageAnalyzer analyzer;
    private final TarballLimits limits;

    public InspectPipeline(Portcullis portcullis) {
        this.portcullis = portcullis;
        this.analyzer = portcullis.analyzer();
        this.limits = portcullis.tarballLimits();
    }

    public InspectReport run(InspectOptions options) throws IOException {
        List<Outcome> analysed = analyse(options);
        PackageJudge.Judged judged = judge(analysed);
        return report(analysed, judged);
    }

    /** One target analysed, or the entry saying why it could not be. */
    sealed interface Outcome {
        /**
         * @param note         something about the run worth a warning (a download verified by SHA-1 only), or null
         * @param fromRegistry whether the package came from the registry, whose metadata the meta/* rules judge
         * @param manifest     the package.json inside it, or null
         */
        record Analysed(String target, PackageAnalysis analysis, String note, boolean fromRegistry, JsonNode manifest)
                implements Outcome {
        }

        record Failed(InspectReport.Result result) implements Outcome {
        }
    }

    /**
     * Every analysed target judged: its content findings with, when it has a name and version, its advisories (a
     * local directory's included) and, when it came from the registry, its metadata.
     */
    PackageJudge.Judged judge(List<Outcome> outcomes) throws IOException {
        List<PackageJudge.Subject> subjects = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Analysed a) {
                PackageAnalysis analysis = a.analysis();
                subjects.add(new PackageJudge.Subject(analysis.name(), analysis.version(),
                        Location.of(analysis.name() + "@" + analysis.version()), null, analysis.findings(),
                        a.manifest(), a.fromRegistry()));
            }
        }
        return new PackageJudge(portcullis, Decider.of(portcullis, null)).judge(subjects, null);
    }

    /** Thrown inside one target's work; becomes that target's error entry. */
    static final class TargetException extends Exception {
        final InspectReport.ErrorKind kind;
        final String name;
        final String version;

        TargetException(InspectReport.ErrorKind kind, String message, String name, String version) {
            super(message);
            this.kind = kind;
            this.name = name;
            this.version = version;
        }
    }

    List<Outcome> analyse(InspectOptions options) throws IOException {
        try {
            return Parallel.cpu(Math.min(options.parallelism(), Math.max(1, options.targets().size())))
                    .map(options.targets(), this::analyseOne);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while inspecting", e);
        }
    }

    private Outcome analyseOne(String raw) {
        try {
            Read read = read(InspectTarget.parse(raw, portcullis.run().workingDir()));
            return new Outcome.Analysed(raw, analyzer.analyze(read.input()), read.note(), read.fromRegistry(),
                    TarballManifest.of(read.input().files()).orElse(null));
        } catch (TargetException e) {
            return new Outcome.Failed(InspectReport.Result.failed(raw, e.name, e.version,
                    new InspectReport.Error(e.kind, e.getMessage())));
        } catch (RuntimeException e) {
            // a defect met on one package must not cost the user the verdicts on the others
            return new Outcome.Failed(InspectReport.Result.failed(raw, null, null, new InspectReport.Error(
                    InspectReport.ErrorKind.INTERNAL, "internal error while analysing it: " + Problems.describe(e))));
        }
    }

    /** A target's package, a note for the report's warnings or null, and whether it came from the registry. */
    private record Read(PackageInput input, String note, boolean fromRegistry) {
        Read(PackageInput input, String note) {
            this(input, note, false);
        }
    }

    private Read read(InspectTarget target) throws TargetException {
        return switch (target) {
            case InspectTarget.Invalid invalid -> throw new TargetException(InspectReport.ErrorKind.INPUT,
                    invalid.reason(), null, null);
            case InspectTarget.Directory directory -> packageOf(new PackageFetcher(null, limits)
                    .directory(directory.dir(), directory.raw()));
            case InspectTarget.Archive archive -> packageOf(new PackageFetcher(null, limits)
                    .archive(archive.file(), archive.raw()));
            case InspectTarget.Registry registry -> fetch(registry);
        };
    }

    private Read fetch(InspectTarget.Registry target) throws TargetException {
        // the metadata rules need the full document (publish times, maintainers); the content alone does not
        boolean metadata = !MetadataStage.enabled(portcullis.policy()).isEmpty();
        RegistryClient client;
        try {
            client = portcullis.registry();
        } catch (IOException e) {
            throw new TargetException(InspectReport.ErrorKind.NETWORK, "cannot set up the registry client: "
                    + Problems.describe(e), target.name(), null);
        }
        return packageOf(new PackageFetcher(client, limits).registry(target.name(), target.spec(), metadata));
    }

    /** A fetched package as this pipeline reports it: a failure becomes the target's error entry. */
    private static Read packageOf(PackageFetcher.Result result) throws TargetException {
        return switch (result) {
            case PackageFetcher.Failed failed -> throw new TargetException(switch (failed.kind()) {
                case INPUT -> InspectReport.ErrorKind.INPUT;
                case NETWORK, INTEGRITY -> InspectReport.ErrorKind.NETWORK;
            }, failed.message(), failed.name(), failed.version());
            case PackageFetcher.Fetched fetched -> new Read(fetched.input(), fetched.notes().isEmpty() ? null
                    : String.join("; ", fetched.notes()), fetched.published() != null);
        };
    }

    /** One entry per target, in the order given: its verdict and decided findings, or why it failed. */
    InspectReport report(List<Outcome> outcomes, PackageJudge.Judged judged) {
        List<InspectReport.Result> results = new ArrayList<>();
        List<String> warnings = new ArrayList<>(judged.unchecked());
        warnings.addAll(judged.notes());
        new Decider(portcullis.policy(), portcullis.today()).decide(List.of()).findings()
                .forEach(f -> warnings.add(f.location() + ": " + f.message()));
        java.util.Iterator<PackageJudge.Judgement> judgements = judged.judgements().iterator();
        for (Outcome outcome : outcomes) {
            switch (outcome) {
                case Outcome.Failed failed -> results.add(failed.result());
                case Outcome.Analysed analysed -> {
                    PackageJudge.Judgement j = judgements.next();
                    PackageAnalysis analysis = analysed.analysis();
                    results.add(new InspectReport.Result(analysed.target(), orNull(analysis.name()),
                            orNull(analysis.version()), j.verdict(), j.decided().findings(), j.decided().ignored(),
                            analysis.files(), analysis.bytes(), null));
                    if (analysed.note() != null) {
                        warnings.add(analysed.note());
                    }
                }
            }
        }
        Policy policy = portcullis.policy();
        return new InspectReport(Versions.tool(), results, policy.verdict(), policy.failOnVerdict(), warnings,
                RuleCatalog.all());
    }

    /** A package without a (readable) package.json has no name: null in the report, not an empty string. */
    private static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
