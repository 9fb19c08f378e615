package dev.tenantfleet.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {
    private final String oldKey = CredentialCipher.generateKey();
    private final String newKey = CredentialCipher.generateKey();

    @Test
    void shouldDecryptWhatItEncryptedWithoutExposingThePlaintext() {
        CredentialCipher cipher = CredentialCipher.fromKeyRing("k1:" + oldKey);

        EncryptedSecret secret = cipher.encrypt("s3cret-pa55");

        assertThat(secret.keyId()).isEqualTo("k1");
        assertThat(secret.ciphertext()).doesNotContain("s3cret");
        assertThat(secret.toString()).doesNotContain(secret.ciphertext());
        assertThat(cipher.decrypt(secret)).isEqualTo("s3cret-pa55");
        assertThat(cipher.encrypt("s3cret-pa55").ciphertext()).isNotEqualTo(secret.ciphertext());
    }

    @Test
    void shouldRotateByPrependingANewKeyAndReencrypting() {
        EncryptedSecret underOld = CredentialCipher.fromKeyRing("k1:" + oldKey).encrypt("pw");
        CredentialCipher rotated = CredentialCipher.fromKeyRing("k2:" + newKey + ",k1:" + oldKey);

        EncryptedSecret underNew = rotated.reencrypt(underOld);

        assertThat(underNew.keyId()).isEqualTo("k2");
        assertThat(rotated.decrypt(underOld)).isEqualTo("pw");
        assertThat(CredentialCipher.fromKeyRing("k2:" + newKey).decrypt(underNew))
                .isEqualTo("pw");
        assertThat(rotated.reencrypt(underNew)).isSameAs(underNew);
    }

    @Test
    void shouldRefuseSecretsOfUnknownKeysOrTamperedData() {
        EncryptedSecret secret = CredentialCipher.fromKeyRing("k1:" + oldKey).encrypt("pw");
        CredentialCipher other = CredentialCipher.fromKeyRing("k2:" + newKey);
        assertThatThrownBy(() -> other.decrypt(secret))
                .isInstanceOfSatisfying(
                        TenantFleetException.class,
                        e -> assertThat(e.code()).isEqualTo(TenantErrorCode.UNKNOWN_ENCRYPTION_KEY));

        byte[] raw = Base64.getDecoder().decode(secret.ciphertext());
        raw[raw.length - 1] ^= 1;
        EncryptedSecret tampered = new EncryptedSecret("k1", Base64.getEncoder().encodeToString(raw));
        assertThatThrownBy(() -> CredentialCipher.fromKeyRing("k1:" + oldKey).decrypt(tampered))
                .isInstanceOf(TenantFleetException.class)
                .hasMessageContaining("tampered");
    }

    @Test
    void shouldRejectKeyRingsWithShortKeysOrDuplicates() {
        assertThatThrownBy(() ->
                        CredentialCipher.fromKeyRing("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> CredentialCipher.fromKeyRing("k1:" + oldKey + ",k1:" + newKey))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> CredentialCipher.fromKeyRing("")).hasMessageContaining("TENANTFLEET_KEYS");
    }
}
