package dev.portcullis.report;

/** The exit codes every command keeps (README.md), and the one function that decides them. */
public enum ExitCode {
    /** The policy passed, every verdict allows, or the command did what it was asked. */
    PASSED,
    /** The policy failed or a package is blocked: the gate closed, as designed. */
    FAILED,
    /** The user's to fix: a bad option, an unreadable lockfile, policy or target. */
    USAGE,
    /** Ours or the network's: the registry, the database, the disk, a bug. */
    INTERNAL;

    /** The process exit status. */
    public int code() {
        return ordinal();
    }

    /**
     * The exit code of an outcome. A target that could not be inspected outranks every verdict: the run did not check
     * what it was asked to.
     */
    public static ExitCode of(Outcome outcome) {
        return switch (outcome) {
            // a check that could not be made outranks the verdict, as a failed target does for inspect
            case Outcome.Reported(ScanReport scan) -> scan.blockedByUnchecked() ? INTERNAL
                    : scan.passedGate() ? PASSED : FAILED;
            case Outcome.Reported(InspectReport inspect) -> inspect.worstError() != null ? of(inspect.worstError())
                    : inspect.passed() ? PASSED : FAILED;
            case Outcome.Reported(DiffReport diff) -> diff.worstError() != null ? of(diff.worstError())
                    : diff.passed() ? PASSED : FAILED;
            case Outcome.Reported(SbomReport sbom) -> PASSED;
            case Outcome.Reported(VerifyReport verify) -> verify.blockedByUnchecked() ? INTERNAL
                    : verify.passedGate() ? PASSED : FAILED;
            case Outcome.Checked(boolean passed) -> passed ? PASSED : FAILED;
            case Outcome.Done() -> PASSED;
            case Outcome.Failed(InspectReport.ErrorKind kind, String message) -> of(kind);
        };
    }

    private static ExitCode of(InspectReport.ErrorKind kind) {
        return switch (kind) {
            case INPUT -> USAGE;
            case NETWORK, INTERNAL -> INTERNAL;
        };
    }
}
