package dev.portcullis.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.json.Json;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.encryption.certificates.Certificates;
import dev.sigstore.encryption.signers.Verifiers;
import dev.sigstore.fulcio.client.FulcioVerifier;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/**
 * npm provenance: the SLSA provenance bundle of an attestations document ({@code GET
 * /-/npm/v1/attestations/name@version}) verified as a Sigstore bundle against a trusted root, no network needed.
 *
 * <p>sigstore-java does the cryptography: bundle parsing, the Fulcio chain to the trusted root and the embedded SCT
 * ({@link FulcioVerifier}), the Rekor entry's signed entry timestamp and, where the bundle has one, its inclusion
 * proof and signed checkpoint ({@link RekorVerifier}), and the DSSE signature with the leaf key
 * ({@link Verifiers}). Its {@code KeylessVerifier.verify} cannot be used for npm's bundles, and the gap is filled
 * here: it looks for a sha256 subject (npm's subjects carry sha512 only) and accepts only Rekor {@code dsse}
 * entries (npm's are {@code intoto} 0.0.2). So this class checks, without new cryptography, what that method
 * would have: the certificate was valid at the entry's integrated time, and the {@code intoto} entry's body
 * records this envelope (its payload hash, its signature and the leaf certificate). The in-toto subject is checked
 * against the locked sha512, and the identity is read from the certificate's Fulcio extensions.
 *
 * <p>Not checked: npm's own publish attestation (signed with npm's key, which sigstore-java 2.0 refuses to parse:
 * "Plain public keys are not supported"), and the {@code intoto} body's envelope hash, which cannot be rebuilt
 * exactly.
 */
public final class ProvenanceVerifier {
    static final String SLSA_PROVENANCE = "https://slsa.dev/provenance/";
    private static final String OID = "1.3.6.1.4.1.57264.1.";

    private final FulcioVerifier fulcio;
    private final RekorVerifier rekor;

    private ProvenanceVerifier(SigstoreTrustedRoot root) throws GeneralSecurityException {
        this.fulcio = FulcioVerifier.newFulcioVerifier(root);
        this.rekor = RekorVerifier.newRekorVerifier(root);
    }

    /** The outcome for one version. */
    public sealed interface Result permits Verified, Rejected, Absent {
    }

    /** The provenance verified; the identity that built it. */
    public record Verified(Identity identity) implements Result {
        public Verified {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** The document holds no provenance bundle (only npm's publish attestation, say). */
    public record Absent(String why) implements Result {
    }

    /** The provenance does not verify, or is about other bytes; {@code subject}: the latter. */
    public record Rejected(boolean subject, String message) implements Result {
        public Rejected {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A verifier trusting the Sigstore trusted root in {@code trustedRoot} (a {@code trusted_root.json}).
     *
     * @param source its name for messages
     * @throws InputException when it is not a trusted root
     */
    public static ProvenanceVerifier of(InputStream trustedRoot, String source) throws InputException {
        try {
            return new ProvenanceVerifier(SigstoreTrustedRoot.from(trustedRoot));
        } catch (Exception e) {
            throw new InputException(Location.of(source), "not a Sigstore trusted root: " + e.getMessage());
        }
    }

    /** The bundled public-good trusted root (sigstore/root-signing, targets/trusted_root.json). */
    public static ProvenanceVerifier bundled() throws InputException {
        try (InputStream in = ProvenanceVerifier.class.getResourceAsStream("/sigstore/trusted_root.json")) {
            if (in == null) {
                throw new IllegalStateException("the bundled Sigstore trusted root is missing from the jar");
            }
            return of(in, "the bundled Sigstore trusted root");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled Sigstore trusted root", e);
        }
    }

    /**
     * Verifies the provenance of {@code name@version} in an attestations document against {@code integrity}
     * (the locked SRI sha512).
     */
    public Result verify(byte[] document, String name, String version, String integrity) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(document);
        } catch (IOException e) {
            return new Rejected(false, "the attestations document is not JSON");
        }
        JsonNode bundleJson = null;
        for (JsonNode attestation : tree.path("attestations")) {
            if (attestation.path("predicateType").asText("").startsWith(SLSA_PROVENANCE)) {
                bundleJson = attestation.path("bundle");
            }
        }
        if (bundleJson == null || !bundleJson.isObject()) {
            return new Absent("its attestations hold no SLSA provenance");
        }
        Bundle bundle;
        try {
            bundle = Bundle.from(new StringReader(bundleJson.toString()));
        } catch (Exception e) {
            return new Rejected(false, "the provenance bundle cannot be read: " + e.getMessage());
        }
        if (bundle.getDsseEnvelope().isEmpty() || bundle.getEntries().isEmpty()) {
            return new Rejected(false, "the provenance bundle has no DSSE envelope or no transparency log entry");
        }
        Bundle.DsseEnvelope envelope = bundle.getDsseEnvelope().get();
        RekorEntry entry = bundle.getEntries().getFirst();
        X509Certificate leaf = Certificates.getLeaf(bundle.getCertPath());
        try {
            fulcio.verifySigningCertificate(bundle.getCertPath());
        } catch (Exception e) {
            return new Rejected(false, "its certificate does not chain to the trusted root: " + e.getMessage());
        }
        try {
            rekor.verifyEntry(entry);
        } catch (Exception e) {
            return new Rejected(false, "its transparency log entry does not verify: " + e.getMessage());
        }
        try {
            leaf.checkValidity(Date.from(entry.getIntegratedTimeInstant()));
        } catch (CertificateException e) {
            return new Rejected(false, "its certificate was not valid when the log recorded it ("
                    + entry.getIntegratedTimeInstant() + ")");
        }
        try {
            if (!Verifiers.newVerifier(leaf.getPublicKey()).verify(envelope.getPAE(), envelope.getSignature())) {
                return new Rejected(false, "its DSSE signature does not verify with the certificate's key");
            }
        } catch (GeneralSecurityException e) {
            return new Rejected(false, "its DSSE signature cannot be checked: " + e.getMessage());
        }
        String body = bodyMismatch(entry, envelope, leaf);
        if (body != null) {
            return new Rejected(false, body);
        }
        String subject = subjectMismatch(envelope.getPayload(), name, version, integrity);
        if (subject != null) {
            return new Rejected(true, subject);
        }
        return new Verified(identity(leaf));
    }

    /**
     * The Rekor {@code intoto} 0.0.2 body must record this envelope: the sha256 of its payload, its signature
     * (base64 of the base64 signature) and the leaf certificate (base64 of its PEM). Null when it does.
     */
    private static String bodyMismatch(RekorEntry entry, Bundle.DsseEnvelope envelope, X509Certificate leaf) {
        try {
            JsonNode body = Json.mapper().readTree(Base64.getDecoder().decode(entry.getBody()));
            String kind = body.path("kind").asText("");
            if (!kind.equals("intoto") && !kind.equals("dsse")) {
                return "its transparency log entry is of kind '" + kind + "', not an attestation";
            }
            JsonNode spec = body.path("spec");
            String hash = kind.equals("intoto") ? spec.path("content").path("payloadHash").path("value").asText("")
                    : spec.path("payloadHash").path("value").asText("");
            String payloadHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(envelope.getPayload()));
            if (!hash.equalsIgnoreCase(payloadHash)) {
                return "its transparency log entry records another payload (sha256 " + hash + ")";
            }
            if (kind.equals("intoto")) {
                JsonNode signature = spec.path("content").path("envelope").path("signatures").path(0);
                byte[] sig = Base64.getDecoder().decode(new String(Base64.getDecoder().decode(
                        signature.path("sig").asText("")), StandardCharsets.US_ASCII));
                if (!Arrays.equals(sig, envelope.getSignature())) {
                    return "its transparency log entry records another signature";
                }
                String pem = new String(Base64.getDecoder().decode(signature.path("publicKey").asText("")),
                        StandardCharsets.US_ASCII);
                X509Certificate logged = (X509Certificate) Certificates.fromPem(pem);
                if (!logged.equals(leaf)) {
                    return "its transparency log entry records another signing certificate";
                }
            }
            return null;
        } catch (Exception e) {
            return "its transparency log entry's body cannot be read: " + e.getMessage();
        }
    }

    /**
     * The statement must have exactly one subject, the package's purl, with the sha512 of the locked integrity.
     * Null when it has.
     */
    static String subjectMismatch(byte[] payload, String name, String version, String integrity) {
        JsonNode statement;
        try {
            statement = Json.mapper().readTree(payload);
        } catch (IOException e) {
            return "its in-toto statement is not JSON";
        }
        JsonNode subjects = statement.path("subject");
        if (!subjects.isArray() || subjects.size() != 1) {
            return "its in-toto statement has " + subjects.size() + " subjects, npm's have one";
        }
        JsonNode subject = subjects.get(0);
        String purl = "pkg:npm/" + (name.startsWith("@") ? "%40" + name.substring(1) : name) + "@" + version;
        if (!subject.path("name").asText("").equals(purl)) {
            return "its subject is " + subject.path("name").asText("(unnamed)") + ", not " + purl;
        }
        String digest = subject.path("digest").path("sha512").asText("");
        String expected = sha512Hex(integrity);
        if (expected == null) {
            return "the locked integrity of " + name + "@" + version + " has no sha512 to compare the subject with";
        }
        if (!digest.equalsIgnoreCase(expected)) {
            return "its subject's sha512 " + abbreviate(digest) + " is not the locked integrity's "
                    + abbreviate(expected);
        }
        return null;
    }

    private static String sha512Hex(String integrity) {
        if (integrity == null) {
            return null;
        }
        for (String part : integrity.trim().split("\\s+")) {
            if (part.startsWith("sha512-")) {
                try {
                    return HexFormat.of().formatHex(Base64.getDecoder().decode(part.substring(7)));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String abbreviate(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
    }

    /** The identity in the Fulcio extensions (.1.8 and up are DER strings, .1.1–.1.6 raw bytes) and the SAN. */
    static Identity identity(X509Certificate leaf) {
        String san = "";
        try {
            if (leaf.getSubjectAlternativeNames() != null) {
                for (List<?> name : leaf.getSubjectAlternativeNames()) {
                    if (name.size() == 2 && name.get(1) instanceof String value) {
                        san = value;
                    }
                }
            }
        } catch (CertificateException e) {
            // no SAN: the identity is read from the extensions alone
        }
        String issuer = firstOf(extension(leaf, 8, true), extension(leaf, 1, false));
        String repository = firstOf(extension(leaf, 12, true), prefixed(extension(leaf, 5, false)));
        String ref = firstOf(extension(leaf, 14, true), extension(leaf, 6, false));
        String commit = firstOf(extension(leaf, 13, true), extension(leaf, 3, false));
        return new Identity(issuer, san, repository, workflowOf(san), ref, commit);
    }

    /** {@code .github/workflows/x.yml} of {@code https://github.com/o/r/.github/workflows/x.yml@ref}. */
    private static String workflowOf(String san) {
        String withoutRef = san.contains("@") ? san.substring(0, san.lastIndexOf('@')) : san;
        int at = withoutRef.indexOf("/.github/");
        return at < 0 ? "" : withoutRef.substring(at + 1);
    }

    /** Fulcio's older repository extension holds {@code owner/repo} of GitHub. */
    private static String prefixed(String repository) {
        return repository.isEmpty() || repository.contains("://") ? repository : "https://github.com/" + repository;
    }

    private static String firstOf(String a, String b) {
        return a.isEmpty() ? b : a;
    }

    private static String extension(X509Certificate leaf, int number, boolean der) {
        byte[] value = leaf.getExtensionValue(OID + number);
        if (value == null) {
            return "";
        }
        try {
            byte[] octets = ASN1OctetString.getInstance(value).getOctets();
            if (!der) {
                return new String(octets, StandardCharsets.UTF_8);
            }
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(octets);
            return primitive instanceof ASN1String string ? string.getString() : "";
        } catch (IOException | IllegalArgumentException e) {
            return "";
        }
    }
}
