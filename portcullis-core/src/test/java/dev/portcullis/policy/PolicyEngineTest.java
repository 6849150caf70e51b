package dev.portcullis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
    private static final RuleDescriptor REMOTE = new RuleDescriptor("lockfile/remote-source", Severity.HIGH, "t", "w", "f");
    private static final RuleDescriptor PIN = new RuleDescriptor("manifest/unpinned-range", Severity.LOW, "t", "w", "f");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Finding remote(String pkg) {
        return Finding.of(REMOTE, pkg, "1.0.0", pkg + " comes from git", new Location("package-lock.json", 7));
    }

    private static Policy policy(Severity failOn, Map<String, Policy.RuleOverride> rules, List<Policy.Ignore> ignores) {
        return new Policy("portcullis.yml", failOn, List.of(), List.of(), true, List.of(), rules, ignores);
    }

    private static Policy.Ignore ignore(String pkg, LocalDate until) {
        return new Policy.Ignore("lockfile/remote-source", pkg, null, null, "reviewed", until,
                new Location("portcullis.yml", 9));
    }

    @Test
    void highFindingFailsTheDefaultThreshold() {
        PolicyResult result = new PolicyEngine(Policy.defaults(), TODAY).decide(List.of(remote("lib")));
        assertThat(result.passed()).isFalse();
        assertThat(result.findings()).containsExactly(remote("lib"));
    }

    @Test
    void lowFindingPassesTheDefaultThreshold() {
        Finding pin = Finding.of(PIN, "express", "4.21.2", "range", new Location("package.json", 5));
        PolicyResult result = new PolicyEngine(Policy.defaults(), TODAY).decide(List.of(pin));
        assertThat(result.passed()).isTrue();
        assertThat(result.findings()).containsExactly(pin);
    }

    @Test
    void severityOverrideAppliesAndCanFail() {
        Finding pin = Finding.of(PIN, "express", "4.21.2", "range", new Location("package.json", 5));
        Policy policy = policy(Severity.HIGH, Map.of(PIN.id(), new Policy.RuleOverride(PIN.id(), Severity.HIGH,
                new Location("portcullis.yml", 3))), List.of());
        PolicyResult result = new PolicyEngine(policy, TODAY).decide(List.of(pin));
        assertThat(result.findings()).containsExactly(pin.withSeverity(Severity.HIGH));
        assertThat(result.passed()).isFalse();
    }

    @Test
    void ruleTurnedOffDropsItsFindings() {
        Policy policy = policy(Severity.HIGH, Map.of(REMOTE.id(), new Policy.RuleOverride(REMOTE.id(), null,
                new Location("portcullis.yml", 3))), List.of());
        PolicyResult result = new PolicyEngine(policy, TODAY).decide(List.of(remote("lib")));
        assertThat(result.findings()).isEmpty();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void ignoreForOnePackageAcceptsOnlyThatPackage() {
        Policy policy = policy(Severity.HIGH, Map.of(), List.of(ignore("lib", null)));
        PolicyResult result = new PolicyEngine(policy, TODAY).decide(List.of(remote("lib"), remote("other")));
        assertThat(result.findings()).containsExactly(remote("other"));
        assertThat(result.ignored()).containsExactly(new PolicyResult.Ignored(remote("lib"), ignore("lib", null)));
    }

    @Test
    void ignoreValidThroughItsLastDay() {
        Policy policy = policy(Severity.HIGH, Map.of(), List.of(ignore("lib", TODAY)));
        PolicyResult result = new PolicyEngine(policy, TODAY).decide(List.of(remote("lib")));
        assertThat(result.passed()).isTrue();
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void expiredIgnoreNoLongerAppliesAndIsItselfReported() {
        Policy policy = policy(Severity.HIGH, Map.of(), List.of(ignore("lib", TODAY.minusDays(1))));
        PolicyResult result = new PolicyEngine(policy, TODAY).decide(List.of(remote("lib")));
        assertThat(result.passed()).isFalse();
        assertThat(result.ignored()).isEmpty();
        assertThat(result.findings()).extracting(f -> f.rule().id() + " " + f.location())
                .containsExactly("lockfile/remote-source package-lock.json:7",
                        "policy/expired-ignore portcullis.yml:9");
    }
}
