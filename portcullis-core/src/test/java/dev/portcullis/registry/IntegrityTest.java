package dev.portcullis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntegrityTest {
    private static final String SHA512 =
            "sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==";
    private static final String SHA512_HEX = "e350a27e483a7bc4f2952a5db53a5e2d532abd20445734edb47bc4443ef8d7ea"
            + "6767c00dbf4d34e0c44be3740a3c394af5c1af369e8d6566540656c65d8c719e";
    private static final String SHA1_SRI = "sha1-dTU0W4lnNNX4DE0GxQlVUnoU8Ss=";
    private static final String SHA1_HEX = "7535345b896734d5f80c4d06c50955527a14f12b";

    static Stream<Arguments> sriStrings() {
        return Stream.of(
                Arguments.of("one sha512", SHA512, Optional.of(new Integrity(Integrity.Algorithm.SHA512, SHA512_HEX))),
                Arguments.of("sha512 wins over an earlier sha1", SHA1_SRI + " " + SHA512,
                        Optional.of(new Integrity(Integrity.Algorithm.SHA512, SHA512_HEX))),
                Arguments.of("sha1 alone", SHA1_SRI, Optional.of(new Integrity(Integrity.Algorithm.SHA1, SHA1_HEX))),
                Arguments.of("options after '?' are ignored", SHA1_SRI + "?foo",
                        Optional.of(new Integrity(Integrity.Algorithm.SHA1, SHA1_HEX))),
                Arguments.of("unknown algorithm", "md5-1B2M2Y8AsgTpgAmY7PhCfg==", Optional.empty()),
                Arguments.of("digest of the wrong length", "sha512-AAAA", Optional.empty()),
                Arguments.of("not base64", "sha512-!!!", Optional.empty()),
                Arguments.of("empty", "", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sriStrings")
    void parsesTheStrongestEntry(String scenario, String sri, Optional<Integrity> expected) {
        assertThat(Integrity.parse(sri)).isEqualTo(expected);
    }

    @Test
    void shasumIsTheFallbackOnly() {
        assertThat(Integrity.of(Optional.of(SHA512), Optional.of(SHA1_HEX)))
                .contains(new Integrity(Integrity.Algorithm.SHA512, SHA512_HEX));
        assertThat(Integrity.of(Optional.empty(), Optional.of(SHA1_HEX.toUpperCase(java.util.Locale.ROOT))))
                .contains(new Integrity(Integrity.Algorithm.SHA1, SHA1_HEX));
        assertThat(Integrity.of(Optional.empty(), Optional.of("not-hex"))).isEmpty();
    }

    @Test
    void matchesOnlyTheDigestedBytesAndPrintsAsSri() {
        Integrity integrity = Integrity.parse("sha256-LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564=").orElseThrow();
        assertThat(integrity.matches("foo".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(integrity.matches("bar".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(integrity).hasToString("sha256-LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564=");
        assertThat(integrity.algorithm().weak()).isFalse();
        assertThat(Integrity.Algorithm.SHA1.weak()).isTrue();
    }
}
