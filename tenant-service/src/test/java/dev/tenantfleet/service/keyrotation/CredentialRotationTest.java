package dev.tenantfleet.service.keyrotation;

import static dev.tenantfleet.service.support.Api.authenticated;
import static dev.tenantfleet.service.support.Api.randomSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.PostgresAdmin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ControlDatabase.class)
class CredentialRotationTest {
    @ConfigProperty(name = "tenantfleet.keys")
    String keyRing;

    private final List<String> slugs = List.of(randomSlug("rotate"), randomSlug("lost-key"));

    @AfterEach
    void cleanUp() {
        slugs.forEach(slug -> PostgresAdmin.dropTenant(Api.databaseOf(slug), Api.roleOf(slug)));
    }

    @Test
    void shouldReencryptOldKeyPasswordsAndReportThoseItCannotRead() throws Exception {
        String rotated = slugs.get(0);
        String lost = slugs.get(1);
        for (String slug : slugs) {
            authenticated()
                    .body(Map.of("slug", slug, "name", slug))
                    .post("/api/tenants")
                    .then()
                    .statusCode(202);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> authenticated()
                            .get("/api/tenants/" + slug)
                            .then()
                            .body("provisioningStep", equalTo("AWAIT_MIGRATION")));
        }
        CredentialCipher ring = CredentialCipher.fromKeyRing(keyRing);
        String original = ring.decrypt(read(rotated));
        // Simulate passwords written before the rotation: one under the old key still in the ring,
        // one under a key that has since been removed from it.
        CredentialCipher oldOnly = CredentialCipher.fromKeyRing(keyRing.substring(keyRing.indexOf(',') + 1));
        write(rotated, oldOnly.encrypt(original));
        write(
                lost,
                CredentialCipher.fromKeyRing("gone-key:" + CredentialCipher.generateKey())
                        .encrypt("whatever"));

        ReencryptionResult result = authenticated()
                .post("/api/credentials/re-encrypt")
                .then()
                .statusCode(200)
                .extract()
                .as(ReencryptionResult.class);

        assertThat(result.primaryKeyId()).isEqualTo(ring.primaryKeyId());
        assertThat(result.reencrypted()).isGreaterThanOrEqualTo(1);
        assertThat(result.failed()).extracting(ReencryptionResult.Failure::slug).contains(lost);
        EncryptedSecret after = read(rotated);
        assertThat(after.keyId()).isEqualTo(ring.primaryKeyId());
        assertThat(ring.decrypt(after)).isEqualTo(original);
        authenticated()
                .get("/api/tenants/" + rotated + "/audit")
                .then()
                .body("action", Matchers.hasItem("CREDENTIALS_REENCRYPTED"));
    }

    private static EncryptedSecret read(String slug) throws Exception {
        try (Connection connection = PostgresAdmin.connect(ControlDatabase.NAME);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT password_key_id, password_ciphertext FROM tenant WHERE slug = ?")) {
            statement.setString(1, slug);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new EncryptedSecret(rows.getString(1), rows.getString(2));
            }
        }
    }

    private static void write(String slug, EncryptedSecret secret) throws Exception {
        try (Connection connection = PostgresAdmin.connect(ControlDatabase.NAME);
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE tenant SET password_key_id = ?, password_ciphertext = ? WHERE slug = ?")) {
            statement.setString(1, secret.keyId());
            statement.setString(2, secret.ciphertext());
            statement.setString(3, slug);
            statement.executeUpdate();
        }
    }
}
