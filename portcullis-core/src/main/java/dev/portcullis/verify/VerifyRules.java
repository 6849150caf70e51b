package dev.portcullis.verify;

import dev.portcullis.model.RuleDescriptor;
import dev.portcullis.model.Severity;
import java.util.List;

/** The rules of {@code portcullis verify}: what is installed, what the registry signed, who built it. */
public final class VerifyRules {
    private VerifyRules() {
    }

    public static final RuleDescriptor MISSING_PACKAGE = new RuleDescriptor("verify/missing-package", Severity.HIGH,
            "A locked package is not installed",
            "The lockfile names a package that node_modules does not hold: the install was partial, or something "
                    + "removed it afterwards, and code that requires it fails or resolves to another copy.",
            "Install again with the frozen install (npm ci, pnpm install --frozen-lockfile, yarn install "
                    + "--immutable, bun install --frozen-lockfile).");
    public static final RuleDescriptor UNEXPECTED_PACKAGE = new RuleDescriptor("verify/unexpected-package",
            Severity.HIGH, "An installed package that the lockfile does not name",
            "Code in node_modules that no lockfile entry accounts for was put there outside the install (a manual "
                    + "copy, a script, an attacker) and runs when required.",
            "Remove node_modules and install again with the frozen install; find out what wrote the package.");
    public static final RuleDescriptor VERSION_MISMATCH = new RuleDescriptor("verify/version-mismatch",
            Severity.HIGH, "An installed package is not at its locked version",
            "The package on disk is another version than the lockfile pins: the reviewed and locked code is not "
                    + "what runs.",
            "Install again with the frozen install, so that node_modules matches the lockfile.");
    public static final RuleDescriptor MODIFIED_FILE = new RuleDescriptor("verify/modified-file", Severity.CRITICAL,
            "An installed file differs from the published tarball",
            "A file under node_modules does not hold the bytes the registry published for that version (and the "
                    + "lockfile's integrity vouches for): it was changed after the install.",
            "Treat the machine as compromised until you know what changed it; remove node_modules and install "
                    + "again.");
    public static final RuleDescriptor EXTRA_FILE = new RuleDescriptor("verify/extra-file", Severity.HIGH,
            "An installed package holds a file its tarball does not",
            "A file was added to an installed package after the install. Install scripts write build output into "
                    + "their own package, which is why a package with install scripts gets this at low severity.",
            "Find out what wrote the file; remove node_modules and install again.");
    public static final RuleDescriptor MISSING_FILE = new RuleDescriptor("verify/missing-file", Severity.MEDIUM,
            "A file of the published tarball is not installed",
            "A file the package ships is missing from node_modules: the install was cut short or something "
                    + "removed it, and code that needs it fails.",
            "Remove node_modules and install again.");
    public static final RuleDescriptor SIGNATURE_INVALID = new RuleDescriptor("signature/invalid", Severity.CRITICAL,
            "The registry signature does not verify",
            "The registry signs name@version:integrity with its key. A signature that does not verify over the "
                    + "lockfile's integrity means the lockfile's integrity, or the signature, is not what the "
                    + "registry published.",
            "Do not install: compare the lockfile's integrity with the registry's, and find out who changed it.");
    public static final RuleDescriptor SIGNATURE_MISSING = new RuleDescriptor("signature/missing", Severity.HIGH,
            "A registry package has no registry signature",
            "The registry signs every version it serves, so a version without a signature came from somewhere "
                    + "that removed it (a mirror, a proxy) or from another registry.",
            "Install through a registry that keeps the signatures, or confirm the version by its integrity "
                    + "another way.");
    public static final RuleDescriptor SIGNATURE_EXPIRED_KEY = new RuleDescriptor("signature/expired-key",
            Severity.HIGH, "Signed with a key that had expired when the version was published",
            "Registry keys are rotated; a signature made with a key that was no longer valid at publish time was "
                    + "not made by the registry then.",
            "Do not install this version until the registry confirms it.");
    public static final RuleDescriptor SIGNATURE_UNKNOWN_KEY = new RuleDescriptor("signature/unknown-key",
            Severity.HIGH, "Signed with a key the registry does not publish",
            "The signature names a key id that is not among the registry's keys, so nothing vouches for it.",
            "Check the key file (--keys) or the registry's /-/npm/v1/keys; do not install until the key is known.");
    public static final RuleDescriptor PROVENANCE_INVALID = new RuleDescriptor("provenance/invalid",
            Severity.CRITICAL, "The provenance attestation does not verify",
            "The Sigstore bundle's certificate chain, transparency log entry or signature does not verify against "
                    + "the trusted root: the attestation was not made by the build it names.",
            "Do not install this version; report it to the package's maintainers and the registry.");
    public static final RuleDescriptor PROVENANCE_SUBJECT_MISMATCH = new RuleDescriptor(
            "provenance/subject-mismatch", Severity.CRITICAL, "The provenance is about another tarball",
            "The attestation's in-toto subject names another package or another sha512 than the locked "
                    + "integrity: a valid attestation of different bytes.",
            "Do not install this version: the tarball is not the one that was built.");
    public static final RuleDescriptor PROVENANCE_IDENTITY_MISMATCH = new RuleDescriptor(
            "provenance/identity-mismatch", Severity.CRITICAL, "Built by another repository or workflow than the "
            + "policy pins",
            "portcullis.yml's provenance: pins the repository (and workflow) that builds the package; this version "
                    + "was built elsewhere, as a stolen publish token or a hijacked package would be.",
            "Do not install; if the project really moved, change the pin in portcullis.yml.");
    public static final RuleDescriptor PROVENANCE_MISSING = new RuleDescriptor("provenance/missing", Severity.HIGH,
            "A package the policy pins has no provenance",
            "portcullis.yml's provenance: expects this package to be built by a known workflow, and this version "
                    + "carries no attestation: it was published by hand, perhaps with a stolen token.",
            "Do not install; ask the maintainers why the version was published without provenance.");
    public static final RuleDescriptor PROVENANCE_IDENTITY_CHANGED = new RuleDescriptor(
            "provenance/identity-changed", Severity.HIGH, "Built by another repository or workflow than when first "
            + "trusted",
            "The trust file (portcullis-trust.json) records who built this package when it was first seen; this "
                    + "version was built by another repository or workflow.",
            "Find out why the build moved; if it is legitimate, delete the package's entry from portcullis-trust.json "
                    + "and run portcullis verify --record-trust to record the new builder.");
    public static final RuleDescriptor PROVENANCE_DOWNGRADE = new RuleDescriptor("provenance/downgrade",
            Severity.HIGH, "A package that had provenance lost it",
            "The trust file records that this package was built with provenance; this version has none, which is "
                    + "how a publish with a stolen token looks.",
            "Do not install until the maintainers explain the publish; if it is legitimate, delete the package's "
                    + "entry from portcullis-trust.json and run portcullis verify --record-trust.");

    public static final List<RuleDescriptor> ALL = List.of(MISSING_PACKAGE, UNEXPECTED_PACKAGE, VERSION_MISMATCH,
            MODIFIED_FILE, EXTRA_FILE, MISSING_FILE, SIGNATURE_INVALID, SIGNATURE_MISSING, SIGNATURE_EXPIRED_KEY,
            SIGNATURE_UNKNOWN_KEY, PROVENANCE_INVALID, PROVENANCE_SUBJECT_MISMATCH, PROVENANCE_IDENTITY_MISMATCH,
            PROVENANCE_MISSING, PROVENANCE_IDENTITY_CHANGED, PROVENANCE_DOWNGRADE);
}
