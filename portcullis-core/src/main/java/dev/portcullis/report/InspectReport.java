package dev.portcullis.report;

import dev.portcullis.model.Finding;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.policy.VerdictThresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code portcullis inspect} has to say: one result per target, in the order the targets were given.
 *
 * @param toolVersion Portcullis's version
 * @param results one per target, in argument order
 * @param thresholds how findings became verdicts
 * @param failOn the mildest verdict that fails the run (the policy's {@code verdict.failOn})
 * @param warnings about the run rather than a package (an expired ignore in the policy …), one sentence each
 * @param rules the rule catalogue (SARIF lists it)
 */
public record InspectReport(String toolVersion, List<Result> results, VerdictThresholds thresholds, Verdict failOn,
                            List<String> warnings, List<RuleDescriptor> rules) implements Report {

    /** Why a target could not be inspected: the user's input (exit 2), the network or the tool itself (exit 3). */
    public enum ErrorKind {
        INPUT, NETWORK, INTERNAL
    }

    /** A target that could not be read or fetched; the other targets still run. */
    public record Error(ErrorKind kind, String message) {
        public Error {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * One target's outcome.
     *
     * @param target the argument exactly as given
     * @param name the package's name (from its package.json, or the registry), null when it failed early
     * @param version its version, null when it failed early
     * @param verdict the package's verdict, null when {@code error} is set
     * @param findings what remains after the policy, the deciding ones (most severe) first
     * @param ignored findings the policy's ignores accepted
     * @param files regular files analysed
     * @param bytes their total size
     * @param error why the target could not be inspected, or null
     */
    public record Result(String target, String name, String version, Verdict verdict, List<Finding> findings,
                         List<PolicyResult.Ignored> ignored, int files, long bytes, Error error) {
        /** Worst severity first, then file, line and rule: the findings that decided the verdict lead. */
        public static final Comparator<Finding> DECIDING_FIRST = Comparator.comparing(Finding::severity)
                .thenComparing(Finding.ORDER);

        public Result {
            Objects.requireNonNull(target, "target");
            List<Finding> sorted = new ArrayList<>(findings);
            sorted.sort(DECIDING_FIRST);
            findings = List.copyOf(sorted);
            ignored = List.copyOf(ignored);
            if ((verdict == null) == (error == null)) {
                throw new IllegalArgumentException("a result has either a verdict or an error: " + target);
            }
        }

        public static Result failed(String target, String name, String version, Error error) {
            return new Result(target, name, version, null, List.of(), List.of(), 0, 0, error);
        }

        /** {@code name@version}, or the target as given when the package was never identified. */
        public String label() {
            return name == null || name.isEmpty() ? target : name + "@" + version;
        }
    }

    public InspectReport {
        Objects.requireNonNull(toolVersion, "toolVersion");
        results = List.copyOf(results);
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(failOn, "failOn");
        warnings = List.copyOf(warnings);
        rules = List.copyOf(rules);
    }

    /** The strictest verdict of the targets that were inspected; allow when there are none. */
    public Verdict worstVerdict() {
        return results.stream().map(Result::verdict).filter(Objects::nonNull).reduce(Verdict.ALLOW, Verdict::max);
    }

    /** True when no inspected package's verdict reaches {@link #failOn} (errors are judged apart). */
    public boolean passed() {
        return worstVerdict().ordinal() < failOn.ordinal();
    }

    /** The most serious error kind among the targets (internal over network over input), or null when none. */
    public ErrorKind worstError() {
        return worst(results.stream().map(Result::error));
    }

    /** The most serious kind among {@code errors} (nulls skipped), or null when there is none. */
    static ErrorKind worst(java.util.stream.Stream<Error> errors) {
        return errors.filter(Objects::nonNull).map(Error::kind).max(Enum::compareTo).orElse(null);
    }
}
