package dev.portcullis.report;

import dev.portcullis.diff.PackageDiff;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.VerdictThresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code portcullis diff} has to say: what was compared and, per package whose version changed, was
 * added or removed, what changed — the most important first — with the new version's verdict.
 *
 * @param toolVersion Portcullis's version
 * @param from what the old side is ({@code a@1.0.0}, {@code package-lock.json at HEAD~1}, a file)
 * @param to what the new side is
 * @param entries one per package, the most important first
 * @param thresholds how findings became verdicts
 * @param failOn the mildest verdict of a new version that fails the run
 * @param warnings about the run rather than a package, one sentence each
 * @param unchecked what could not be checked (metadata, advisories), one sentence per source
 * @param rules the rule catalogue (SARIF lists it)
 */
public record DiffReport(String toolVersion, String from, String to, List<Entry> entries,
                         VerdictThresholds thresholds, Verdict failOn, List<String> warnings, List<String> unchecked,
                         List<RuleDescriptor> rules)
        implements Report {

    /**
     * One package: its diff and the new version's verdict, or why it could not be compared.
     *
     * @param label {@code name} and versions as the user should read them
     * @param diff what changed, or null when {@code error} is set
     * @param verdict the new version's verdict (all its findings, not only the new ones), null for a removed
     *     package and when {@code error} is set
     */
    public record Entry(String label, PackageDiff diff, Verdict verdict, InspectReport.Error error) {
        public Entry {
            Objects.requireNonNull(label, "label");
            if ((diff == null) == (error == null)) {
                throw new IllegalArgumentException("an entry has either a diff or an error: " + label);
            }
        }
    }

    /** Failures first (a comparison that did not happen is the first thing to know), then the most important. */
    private static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> e.diff() != null)
            .thenComparing((a, b) -> a.diff() == null ? a.label().compareTo(b.label())
                    : PackageDiff.MOST_IMPORTANT_FIRST.compare(a.diff(), b.diff()));

    public DiffReport {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        entries = List.copyOf(sorted);
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(failOn, "failOn");
        warnings = List.copyOf(warnings);
        unchecked = List.copyOf(unchecked);
        rules = List.copyOf(rules);
    }

    /** The strictest verdict of the new versions; allow when there are none. */
    public Verdict worstVerdict() {
        return entries.stream().map(Entry::verdict).filter(Objects::nonNull).reduce(Verdict.ALLOW, Verdict::max);
    }

    /** True when no new version's verdict reaches {@link #failOn}. */
    public boolean passed() {
        return worstVerdict().ordinal() < failOn.ordinal();
    }

    /** The most serious error kind among the entries, or null. */
    public InspectReport.ErrorKind worstError() {
        return InspectReport.worst(entries.stream().map(Entry::error));
    }
}
