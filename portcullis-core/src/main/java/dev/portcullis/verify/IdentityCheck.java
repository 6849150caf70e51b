package dev.portcullis.verify;

import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.PackageNode;
import dev.portcullis.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who built a version against who should have: the policy's {@code provenance:} pins, and the trust file's record
 * of the first build seen. No surveyed tool checks both; npm's own {@code audit signatures} checks neither.
 */
public final class IdentityCheck {
    private IdentityCheck() {
    }

    /**
     * @param identity the verified builder, or null when the version has no provenance
     */
    public static List<Finding> check(PackageNode node, Identity identity, Policy policy, TrustFile trust,
                                      Location location) {
        List<Finding> findings = new ArrayList<>();
        Optional<Policy.ProvenancePin> pin = policy.provenancePin(node.name());
        if (pin.isPresent()) {
            Policy.ProvenancePin p = pin.get();
            if (identity == null) {
                findings.add(Finding.of(VerifyRules.PROVENANCE_MISSING, node.name(), node.version(), node.id()
                        + " has no provenance, but the policy pins its build to " + p.repository(), location));
            } else if (!sameRepository(p.repository(), identity.repository())) {
                findings.add(Finding.of(VerifyRules.PROVENANCE_IDENTITY_MISMATCH, node.name(), node.version(),
                        node.id() + " was built from " + identity.repository() + ", the policy pins "
                                + p.repository(), location));
            } else if (p.workflow() != null && !Identity.normalWorkflow(p.workflow()).equals(identity.workflow())) {
                findings.add(Finding.of(VerifyRules.PROVENANCE_IDENTITY_MISMATCH, node.name(), node.version(),
                        node.id() + " was built by " + identity.san() + ", the policy pins the workflow "
                                + p.workflow(), location));
            }
        }
        Optional<TrustFile.Entry> recorded = trust.entry(node.name());
        if (recorded.isPresent()) {
            TrustFile.Entry r = recorded.get();
            if (r.provenance() && identity == null) {
                findings.add(Finding.of(VerifyRules.PROVENANCE_DOWNGRADE, node.name(), node.version(), node.id()
                        + " has no provenance; " + node.name() + "@" + r.recordedVersion() + " was built by "
                        + r.repository() + " when the trust file recorded it", location));
            } else if (r.provenance() && (!sameRepository(r.repository(), identity.repository())
                    || !java.util.Objects.equals(r.workflow(), identity.workflow()))) {
                findings.add(Finding.of(VerifyRules.PROVENANCE_IDENTITY_CHANGED, node.name(), node.version(),
                        node.id() + " was built by " + identity.repository() + " (" + identity.workflow()
                                + "); the trust file records " + r.repository() + " (" + r.workflow() + ") for "
                                + node.name() + "@" + r.recordedVersion(), location));
            }
        }
        return findings;
    }

    private static boolean sameRepository(String a, String b) {
        return a != null && b != null && Identity.normalRepository(a).equals(Identity.normalRepository(b));
    }
}
