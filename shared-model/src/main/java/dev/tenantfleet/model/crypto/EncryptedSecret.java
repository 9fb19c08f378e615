package dev.tenantfleet.model.crypto;

import static dev.tenantfleet.model.envelope.Required.field;

/**
 * A secret encrypted with AES-256-GCM. Safe to store and to put on the bus: only holders of the key
 * named {@code keyId} can read it.
 *
 * @param keyId      id of the key in {@code TENANTFLEET_KEYS} that encrypted it
 * @param ciphertext base64 of {@code iv(12 bytes) || ciphertext || tag(16 bytes)}
 */
public record EncryptedSecret(String keyId, String ciphertext) {
    public EncryptedSecret {
        field(keyId, "keyId");
        field(ciphertext, "ciphertext");
    }

    @Override
    public String toString() {
        return "EncryptedSecret[keyId=" + keyId + "]";
    }
}
