package dev.portcullis.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.model.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What verify reads from a registry or a committed file: any bytes are registry keys or an {@link InputException},
 * a trust file or an {@link InputException}, and an attestations document whose provenance verifies, is absent or
 * is rejected — never another exception. Seeds (in VerifyInputsFuzzTestInputs/) are the real keys and a real
 * attestations document.
 */
class VerifyInputsFuzzTest {
    private static final String INTEGRITY = "sha512-8G+/XDU8wNsJOQS5ysDVO0Etg9/2uA5gR9l4ZwijjlwxBcrU6RPfwi2+jJmbP+Ap1Hlp/"
            + "nVAaEO4Fj22/SL2gQ==";
    private static ProvenanceVerifier verifier;

    @FuzzTest(maxDuration = "3m")
    void keysParseOrReject(byte[] data) {
        try {
            assertThat(RegistryKeys.parse(data, "keys.json").keys()).isNotNull();
        } catch (InputException e) {
            assertThat(e.location().file()).isEqualTo("keys.json");
        }
    }

    @FuzzTest(maxDuration = "3m")
    void trustFilesReadOrReject(byte[] data) throws IOException {
        Path file = Files.createTempFile("trust", ".json");
        try {
            Files.write(file, data);
            assertThat(TrustFile.read(file, "portcullis-trust.json").packages()).isNotNull();
        } catch (InputException e) {
            assertThat(e.getMessage()).contains("portcullis-trust.json");
        } finally {
            Files.delete(file);
        }
    }

    @FuzzTest(maxDuration = "3m")
    void attestationsVerifyOrAreRejected(byte[] data) throws InputException {
        if (verifier == null) {
            verifier = ProvenanceVerifier.bundled();
        }
        assertThat(verifier.verify(data, "sigstore", "2.3.1", INTEGRITY)).isNotNull();
    }
}
