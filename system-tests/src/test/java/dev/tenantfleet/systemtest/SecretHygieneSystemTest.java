package dev.tenantfleet.systemtest;

import static dev.tenantfleet.systemtest.FleetApi.api;
import static dev.tenantfleet.systemtest.FleetApi.awaitStatus;
import static dev.tenantfleet.systemtest.FleetApi.createTenant;
import static dev.tenantfleet.systemtest.FleetApi.randomSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.testsupport.BrokerProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated tenant passwords appear nowhere in clear: not in logs, messages, API responses or the control DB. */
@ExtendWith(RunningFleet.class)
class SecretHygieneSystemTest {

    @Test
    void shouldNeverExposePlaintextPasswords() throws Exception {
        RunningFleet fleet = RunningFleet.get();
        String slug = randomSlug("secret");
        try (BrokerProbe events = BrokerProbe.bind("tenant.events", "#");
                BrokerProbe commands = BrokerProbe.bind("migration.commands", "#");
                BrokerProbe results = BrokerProbe.bind("migration.results", "#")) {
            createTenant(slug, null);
            awaitStatus(slug, "ACTIVE");
            api().body(Map.of("to", "READ_ONLY", "reason", "check"))
                    .post("/api/tenants/" + slug + "/status")
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !commands.received().isEmpty()
                            && !results.received().isEmpty()
                            && events.received().stream().anyMatch(m -> m.body().contains("READ_ONLY")));

            List<String> stored = Sql.column(
                    fleet.controlDatabase,
                    "SELECT password_key_id || ':' || password_ciphertext FROM tenant WHERE slug = ?",
                    slug);
            String[] parts = stored.get(0).split(":", 2);
            String plaintext =
                    CredentialCipher.fromKeyRing(fleet.keyRing).decrypt(new EncryptedSecret(parts[0], parts[1]));

            assertThat(fleet.logs()).doesNotContain(plaintext);
            for (BrokerProbe probe : List.of(events, commands, results)) {
                assertThat(probe.received()).noneMatch(message -> message.body().contains(plaintext));
            }
            assertThat(api().get("/api/tenants/" + slug).asString())
                    .doesNotContain(plaintext)
                    .doesNotContain(parts[1]);
            assertThat(api().get("/api/tenants/" + slug + "/audit").asString()).doesNotContain(plaintext);
            for (String table : List.of("tenant", "tenant_audit", "outbox", "database_server")) {
                assertThat(Sql.column(
                                fleet.controlDatabase,
                                "SELECT coalesce(string_agg(x::text, ' '), '') FROM " + table + " x"))
                        .as(table)
                        .noneMatch(dump -> dump.contains(plaintext));
            }
        }
    }
}
