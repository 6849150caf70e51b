package dev.portcullis.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portcullis.json.Json;
import dev.portcullis.report.SbomReport.Component;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An SBOM as SPDX 2.3 JSON, serialised from these records: one package per component (purl as an external
 * reference, checksums, declared license), the project described by the document, and the graph as
 * {@code DEPENDS_ON} relationships. SPDX requires a creation time and a unique namespace: without
 * {@code --timestamp} the time is the Unix epoch, and without {@code --serial-number} the namespace is named by a
 * digest of the document's content, so the same lockfile gives the same bytes.
 */
final class SbomSpdx {
    private static final ObjectMapper MAPPER = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    private static final Pattern EXPRESSION = Pattern.compile("[A-Za-z0-9.+() -]+");
    private static final String NOASSERTION = "NOASSERTION";

    @JsonPropertyOrder({"created", "creators"})
    record CreationInfo(String created, List<String> creators) {
    }

    record Checksum(String algorithm, String checksumValue) {
    }

    @JsonPropertyOrder({"referenceCategory", "referenceType", "referenceLocator"})
    record ExternalRef(String referenceCategory, String referenceType, String referenceLocator) {
    }

    @JsonPropertyOrder({"SPDXID", "name", "versionInfo", "downloadLocation", "filesAnalyzed", "licenseConcluded",
            "licenseDeclared", "copyrightText", "checksums", "externalRefs", "primaryPackagePurpose", "comment"})
    record SpdxPackage(@JsonProperty("SPDXID") String spdxId, String name, String versionInfo,
                       String downloadLocation, boolean filesAnalyzed, String licenseConcluded,
                       String licenseDeclared, String copyrightText, List<Checksum> checksums,
                       List<ExternalRef> externalRefs, String primaryPackagePurpose, String comment) {
    }

    @JsonPropertyOrder({"spdxElementId", "relationshipType", "relatedSpdxElement"})
    record Relationship(String spdxElementId, String relationshipType, String relatedSpdxElement) {
    }

    @JsonPropertyOrder({"spdxVersion", "dataLicense", "SPDXID", "name", "documentNamespace", "creationInfo",
            "packages", "relationships"})
    record Document(String spdxVersion, String dataLicense, @JsonProperty("SPDXID") String spdxId, String name,
                    String documentNamespace, CreationInfo creationInfo, List<SpdxPackage> packages,
                    List<Relationship> relationships) {
    }

    void write(SbomReport report, Writer out) throws IOException {
        Map<String, String> ids = new HashMap<>();
        ids.put(report.root().ref(), "SPDXRef-Root");
        List<SpdxPackage> packages = new ArrayList<>();
        packages.add(spdxPackage("SPDXRef-Root", report.root(), "APPLICATION"));
        for (Component c : report.components()) {
            String id = "SPDXRef-Package-" + (packages.size()) + "-" + sanitise(c.name() + "-" + c.version());
            ids.put(c.ref(), id);
            packages.add(spdxPackage(id, c, "LIBRARY"));
        }
        List<Relationship> relationships = new ArrayList<>();
        relationships.add(new Relationship("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-Root"));
        report.dependencies().forEach((from, to) -> to.forEach(ref -> relationships.add(
                new Relationship(ids.get(from), "DEPENDS_ON", ids.get(ref)))));
        String name = report.root().name() + (report.root().version().isEmpty() ? "" : "@" + report.root().version());
        CreationInfo created = new CreationInfo((report.timestamp() == null ? Instant.EPOCH : report.timestamp())
                .toString(), List.of("Tool: portcullis-" + report.toolVersion()));
        Document unnamed = new Document("SPDX-2.3", "CC0-1.0", "SPDXRef-DOCUMENT", name, "", created, packages,
                relationships);
        String namespace = "https://portcullis.invalid/spdx/" + sanitise(name) + "-"
                + (report.serialNumber() != null ? report.serialNumber().substring("urn:uuid:".length())
                : digest(MAPPER.writeValueAsString(unnamed)));
        MAPPER.writeValue(new NonClosingWriter(out), new Document(unnamed.spdxVersion(), unnamed.dataLicense(),
                unnamed.spdxId(), name, namespace, created, packages, relationships));
        out.write("\n");
    }

    private static SpdxPackage spdxPackage(String id, Component c, String purpose) {
        List<Checksum> checksums = c.hashes().stream()
                .map(h -> new Checksum(h.algorithm().replace("-", ""), h.hex())).toList();
        String declared = c.licenses().isEmpty() ? NOASSERTION : c.licenses().size() == 1
                && EXPRESSION.matcher(c.licenses().getFirst()).matches() ? c.licenses().getFirst()
                : NOASSERTION;
        String comment = switch (c.scope()) {
            case REQUIRED -> null;
            case OPTIONAL -> "scope: optional (needed only through optional dependencies)";
            case EXCLUDED -> "scope: excluded (a development dependency)";
        };
        String location = c.downloadLocation() == null || c.downloadLocation().isBlank() ? NOASSERTION
                : c.downloadLocation();
        return new SpdxPackage(id, c.name(), c.version().isEmpty() ? null : c.version(), location, false,
                NOASSERTION, declared, NOASSERTION, checksums,
                List.of(new ExternalRef("PACKAGE-MANAGER", "purl", c.purl())), purpose, comment);
    }

    /** What an SPDXID may hold: letters, digits, dots and dashes. */
    private static String sanitise(String text) {
        String out = text.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^-+|-+$", "");
        return out.isEmpty() ? "x" : out;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
