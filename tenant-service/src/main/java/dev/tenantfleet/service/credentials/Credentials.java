package dev.tenantfleet.service.credentials;

import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.service.config.TenantFleetConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/** The service's credential key ring (from TENANTFLEET_KEYS) and password generation. */
@ApplicationScoped
public class Credentials {
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int PASSWORD_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CredentialCipher cipher;

    Credentials(TenantFleetConfig config) {
        this.cipher = CredentialCipher.fromKeyRing(config.keys());
    }

    /**
     * A new random password of 32 characters from an alphabet without quotes or backslashes, so it is
     * safe inside a SQL string literal (about 187 bits of entropy).
     */
    public String generatePassword() {
        char[] password = new char[PASSWORD_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(password);
    }

    /** Encrypts with the primary key. */
    public EncryptedSecret encrypt(String plaintext) {
        return cipher.encrypt(plaintext);
    }

    /** Decrypts with whichever ring key the secret names. */
    public String decrypt(EncryptedSecret secret) {
        return cipher.decrypt(secret);
    }

    /** The cipher itself, for rotation. */
    public CredentialCipher cipher() {
        return cipher;
    }
}
