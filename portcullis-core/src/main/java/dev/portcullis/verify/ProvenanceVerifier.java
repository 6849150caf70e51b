package dev.portcullis.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.json.Json;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import dev.sigstore.encryption.certificates.Certificates;
import dev.sigstore.encryption.signers.Verifiers;
import dev.sigstore.fulcio.client.FulcioVerifier;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import dev.sigstore.trustroot.TransparencyLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPath;
import java.security.cert.CertificateException;
import java.util.ArrayList;
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
 * <p>sigstore-java does the cryptography: the trusted root, the Fulcio chain to it and the embedded SCT
 * ({@link FulcioVerifier}), the Rekor entry and, where the bundle has one, its inclusion proof and signed
 * checkpoint ({@link RekorVerifier}), and every signature check ({@link Verifiers}). Where it could not be used:
 * its {@code KeylessVerifier.verify} looks for a sha256 subject (npm's subjects carry sha512 only) and accepts only
 * Rekor {@code dsse} entries (npm's are {@code intoto} 0.0.2); its {@code Bundle.from} and {@code RekorVerifier}
 * refuse entries without an inclusion proof (npm's v0.1 bundles); so this class reads the bundle with Jackson,
 * builds the DSSE pre-authentication encoding, verifies a proof-less entry's signed entry timestamp with the log's
 * key, and checks what that method would have: the certificate was valid at the entry's integrated time, and the
 * {@code intoto} entry's body records this envelope (its payload hash, its signature and the leaf certificate).
 * The in-toto subject is checked against the locked sha512, and the identity is read from the certificate's Fulcio
 * extensions.
 *
 * <p>npm's publish attestation, signed with the registry's key (which sigstore-java 2.0's {@code Bundle.from}
 * refuses: "Plain public keys are not supported"), is checked the same way with that key when the registry's keys
 * are known. Not checked: the {@code intoto} body's envelope hash, which cannot be rebuilt exactly, and the key's
 * {@code npm:attestations} validity period, which only the TUF copy of the keys states.
 */
public final class ProvenanceVerifier {
    static final String SLSA_PROVENANCE = "https://slsa.dev/provenance/";
    static final String NPM_PUBLISH = "https://github.com/npm/attestation/tree/main/specs/publish/";
    private static final String OID = "1.3.6.1.4.1.57264.1.";

    private final SigstoreTrustedRoot root;
    private final FulcioVerifier fulcio;
    private final RekorVerifier rekor;

    private ProvenanceVerifier(SigstoreTrustedRoot root) throws GeneralSecurityException {
        this.root = root;
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
        return verify(document, name, version, integrity, null);
    }

    /**
     * As {@link #verify(byte[], String, String, String)}, and npm's publish attestation too when the registry's
     * keys are known: its DSSE signature with the key its bundle names ({@code publicKey.hint}), its log entry and
     * its subject.
     *
     * @param keys the registry's keys, or null when they are not known (the publish attestation is then skipped)
     */
    public Result verify(byte[] document, String name, String version, String integrity, RegistryKeys keys) {
        try {
            return verifyOrThrow(document, name, version, integrity, keys);
        } catch (RuntimeException e) {
            // sigstore-java's parsers meet hostile documents here; what they cannot take is a rejection, not a crash
            return new Rejected(false, "it cannot be checked: " + dev.portcullis.model.Problems.describe(e));
        }
    }

    private Result verifyOrThrow(byte[] document, String name, String version, String integrity, RegistryKeys keys) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(document);
        } catch (IOException e) {
            return new Rejected(false, "the attestations document is not JSON");
        }
        JsonNode bundleJson = null;
        JsonNode publishJson = null;
        for (JsonNode attestation : tree.path("attestations")) {
            String type = attestation.path("predicateType").asText("");
            if (type.startsWith(SLSA_PROVENANCE)) {
                bundleJson = attestation.path("bundle");
            } else if (type.startsWith(NPM_PUBLISH)) {
                publishJson = attestation.path("bundle");
            }
        }
        if (publishJson != null && publishJson.isObject() && keys != null) {
            Rejected publish = publishMismatch(publishJson, keys, name, version, integrity);
            if (publish != null) {
                return publish;
            }
        }
        if (bundleJson == null || !bundleJson.isObject()) {
            return new Absent("its attestations hold no SLSA provenance");
        }
        Material material;
        try {
            material = Material.of(bundleJson);
        } catch (Exception e) {
            return new Rejected(false, "the provenance bundle cannot be read: " + e.getMessage());
        }
        X509Certificate leaf = Certificates.getLeaf(material.certificates());
        RekorEntry entry = material.entry();
        try {
            fulcio.verifySigningCertificate(material.certificates());
        } catch (Exception e) {
            return new Rejected(false, "its certificate does not chain to the trusted root: " + e.getMessage());
        }
        String log = verifyLogEntry(entry, material.hasInclusionProof());
        if (log != null) {
            return new Rejected(false, "its transparency log entry does not verify: " + log);
        }
        try {
            leaf.checkValidity(Date.from(entry.getIntegratedTimeInstant()));
        } catch (CertificateException e) {
            return new Rejected(false, "its certificate was not valid when the log recorded it ("
                    + entry.getIntegratedTimeInstant() + ")");
        }
        try {
            if (!Verifiers.newVerifier(leaf.getPublicKey()).verify(material.pae(), material.signature())) {
                return new Rejected(false, "its DSSE signature does not verify with the certificate's key");
            }
        } catch (GeneralSecurityException e) {
            return new Rejected(false, "its DSSE signature cannot be checked: " + e.getMessage());
        }
        String body;
        try {
            body = bodyMismatch(entry, material.payload(), material.signature(), leaf.getEncoded());
        } catch (CertificateException e) {
            body = "its certificate cannot be encoded: " + e.getMessage();
        }
        if (body != null) {
            return new Rejected(false, body);
        }
        String subject = subjectMismatch(material.payload(), name, version, integrity);
        if (subject != null) {
            return new Rejected(true, subject);
        }
        return new Verified(identity(leaf));
    }

    /** npm's publish attestation, signed with the registry key its bundle names. Null when it verifies. */
    private Rejected publishMismatch(JsonNode bundle, RegistryKeys keys, String name, String version,
                                     String integrity) {
        String problem = publishProblem(bundle, keys);
        if (problem != null) {
            return new Rejected(false, "npm's publish attestation does not verify: " + problem);
        }
        String subject;
        try {
            subject = subjectMismatch(Material.of(bundle).payload(), name, version, integrity);
        } catch (Exception e) {
            subject = "its statement cannot be read: " + e.getMessage();
        }
        return subject == null ? null : new Rejected(true, "npm's publish attestation: " + subject);
    }

    private String publishProblem(JsonNode bundle, RegistryKeys keys) {
        Material material;
        try {
            material = Material.of(bundle);
        } catch (Exception e) {
            return "it cannot be read: " + e.getMessage();
        }
        java.util.Optional<RegistryKeys.Key> key = keys.key(material.keyHint());
        if (key.isEmpty()) {
            return "it is signed with " + (material.keyHint().isEmpty() ? "no named key" : material.keyHint())
                    + ", which " + keys.source() + " does not list";
        }
        try {
            if (!Verifiers.newVerifier(key.get().publicKey()).verify(material.pae(), material.signature())) {
                return "its DSSE signature does not verify with " + material.keyHint();
            }
        } catch (GeneralSecurityException e) {
            return "its DSSE signature cannot be checked: " + e.getMessage();
        }
        String log = verifyLogEntry(material.entry(), material.hasInclusionProof());
        if (log != null) {
            return "its transparency log entry does not verify: " + log;
        }
        return bodyMismatch(material.entry(), material.payload(), material.signature(),
                key.get().publicKey().getEncoded());
    }

    /**
     * What a bundle of any version (0.1 to 0.3) holds, read with Jackson: sigstore-java 2.0's {@code Bundle.from}
     * refuses the v0.1 bundles npm wrote until 2023 ("Could not find an inclusion proof": they carry a signed entry
     * timestamp only), so the bundle is taken apart here and each part handed to sigstore-java's verifiers.
     */
    private record Material(CertPath certificates, String keyHint, RekorEntry entry, boolean hasInclusionProof,
                            byte[] payload,
                            String payloadType, byte[] signature) {
        static Material of(JsonNode bundle) throws Exception {
            JsonNode material = bundle.path("verificationMaterial");
            List<byte[]> der = new ArrayList<>();
            for (JsonNode c : material.path("x509CertificateChain").path("certificates")) {
                der.add(Base64.getDecoder().decode(c.path("rawBytes").asText()));
            }
            if (material.path("certificate").has("rawBytes")) {
                der.add(Base64.getDecoder().decode(material.path("certificate").path("rawBytes").asText()));
            }
            String hint = material.path("publicKey").path("hint").asText("");
            if (der.isEmpty() && hint.isEmpty()) {
                throw new IllegalArgumentException("it names neither a signing certificate nor a key");
            }
            JsonNode tlog = material.path("tlogEntries").path(0);
            if (!tlog.isObject()) {
                throw new IllegalArgumentException("it has no transparency log entry");
            }
            JsonNode envelope = bundle.path("dsseEnvelope");
            if (!envelope.path("payload").isTextual() || !envelope.path("signatures").path(0).path("sig").isTextual()) {
                throw new IllegalArgumentException("it has no DSSE envelope");
            }
            return new Material(der.isEmpty() ? null : Certificates.fromDer(der), hint,
                    RekorEntry.fromTLogEntryJson(tlog.toString()),
                    tlog.path("inclusionProof").isObject(), Base64.getDecoder().decode(envelope.path("payload").asText()),
                    envelope.path("payloadType").asText(""),
                    Base64.getDecoder().decode(envelope.path("signatures").path(0).path("sig").asText()));
        }

        /** DSSE's pre-authentication encoding, the bytes the envelope's signature covers. */
        byte[] pae() {
            byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] pae = Arrays.copyOf(head, head.length + payload.length);
            System.arraycopy(payload, 0, pae, head.length, payload.length);
            return pae;
        }
    }

    /**
     * The log entry: with an inclusion proof, sigstore-java's {@link RekorVerifier} (signed entry timestamp, proof
     * and checkpoint); without one it insists on a proof, so the signed entry timestamp alone is verified here
     * with the key of the trusted root's log that the entry names, over the canonical content sigstore-java
     * builds ({@link RekorEntry#getSignableContent()}). Null when it verifies.
     */
    private String verifyLogEntry(RekorEntry entry, boolean hasInclusionProof) {
        if (hasInclusionProof) {
            try {
                rekor.verifyEntry(entry);
                return null;
            } catch (Exception e) {
                return e.getMessage();
            }
        }
        if (entry.getVerification() == null || entry.getVerification().getSignedEntryTimestamp() == null) {
            return "it has neither an inclusion proof nor a signed entry timestamp";
        }
        byte[] logId;
        try {
            logId = HexFormat.of().parseHex(entry.getLogID());
        } catch (IllegalArgumentException | NullPointerException e) {
            return "its log id is not hexadecimal";
        }
        for (TransparencyLog log : root.getTLogs()) {
            if (Arrays.equals(log.getLogId().getKeyId(), logId)) {
                try {
                    boolean ok = Verifiers.newVerifier(log.getPublicKey().toJavaPublicKey()).verify(
                            entry.getSignableContent(), Base64.getDecoder().decode(
                                    entry.getVerification().getSignedEntryTimestamp()));
                    return ok ? null : "its signed entry timestamp does not verify with the log's key";
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    return "its signed entry timestamp cannot be checked: " + e.getMessage();
                }
            }
        }
        return "it names a log (" + entry.getLogID() + ") that the trusted root does not hold";
    }

    /**
     * The Rekor {@code intoto} 0.0.2 body must record this envelope: the sha256 of its payload, its signature
     * (base64 of the base64 signature) and the leaf certificate (base64 of its PEM). Null when it does.
     */
    private static String bodyMismatch(RekorEntry entry, byte[] payload, byte[] envelopeSignature,
                                       byte[] signerDer) {
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
                    .digest(payload));
            if (!hash.equalsIgnoreCase(payloadHash)) {
                return "its transparency log entry records another payload (sha256 " + hash + ")";
            }
            if (kind.equals("intoto")) {
                JsonNode signature = spec.path("content").path("envelope").path("signatures").path(0);
                byte[] sig = Base64.getDecoder().decode(new String(Base64.getDecoder().decode(
                        signature.path("sig").asText("")), StandardCharsets.US_ASCII));
                if (!Arrays.equals(sig, envelopeSignature)) {
                    return "its transparency log entry records another signature";
                }
                String pem = new String(Base64.getDecoder().decode(signature.path("publicKey").asText("")),
                        StandardCharsets.US_ASCII);
                // a PEM certificate (provenance) or public key (npm's publish attestation): compare the DER inside
                String der = pem.lines().filter(l -> !l.startsWith("-----")).collect(java.util.stream.Collectors
                        .joining());
                if (!Arrays.equals(Base64.getDecoder().decode(der), signerDer)) {
                    return "its transparency log entry records another signer";
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
