package dev.portcullis.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.model.Finding;
import dev.portcullis.model.Location;
import dev.portcullis.model.PackageNode;
import dev.portcullis.registry.Packument;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * npm's registry signatures: {@code dist.signatures[]} of a version, ECDSA P-256 with SHA-256 over the UTF-8 string
 * {@code name@version:integrity} (the raw name, {@code @scope/name}), verified with the JDK's ECDSA against the
 * registry's keys, as {@code npm audit signatures} does. The integrity signed is the lockfile's where it is an SRI
 * string, so that a lockfile whose integrity was changed fails; yarn 4 records its own checksum instead, and there
 * the registry's integrity is checked.
 */
public final class SignatureCheck {
    private final RegistryKeys keys;

    public SignatureCheck(RegistryKeys keys) {
        this.keys = keys;
    }

    /** What was checked for one version: the findings (none when a signature verified) and the integrity used. */
    public record Outcome(List<Finding> findings, boolean verified) {
        public Outcome {
            findings = List.copyOf(findings);
        }
    }

    /**
     * @param published when the version was published (the full packument's {@code time}), empty when unknown:
     *     a key's expiry is then not judged
     */
    public Outcome check(PackageNode node, Packument.VersionDoc doc, Optional<Instant> published,
                         Location location) {
        String integrity = integrity(node, doc);
        JsonNode signatures = doc.raw().path("dist").path("signatures");
        List<Finding> findings = new ArrayList<>();
        if (!signatures.isArray() || signatures.isEmpty()) {
            findings.add(Finding.of(VerifyRules.SIGNATURE_MISSING, node.name(), node.version(), node.id()
                    + " carries no registry signature, though " + keys.source() + " has signing keys", location));
            return new Outcome(findings, false);
        }
        if (integrity == null) {
            findings.add(Finding.of(VerifyRules.SIGNATURE_INVALID, node.name(), node.version(), node.id()
                    + " has no integrity to verify its signature over", location));
            return new Outcome(findings, false);
        }
        String message = node.name() + "@" + node.version() + ":" + integrity;
        boolean known = false;
        for (JsonNode signature : signatures) {
            String keyId = signature.path("keyid").asText("");
            Optional<RegistryKeys.Key> key = keys.key(keyId);
            if (key.isEmpty()) {
                continue;
            }
            known = true;
            // without a publish time (a mirror that strips "time") expiry is not judged: today would fail every
            // version signed before a rotation
            Instant at = published.orElse(null);
            if (at != null && key.get().expires().filter(at::isAfter).isPresent()) {
                findings.add(Finding.of(VerifyRules.SIGNATURE_EXPIRED_KEY, node.name(), node.version(), node.id()
                        + " is signed with " + keyId + ", which expired " + key.get().expires().get() + ", before "
                        + "it was published (" + at + ")", location));
                return new Outcome(findings, false);
            }
            if (verifies(key.get(), message, signature.path("sig").asText(""))) {
                return new Outcome(List.of(), true);
            }
            findings.add(Finding.of(VerifyRules.SIGNATURE_INVALID, node.name(), node.version(), "the registry "
                    + "signature of " + node.id() + " (key " + keyId + ") does not verify over '" + message + "'",
                    location));
            return new Outcome(findings, false);
        }
        if (!known) {
            findings.add(Finding.of(VerifyRules.SIGNATURE_UNKNOWN_KEY, node.name(), node.version(), node.id()
                    + " is signed only with keys that " + keys.source() + " does not list", location));
        }
        return new Outcome(findings, false);
    }

    /** The lockfile's SRI integrity, else the registry's: the string the signature must cover. */
    public static String integrity(PackageNode node, Packument.VersionDoc doc) {
        String locked = node.integrity();
        if (locked != null && locked.matches("sha(256|384|512)-\\S+")) {
            return locked;
        }
        return doc.dist().integrity().orElse(null);
    }

    private static boolean verifies(RegistryKeys.Key key, String message, String sig) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key.publicKey());
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(sig));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a signature that is not base64 DER does not verify
        }
    }
}
