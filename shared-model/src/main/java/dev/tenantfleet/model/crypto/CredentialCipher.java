package dev.tenantfleet.model.crypto;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for tenant credentials with a key ring: the first key encrypts, every key decrypts, so keys
 * rotate by prepending a new one and re-encrypting. The key id is bound as associated data, so a
 * ciphertext cannot be relabelled to another key.
 */
public final class CredentialCipher {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String primaryKeyId;
    private final Map<String, SecretKeySpec> keys;

    private CredentialCipher(Map<String, SecretKeySpec> keys) {
        this.keys = keys;
        this.primaryKeyId = keys.keySet().iterator().next();
    }

    /**
     * Parses a key ring written as {@code id1:base64key1,id2:base64key2}; every key must be 32 bytes.
     * The first key encrypts.
     */
    public static CredentialCipher fromKeyRing(String keyRing) {
        if (keyRing == null || keyRing.isBlank()) {
            throw new IllegalArgumentException("TENANTFLEET_KEYS is empty: expected id:base64-32-byte-key[,id:key...]");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String entry : keyRing.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException(
                        "TENANTFLEET_KEYS entry is not id:base64key (entry #" + (keys.size() + 1) + ")");
            }
            byte[] key = decodeKey(parts[0], parts[1]);
            if (keys.put(parts[0], new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("TENANTFLEET_KEYS has key id '" + parts[0] + "' twice");
            }
        }
        return new CredentialCipher(keys);
    }

    private static byte[] decodeKey(String id, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key '" + id + "' in TENANTFLEET_KEYS is not base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(
                    "key '" + id + "' in TENANTFLEET_KEYS must be 32 bytes (AES-256), got " + key.length);
        }
        return key;
    }

    /** A fresh random AES-256 key, base64: what to put in TENANTFLEET_KEYS. */
    public static String generateKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key that {@link #encrypt} uses. */
    public String primaryKeyId() {
        return primaryKeyId;
    }

    /** Encrypts with the primary key and a random IV. */
    public EncryptedSecret encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, primaryKeyId, iv);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return new EncryptedSecret(primaryKeyId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts with the key the secret names; fails if that key is not in the ring or the data was altered. */
    public String decrypt(EncryptedSecret secret) {
        if (!keys.containsKey(secret.keyId())) {
            throw new TenantFleetException(
                    TenantErrorCode.UNKNOWN_ENCRYPTION_KEY,
                    "credential encrypted with key '" + secret.keyId() + "' which is not in TENANTFLEET_KEYS "
                            + keys.keySet());
        }
        byte[] in = Base64.getDecoder().decode(secret.ciphertext());
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, secret.keyId(), Arrays.copyOf(in, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new TenantFleetException(
                    TenantErrorCode.UNKNOWN_ENCRYPTION_KEY,
                    "credential with key '" + secret.keyId()
                            + "' failed authentication: wrong key material or tampered data");
        }
    }

    /** Whether {@code secret} is already under the primary key (nothing to rotate). */
    public boolean isCurrent(EncryptedSecret secret) {
        return primaryKeyId.equals(secret.keyId());
    }

    /** The same plaintext under the primary key; returns {@code secret} itself when already current. */
    public EncryptedSecret reencrypt(EncryptedSecret secret) {
        return isCurrent(secret) ? secret : encrypt(decrypt(secret));
    }

    private Cipher cipher(int mode, String keyId, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
