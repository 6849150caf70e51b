package dev.portcullis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.advisory.AdvisoryException;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.portcullis.model.Severity;
import dev.portcullis.model.Verdict;
import dev.portcullis.policy.PolicyResult;
import dev.portcullis.policy.VerdictThresholds;
import dev.portcullis.project.Footprint;
import dev.portcullis.registry.RegistryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every outcome a command can end with, and the exit code README.md promises for it. */
class ExitCodeTest {

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of("scan passed", new Outcome.Reported(scan(true)), 0),
                Arguments.of("scan failed the policy", new Outcome.Reported(scan(false)), 1),
                Arguments.of("scan with something unchecked, not failing on it",
                        new Outcome.Reported(scan(true, new ScanReport.Gate(false, false), "metadata")), 0),
                Arguments.of("scan with something unchecked, failing on it (CI)",
                        new Outcome.Reported(scan(true, new ScanReport.Gate(false, true), "metadata")), 3),
                Arguments.of("scan failing on unchecked with nothing unchecked",
                        new Outcome.Reported(scan(true, new ScanReport.Gate(false, true))), 0),
                Arguments.of("scan unchecked outranks the policy's failure",
                        new Outcome.Reported(scan(false, new ScanReport.Gate(false, true), "advisories")), 3),
                Arguments.of("scan report-only: the policy failed, exit 0",
                        new Outcome.Reported(scan(false, new ScanReport.Gate(true, false))), 0),
                Arguments.of("scan report-only still fails closed on unchecked",
                        new Outcome.Reported(scan(false, new ScanReport.Gate(true, true), "advisories")), 3),
                Arguments.of("inspect: every verdict allows", new Outcome.Reported(inspect(Verdict.ALLOW)), 0),
                Arguments.of("inspect: a review below failOn block", new Outcome.Reported(inspect(Verdict.REVIEW)), 0),
                Arguments.of("inspect: a package blocked", new Outcome.Reported(inspect(Verdict.BLOCK)), 1),
                Arguments.of("inspect: a target unreadable, even beside a block",
                        new Outcome.Reported(inspect(Verdict.BLOCK, InspectReport.ErrorKind.INPUT)), 2),
                Arguments.of("inspect: a target's registry down outranks an unreadable one",
                        new Outcome.Reported(inspect(Verdict.ALLOW, InspectReport.ErrorKind.INPUT,
                                InspectReport.ErrorKind.NETWORK)), 3),
                Arguments.of("inspect: an internal error on a target",
                        new Outcome.Reported(inspect(Verdict.ALLOW, InspectReport.ErrorKind.INTERNAL)), 3),
                Arguments.of("diff: every new version allowed", new Outcome.Reported(diff(Verdict.ALLOW)), 0),
                Arguments.of("diff: a new version blocked", new Outcome.Reported(diff(Verdict.BLOCK)), 1),
                Arguments.of("diff: a version the registry lacks",
                        new Outcome.Reported(diff(Verdict.ALLOW, InspectReport.ErrorKind.INPUT)), 2),
                Arguments.of("diff: the registry unreachable for one package",
                        new Outcome.Reported(diff(Verdict.BLOCK, InspectReport.ErrorKind.NETWORK)), 3),
                Arguments.of("sbom written", new Outcome.Reported(new SbomReport("0.1.0-test",
                        new SbomReport.Component("root", "app", "1.0.0", "pkg:npm/app@1.0.0", SbomReport.Scope.REQUIRED,
                                SbomReport.Kind.PROJECT, List.of(), List.of(), null), List.of(), java.util.Map.of(),
                        null, null, List.of())), 0),
                Arguments.of("verify passed", new Outcome.Reported(verify(true, false)), 0),
                Arguments.of("verify: a finding at the threshold", new Outcome.Reported(verify(false, false)), 1),
                Arguments.of("verify: unchecked, not failing on it", new Outcome.Reported(verify(true, false,
                        "no node_modules")), 0),
                Arguments.of("verify: unchecked outranks findings with --fail-on-unchecked",
                        new Outcome.Reported(verify(false, true, "no registry keys")), 3),
                Arguments.of("db status: advisories loaded", new Outcome.Checked(true), 0),
                Arguments.of("db status: no database", new Outcome.Checked(false), 1),
                Arguments.of("init, rules, db import", new Outcome.Done(), 0),
                Arguments.of("bad input", new Outcome.Failed(InspectReport.ErrorKind.INPUT, "x"), 2),
                Arguments.of("network down", new Outcome.Failed(InspectReport.ErrorKind.NETWORK, "x"), 3),
                Arguments.of("internal", new Outcome.Failed(InspectReport.ErrorKind.INTERNAL, "x"), 3));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("outcomes")
    void decidesTheExitCode(String scenario, Outcome outcome, int expected) {
        assertThat(ExitCode.of(outcome).code()).isEqualTo(expected);
    }

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(new InputException(new Location("package-lock.json", 3), "expected an object"),
                        new Outcome.Failed(InspectReport.ErrorKind.INPUT, "package-lock.json:3: expected an object")),
                Arguments.of(new RegistryException("HTTP 503 for lodash"),
                        new Outcome.Failed(InspectReport.ErrorKind.NETWORK, "registry: HTTP 503 for lodash")),
                Arguments.of(new AdvisoryException("the database is locked"),
                        new Outcome.Failed(InspectReport.ErrorKind.INTERNAL, "the database is locked")),
                Arguments.of(new NoSuchFileException("/x/y"),
                        new Outcome.Failed(InspectReport.ErrorKind.INTERNAL, "no such file: /x/y")),
                Arguments.of(new java.net.ConnectException(),
                        new Outcome.Failed(InspectReport.ErrorKind.INTERNAL, "connection refused")),
                Arguments.of(new UncheckedIOException(new IOException("disk full")),
                        new Outcome.Failed(InspectReport.ErrorKind.INTERNAL,
                                "internal error: disk full")));
    }

    @ParameterizedTest
    @MethodSource("exceptions")
    void namesWhoseProblemAnExceptionIs(Exception e, Outcome.Failed expected) {
        assertThat(Outcome.failed(e)).isEqualTo(expected);
    }

    private static ScanReport scan(boolean passed) {
        return scan(passed, ScanReport.Gate.POLICY);
    }

    private static ScanReport scan(boolean passed, ScanReport.Gate gate, String... unchecked) {
        return new ScanReport("0.1.0-test", null, new PolicyResult(List.of(), List.of(), Severity.HIGH, passed),
                new Footprint(0, 0, 0, 0, 0, 0, 0, 0, Map.of(), List.of(), List.of()), List.of(unchecked), List.of(),
                null, List.of(), gate);
    }

    private static VerifyReport verify(boolean passed, boolean failOnUnchecked, String... unchecked) {
        return new VerifyReport("0.1.0-test", "package-lock.json", "npm", new VerifyReport.Counts(1, 1, 1, 0, 0),
                new PolicyResult(List.of(), List.of(), Severity.HIGH, passed), List.of(), List.of(unchecked),
                List.of(), List.of(), failOnUnchecked, null);
    }

    private static InspectReport inspect(Verdict verdict, InspectReport.ErrorKind... errors) {
        List<InspectReport.Result> results = new java.util.ArrayList<>();
        results.add(new InspectReport.Result("a@1.0.0", "a", "1.0.0", verdict, List.of(), List.of(), 1, 10, null));
        for (InspectReport.ErrorKind kind : errors) {
            results.add(InspectReport.Result.failed("b@" + kind, null, null, new InspectReport.Error(kind, "no")));
        }
        return new InspectReport("0.1.0-test", results, VerdictThresholds.defaults(), Verdict.BLOCK, List.of(),
                List.of());
    }

    private static DiffReport diff(Verdict verdict, InspectReport.ErrorKind... errors) {
        List<DiffReport.Entry> entries = new java.util.ArrayList<>();
        entries.add(new DiffReport.Entry("a 1.0.0 → 1.0.1", new dev.portcullis.diff.PackageDiff("a", "1.0.0", "1.0.1",
                dev.portcullis.diff.PackageDiff.Kind.CHANGED, new dev.portcullis.diff.PackageDiff.Size(1, 1, 10, 12),
                List.of(), 0, List.of(), 0, List.of(), List.of(), List.of(), List.of()), verdict, null));
        for (InspectReport.ErrorKind kind : errors) {
            entries.add(new DiffReport.Entry("b@" + kind, null, null, new InspectReport.Error(kind, "no")));
        }
        return new DiffReport("0.1.0-test", "old", "new", entries, VerdictThresholds.defaults(), Verdict.BLOCK,
                List.of(), List.of(), List.of());
    }
}
