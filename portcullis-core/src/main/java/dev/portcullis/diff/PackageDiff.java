package dev.portcullis.diff;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What changed in one package between two versions (or two tarballs, or two directories), as {@link PackageDiffer}
 * computes it; the reports render it, and the review queue reads it for "what changed since the version last
 * allowed". Each list is in the order a reviewer should read it, the most important first.
 *
 * @param name the package's name
 * @param from the old version, or null when the package was added
 * @param to the new version, or null when it was removed
 * @param files files added, removed and changed, at most {@link DiffLimits#maxFiles()}
 * @param filesOmitted file changes past that limit
 * @param capabilities capabilities gained and lost, each at the file and line where it shows
 * @param capabilitiesOmitted capability changes past {@link DiffLimits#maxCapabilityChanges()}
 * @param scripts lifecycle scripts added, removed or changed
 * @param dependencies dependencies added, removed or whose range changed
 * @param publication changes of publisher, provenance and registry signature
 * @param newFindings the new version's findings that the old one did not have, the most severe first
 */
public record PackageDiff(String name, String from, String to, Kind kind, Size size, List<FileChange> files,
                          int filesOmitted, List<CapabilityChange> capabilities, int capabilitiesOmitted,
                          List<ScriptChange> scripts, List<DependencyChange> dependencies,
                          List<PublicationChange> publication, List<Finding> newFindings) {
    /** Worst severity first, then file and rule: as the other reports list findings. */
    public static final Comparator<Finding> SEVERE_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(Finding.ORDER);

    public PackageDiff {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(size, "size");
        files = List.copyOf(files);
        capabilities = List.copyOf(capabilities);
        scripts = List.copyOf(scripts);
        dependencies = List.copyOf(dependencies);
        publication = List.copyOf(publication);
        List<Finding> sorted = new ArrayList<>(newFindings);
        sorted.sort(SEVERE_FIRST);
        newFindings = List.copyOf(sorted);
    }

    public enum Kind {
        ADDED, REMOVED, CHANGED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Files and bytes of each side (0 for a side that does not exist). */
    public record Size(int fromFiles, int toFiles, long fromBytes, long toBytes) {
        public long change() {
            return toBytes - fromBytes;
        }
    }

    public enum Status {
        ADDED, REMOVED, CHANGED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How a file's content is shown. */
    public enum Content {
        /** Text: a unified diff, bounded. */
        TEXT,
        /** Bytes that are not text (a NUL among the first 8000, as git decides): sizes only. */
        BINARY,
        /** Machine-generated code (long lines throughout): summarised, not dumped. */
        MINIFIED,
        /** Text too large to diff within {@link DiffLimits}: sizes only. */
        LARGE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One file that differs.
     *
     * @param fromBytes its old size, 0 when added
     * @param toBytes its new size, 0 when removed
     * @param diff the unified diff of a text file, bounded, or null when none is shown
     * @param note what the diff does not show, in words (a mode change, lines cut, the package's diff budget spent),
     *     or null
     */
    public record FileChange(String path, Status status, long fromBytes, long toBytes, Content content, String diff,
                             String note) {
        public FileChange {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(content, "content");
        }
    }

    public enum Direction {
        GAINED, LOST;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A capability one version shows at a place where the other does not.
     *
     * @param file where, relative to the package root
     * @param line the line there, 0 for the file as a whole
     * @param detail the specific (the API, the environment key, the binary format)
     * @param evidence the source snippet
     * @param newToPackage whether the other version shows this capability nowhere at all
     */
    public record CapabilityChange(Capability capability, Direction direction, String file, int line, String detail,
                                   String evidence, boolean newToPackage) {
        public CapabilityChange {
            Objects.requireNonNull(capability, "capability");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(evidence, "evidence");
        }

        /** {@code file:line}, or the file alone. */
        public String at() {
            return line > 0 ? file + ":" + line : file;
        }
    }

    /** A lifecycle script whose command changed; {@code from} or {@code to} null when it was added or removed. */
    public record ScriptChange(String script, String from, String to) {
        public ScriptChange {
            Objects.requireNonNull(script, "script");
        }
    }

    /**
     * A dependency of the package's package.json that changed.
     *
     * @param type {@code dependencies}, {@code optionalDependencies}, {@code peerDependencies} or
     *     {@code bundleDependencies}
     * @param from the old range, null when added
     * @param to the new range, null when removed
     */
    public record DependencyChange(String type, String name, String from, String to) {
        public DependencyChange {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A change of who published or what the registry vouches for.
     *
     * @param what {@code publisher}, {@code provenance} or {@code signature}
     * @param from the old value in words
     * @param to the new value in words
     */
    public record PublicationChange(String what, String from, String to) {
        public PublicationChange {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** Provenance or a signature that was there and is gone: what an attacker publishing by hand looks like. */
        public boolean downgrade() {
            return !what.equals("publisher") && from.equals("present") && to.equals("absent");
        }
    }

    /** {@code name@from → to}, {@code name@to (added)}, {@code name@from (removed)}. */
    public String label() {
        return switch (kind) {
            case ADDED -> name + "@" + to + " (added)";
            case REMOVED -> name + "@" + from + " (removed)";
            case CHANGED -> from.equals(to) ? name + "@" + to : name + " " + from + " → " + to;
        };
    }

    /** The most severe new finding, or null when there is none. */
    public Severity worstNewFinding() {
        return newFindings.isEmpty() ? null : newFindings.getFirst().severity();
    }

    /**
     * How much this diff asks of a reviewer, for ordering packages: new findings by severity, then install-time
     * scripts, provenance or signatures lost and a new publisher, capabilities new to the package, new dependencies,
     * and last the amount of code that changed.
     */
    public long importance() {
        long score = 0;
        Severity worst = worstNewFinding();
        if (worst != null) {
            score += switch (worst) {
                case CRITICAL -> 100_000;
                case HIGH -> 50_000;
                case MEDIUM -> 10_000;
                case LOW -> 2_000;
                case INFO -> 500;
            };
        }
        score += scripts.isEmpty() ? 0 : 20_000;
        for (PublicationChange change : publication) {
            score += change.downgrade() ? 15_000 : change.what().equals("publisher") ? 8_000 : 0;
        }
        for (CapabilityChange change : capabilities) {
            if (change.direction() == Direction.GAINED) {
                score += change.newToPackage() ? 4_000 : 100;
            }
        }
        score += dependencies.stream().filter(d -> d.from() == null).count() * 1_000;
        score += files.size() + filesOmitted;
        return score;
    }

    /** Most important first, then by name: the order of every diff report. */
    public static final Comparator<PackageDiff> MOST_IMPORTANT_FIRST = Comparator
            .comparingLong(PackageDiff::importance).reversed().thenComparing(PackageDiff::name)
            .thenComparing(d -> Objects.toString(d.to(), ""));

    /** The facts worth a table cell, in a few words each: "2 new findings (high)", "postinstall added" … */
    public List<String> headlines() {
        List<String> out = new ArrayList<>();
        if (!newFindings.isEmpty()) {
            out.add(newFindings.size() + " new finding" + (newFindings.size() == 1 ? "" : "s") + " ("
                    + worstNewFinding().id() + ")");
        }
        for (ScriptChange script : scripts) {
            out.add(script.script() + (script.from() == null ? " added" : script.to() == null ? " removed"
                    : " changed"));
        }
        for (PublicationChange change : publication) {
            out.add(change.what() + " " + change.from() + " → " + change.to());
        }
        List<String> gained = capabilities.stream().filter(c -> c.direction() == Direction.GAINED && c.newToPackage())
                .map(c -> c.capability().id()).distinct().toList();
        if (!gained.isEmpty()) {
            out.add("gains " + String.join(", ", gained));
        }
        long added = dependencies.stream().filter(d -> d.from() == null).count();
        if (added > 0) {
            out.add(added + " new dependenc" + (added == 1 ? "y" : "ies"));
        }
        return out;
    }
}
