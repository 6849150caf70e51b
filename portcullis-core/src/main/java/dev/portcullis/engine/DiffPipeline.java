package dev.portcullis.engine;

import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Lockfile;
import dev.portcullis.model.PackageNode;
import dev.portcullis.model.Source;
import dev.portcullis.policy.Policy;
import dev.portcullis.report.DiffReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code portcullis diff}: what to compare → pairs of versions → the package-diff stage → report. Two packages are
 * one pair; two lockfiles (or the project's lockfile at a git revision and in the working tree) are a pair per
 * package whose version changed, was added or removed.
 */
public final class DiffPipeline {
    private final Portcullis portcullis;

    public DiffPipeline(Portcullis portcullis) {
        this.portcullis = portcullis;
    }

    public DiffReport run(DiffOptions options) throws InputException, IOException {
        Compared compared = compared(options);
        PackageDiffStage.Result result = new PackageDiffStage(portcullis).run(compared.pairs());
        return report(compared, result);
    }

    /** What is compared: the pairs, each side's name for the report, and notes on what was left out. */
    record Compared(String from, String to, List<PackageDiffStage.Pair> pairs, List<String> notes) {
    }

    Compared compared(DiffOptions options) throws InputException, IOException {
        return switch (options) {
            case DiffOptions.Packages packages -> new Compared(packages.from(), packages.to(),
                    List.of(new PackageDiffStage.Pair(target(packages.from()), target(packages.to()))), List.of());
            case DiffOptions.Lockfiles lockfiles -> lockfiles(readLockfile(lockfiles.from()),
                    readLockfile(lockfiles.to()), List.of());
            case DiffOptions.Base base -> base(base.gitRef());
        };
    }

    private PackageDiffStage.Target target(String raw) throws InputException {
        return switch (InspectTarget.parse(raw, portcullis.run().workingDir())) {
            case InspectTarget.Registry registry -> new PackageDiffStage.Registry(registry.name(), registry.spec());
            case InspectTarget.Archive archive -> new PackageDiffStage.Archive(archive.file(), archive.raw());
            case InspectTarget.Directory directory -> new PackageDiffStage.Directory(directory.dir(), directory.raw());
            case InspectTarget.Invalid invalid -> throw new InputException(Location.of(raw), invalid.reason());
        };
    }

    private Lockfile readLockfile(Path file) throws InputException, IOException {
        Path path = portcullis.run().workingDir().resolve(file);
        String shown = file.toString();
        if (!Files.isRegularFile(path)) {
            throw new InputException(Location.of(shown), "no such lockfile");
        }
        portcullis.projectLimits().checkLockfile(path, shown);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readAllBytes();
        }
        return LockfileDiff.read(shown, path.getFileName().toString(), bytes);
    }

    /** The project's lockfile at {@code ref} (none there: every package is new) against the working tree's. */
    private Compared base(String ref) throws InputException, IOException {
        LoadedProject project = new ProjectReader(portcullis).read();
        Lockfile now = project.lockfile();
        if (now == null) {
            throw new InputException(Location.of(project.root().toString()), "no lockfile to compare: --base compares "
                    + "the project's lockfile at a git revision with the one in the working tree");
        }
        String fileName = Path.of(now.file()).getFileName().toString();
        Optional<byte[]> then = GitRevision.show(project.root(), ref, now.file(),
                portcullis.projectLimits().maxLockfileBytes());
        List<String> notes = new ArrayList<>();
        Lockfile before = null;
        if (then.isPresent()) {
            before = LockfileDiff.read(now.file() + " at " + ref, fileName, then.get());
        } else {
            notes.add(now.file() + " does not exist at " + ref + ": every locked package is compared as added");
        }
        Compared compared = lockfiles(before, now, notes);
        return new Compared(now.file() + " at " + ref, now.file(), compared.pairs(), compared.notes());
    }

    private Compared lockfiles(Lockfile from, Lockfile to, List<String> notes) throws IOException {
        DeepScan fetching = new DeepScan(portcullis.registry(), portcullis.npmConfig(), portcullis.analyzer(),
                portcullis.tarballLimits(), Progress.NONE, 1, portcullis.policy().allowedHosts());
        Function<PackageNode, PackageDiffStage.Locked> locked = node -> {
            DeepScan.Wanted wanted = fetching.wanted(node, (Source.Registry) node.source());
            return new PackageDiffStage.Locked(wanted.name(), wanted.version(), wanted.url(), wanted.integrity());
        };
        LockfileDiff.Pairs pairs = LockfileDiff.pairs(from, to, locked);
        List<String> all = new ArrayList<>(notes);
        all.addAll(pairs.skipped());
        return new Compared(from == null ? "(none)" : from.file(), to.file(), pairs.pairs(), all);
    }

    DiffReport report(Compared compared, PackageDiffStage.Result result) {
        List<String> warnings = new ArrayList<>(compared.notes());
        warnings.addAll(result.notes());
        new Decider(portcullis.policy(), portcullis.today()).decide(List.of()).findings()
                .forEach(f -> warnings.add(f.location() + ": " + f.message()));
        Policy policy = portcullis.policy();
        return new DiffReport(Versions.tool(), compared.from(), compared.to(), result.entries(), policy.verdict(),
                policy.failOnVerdict(), warnings, result.unchecked(), RuleCatalog.all());
    }
}
