package dev.portcullis.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.json.Json;
import dev.portcullis.model.InputException;
import dev.portcullis.model.Location;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's signing keys, in the shape of {@code GET /-/npm/v1/keys}
 * ({@code {"keys":[{"keyid","keytype","scheme","key","expires"}]}}, the key a base64 SubjectPublicKeyInfo), read
 * from the registry or from a key file for mirrors and air gaps. Only ECDSA P-256 with SHA-256 is used by npm, so
 * only that is accepted.
 */
public record RegistryKeys(List<Key> keys, String source) {

    /** One key; {@code expires} empty while it is in use. */
    public record Key(String keyId, PublicKey publicKey, Optional<Instant> expires) {
        public Key {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(expires, "expires");
        }
    }

    public RegistryKeys {
        keys = List.copyOf(keys);
        Objects.requireNonNull(source, "source");
    }

    public Optional<Key> key(String keyId) {
        return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    /**
     * Parses a keys document.
     *
     * @param source where it came from, for messages (a file or the endpoint's URL)
     * @throws InputException naming the source and what is wrong
     */
    public static RegistryKeys parse(byte[] json, String source) throws InputException {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new InputException(Location.of(source), "the registry keys are not JSON");
        }
        JsonNode list = tree == null ? null : tree.path("keys");
        if (list == null || !list.isArray()) {
            throw new InputException(Location.of(source), "the registry keys have no \"keys\" list "
                    + "(expected the shape of /-/npm/v1/keys)");
        }
        List<Key> keys = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : list) {
            String where = "keys[" + index++ + "]";
            String keyId = entry.path("keyid").asText("");
            String scheme = entry.path("scheme").asText("");
            if (keyId.isEmpty() || !entry.path("key").isTextual()) {
                throw new InputException(Location.of(source), where + " has no keyid or key");
            }
            if (!scheme.equals("ecdsa-sha2-nistp256")) {
                continue; // npm signs with P-256 only; a key of another scheme verifies nothing here
            }
            PublicKey key;
            try {
                key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                        Base64.getDecoder().decode(entry.get("key").asText())));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new InputException(Location.of(source), where + " (" + keyId + ") is not a base64 EC public key");
            }
            Optional<Instant> expires = Optional.empty();
            if (entry.path("expires").isTextual()) {
                try {
                    expires = Optional.of(Instant.parse(entry.get("expires").asText()));
                } catch (DateTimeParseException e) {
                    throw new InputException(Location.of(source), where + " (" + keyId + ") has an expiry that is "
                            + "not a date: " + entry.get("expires").asText());
                }
            }
            keys.add(new Key(keyId, key, expires));
        }
        return new RegistryKeys(keys, source);
    }
}
