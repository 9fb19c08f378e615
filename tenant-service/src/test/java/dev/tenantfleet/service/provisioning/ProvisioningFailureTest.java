package dev.tenantfleet.service.provisioning;

import static dev.tenantfleet.service.support.Api.authenticated;
import static dev.tenantfleet.service.support.Api.randomSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.model.envelope.CloudEvent;
import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.MigrationResult;
import dev.tenantfleet.model.migration.TenantMigrationFailed;
import dev.tenantfleet.service.support.Api;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.PostgresAdmin;
import dev.tenantfleet.testsupport.BrokerProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Provisioning against the real PostgreSQL and RabbitMQ up to the migration hand-off, the failure paths and
 * the retry. (Provisioning all the way to ACTIVE with the real migration-worker is in system-tests.)
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class ProvisioningFailureTest {
    @ConfigProperty(name = "tenantfleet.keys")
    String keyRing;

    private String slug;
    private String serverName;

    @AfterEach
    void dropTenantDatabase() {
        if (slug != null) {
            Api.awaitProvisioningSettled(slug);
            PostgresAdmin.dropTenant(Api.databaseOf(slug), Api.roleOf(slug));
        }
    }

    @Test
    void shouldEndInProvisioningFailedWhenServerIsUnreachableAndCompleteTheStepsOnRetry() throws Exception {
        slug = randomSlug("unreachable");
        serverName = randomSlug("down");
        authenticated()
                .body(Map.of("name", serverName, "host", "127.0.0.1", "port", 1, "adminCredentialsRef", "local"))
                .post("/api/servers")
                .then()
                .statusCode(201);

        try (BrokerProbe events = BrokerProbe.bind(Exchanges.TENANT_EVENTS, "tenant.#");
                BrokerProbe commands = BrokerProbe.bind(Exchanges.MIGRATION_COMMANDS, "command.migrate-tenant.#")) {
            authenticated()
                    .body(Map.of("slug", slug, "name", "Unreachable", "server", serverName))
                    .post("/api/tenants")
                    .then()
                    .statusCode(202);

            awaitStatus("PROVISIONING_FAILED");
            authenticated()
                    .get("/api/tenants/" + slug)
                    .then()
                    .body("failure.code", equalTo("DATABASE_SERVER_UNREACHABLE"))
                    .body("failure.reason", containsString("127.0.0.1:1"))
                    .body("provisioningStep", equalTo("CREATE_ROLE"));
            authenticated()
                    .get("/api/tenants/" + slug + "/audit")
                    .then()
                    .body("action", Matchers.hasItem("PROVISIONING_FAILED"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.received().stream()
                            .anyMatch(m -> m.routingKey().startsWith("tenant.provisioning-failed.")
                                    && m.body().contains(slug)));
            assertThat(PostgresAdmin.exists(
                            "postgres", "SELECT 1 FROM pg_database WHERE datname = ?", Api.databaseOf(slug)))
                    .isFalse();

            // The operator fixes the server address, then retries: provisioning resumes where it stopped.
            authenticated()
                    .body(Map.of("name", serverName, "host", "127.0.0.1", "port", 5432, "adminCredentialsRef", "local"))
                    .put("/api/servers/" + serverName)
                    .then()
                    .statusCode(200);
            authenticated()
                    .post("/api/tenants/" + slug + "/provision")
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("PROVISIONING"));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> authenticated()
                            .get("/api/tenants/" + slug)
                            .then()
                            .body("provisioningStep", equalTo("AWAIT_MIGRATION")));

            assertThat(PostgresAdmin.exists(
                            Api.databaseOf(slug), "SELECT 1 FROM pg_extension WHERE extname = 'unaccent'"))
                    .isTrue();
            assertThat(PostgresAdmin.exists(
                            Api.databaseOf(slug), "SELECT 1 FROM pg_extension WHERE extname = 'uuid-ossp'"))
                    .isTrue();
            assertThat(PostgresAdmin.exists(
                            "postgres",
                            "SELECT 1 FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = ? AND r.rolname = ?",
                            Api.databaseOf(slug),
                            Api.roleOf(slug)))
                    .isTrue();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !commands.received().isEmpty());
            MigrateTenant command = (MigrateTenant) MigrationCommand.codec()
                    .decode(commands.received().get(0).body().getBytes(StandardCharsets.UTF_8))
                    .data();
            assertThat(command.purpose()).isEqualTo(MigrationPurpose.PROVISIONING);
            assertThat(command.connection().database()).isEqualTo(Api.databaseOf(slug));
            String plaintext = CredentialCipher.fromKeyRing(keyRing)
                    .decrypt(command.connection().password());
            assertThat(commands.received().get(0).body()).doesNotContain(plaintext);
            assertThat(events.received()).noneMatch(m -> m.body().contains(plaintext));

            // The worker reports a failed migration: the tenant fails at MIGRATE, a duplicate changes nothing.
            String resultId = UUID.randomUUID().toString();
            TenantMigrationFailed failed = new TenantMigrationFailed(
                    command.commandId(),
                    command.tenantId(),
                    slug,
                    MigrationPurpose.PROVISIONING,
                    new MigrationError(
                            MigrationErrorCode.CHANGESET_SQL_ERROR,
                            "relation \"users\" already exists",
                            MigrationErrorCode.CHANGESET_SQL_ERROR.hint(),
                            "v1.0-001"),
                    null,
                    List.of(),
                    12,
                    "sha256:test");
            String body = new String(
                    MigrationResult.codec()
                            .encode(new CloudEvent<>(
                                    resultId,
                                    URI.create("/migration-worker"),
                                    failed.type(),
                                    Instant.now(),
                                    slug,
                                    failed)),
                    StandardCharsets.UTF_8);
            commands.publish(
                    Exchanges.MIGRATION_RESULTS,
                    RoutingKeys.tenantResult(failed.shortType(), failed.tenantId()),
                    resultId,
                    body);
            awaitStatus("PROVISIONING_FAILED");
            authenticated()
                    .get("/api/tenants/" + slug)
                    .then()
                    .body("failure.code", equalTo("MIGRATION_FAILED"))
                    .body("failure.reason", containsString("CHANGESET_SQL_ERROR"))
                    .body("provisioningStep", equalTo("MIGRATE"));

            // Retried, the tenant waits for a new command; the old command's result, delivered again, is ignored.
            authenticated().post("/api/tenants/" + slug + "/provision").then().statusCode(202);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> commands.received().size() == 2);
            String staleId = UUID.randomUUID().toString();
            commands.publish(
                    Exchanges.MIGRATION_RESULTS,
                    RoutingKeys.tenantResult(failed.shortType(), failed.tenantId()),
                    staleId,
                    body.replace(resultId, staleId));
            await().atMost(Duration.ofSeconds(10)).until(() -> processed(staleId));
            authenticated()
                    .get("/api/tenants/" + slug)
                    .then()
                    .body("status", equalTo("PROVISIONING"))
                    .body("provisioningStep", equalTo("AWAIT_MIGRATION"));
        }
    }

    @Test
    void shouldDeadLetterUnreadableResultsWithTheReasonAndKeepConsuming() throws Exception {
        try (BrokerProbe probe = BrokerProbe.bind(Exchanges.MIGRATION_RESULTS, "no.such.key")) {
            String poisonId = UUID.randomUUID().toString();
            probe.publish(
                    Exchanges.MIGRATION_RESULTS,
                    "result.tenant.migrated." + UUID.randomUUID(),
                    poisonId,
                    "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/x\",\"type\":\"tenantfleet.nope.v1\","
                            + "\"time\":\"2026-11-21T10:00:00Z\",\"data\":{}}");
            var dead = await().atMost(Duration.ofSeconds(15))
                    .until(() -> probe.take("tenant-service.migration-results.dlq", poisonId), Optional::isPresent)
                    .get();
            assertThat(dead.getProps().getHeaders()).containsKey("x-tenantfleet-reason");
            assertThat(dead.getProps().getHeaders().get("x-tenantfleet-error-code"))
                    .hasToString("UNKNOWN_TYPE");
            assertThat(dead.getProps().getHeaders().get("x-tenantfleet-source-queue"))
                    .hasToString("tenant-service.migration-results");
        }
        // still consuming: a fresh tenant still reaches the migration hand-off and the health check is UP
        slug = randomSlug("after-poison");
        authenticated()
                .body(Map.of("slug", slug, "name", "After"))
                .post("/api/tenants")
                .then()
                .statusCode(202);
        Api.awaitProvisioningSettled(slug);
        RestAssured.given().get("/api/health").then().statusCode(200);
    }

    private static boolean processed(String messageId) throws Exception {
        return PostgresAdmin.exists(
                ControlDatabase.NAME, "SELECT 1 FROM processed_message WHERE message_id = ?", messageId);
    }

    @Test
    void shouldRefuseIllegalTransitionsNamingTheAllowedOnesAndDeactivateKeepingTheDatabase() {
        slug = randomSlug("refused");
        serverName = randomSlug("down");
        authenticated()
                .body(Map.of("name", serverName, "host", "127.0.0.1", "port", 1, "adminCredentialsRef", "local"))
                .post("/api/servers")
                .then()
                .statusCode(201);
        authenticated()
                .body(Map.of("slug", slug, "name", "Refused", "server", serverName))
                .post("/api/tenants")
                .then()
                .statusCode(202);
        awaitStatus("PROVISIONING_FAILED");

        authenticated()
                .body(Map.of("to", "ACTIVE", "reason", "skip provisioning"))
                .post("/api/tenants/" + slug + "/status")
                .then()
                .statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION"))
                .body("detail", containsString("DEACTIVATED, PROVISIONING"));
        authenticated()
                .body(Map.of("reason", "customer churned"))
                .post("/api/tenants/" + slug + "/deactivate")
                .then()
                .statusCode(200)
                .body("status", equalTo("DEACTIVATED"))
                .body("deactivatedAt", Matchers.notNullValue());
        authenticated()
                .body(Map.of("to", "ACTIVE", "reason", "undo"))
                .post("/api/tenants/" + slug + "/status")
                .then()
                .statusCode(409)
                .body("detail", containsString("none"));
        authenticated()
                .post("/api/tenants/" + slug + "/provision")
                .then()
                .statusCode(409)
                .body("code", equalTo("NOT_PROVISIONABLE"));
        authenticated()
                .body(Map.of())
                .post("/api/tenants/" + slug + "/deactivate")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldNeverStorePlaintextPasswordInTheControlDatabase() throws Exception {
        slug = randomSlug("secret");
        authenticated()
                .body(Map.of("slug", slug, "name", "Secret"))
                .post("/api/tenants")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> authenticated()
                        .get("/api/tenants/" + slug)
                        .then()
                        .body("provisioningStep", equalTo("AWAIT_MIGRATION")));
        try (var connection = PostgresAdmin.connect(ControlDatabase.NAME);
                var statement = connection.prepareStatement(
                        "SELECT password_key_id, password_ciphertext FROM tenant WHERE slug = ?")) {
            statement.setString(1, slug);
            var rows = statement.executeQuery();
            rows.next();
            String plaintext = CredentialCipher.fromKeyRing(keyRing)
                    .decrypt(new EncryptedSecret(rows.getString(1), rows.getString(2)));
            assertThat(plaintext).hasSize(32);
            for (String table : List.of("tenant", "tenant_audit", "outbox")) {
                var all = connection
                        .createStatement()
                        .executeQuery("SELECT coalesce(string_agg(x::text, ' '), '') FROM " + table + " x");
                all.next();
                assertThat(all.getString(1)).as(table).doesNotContain(plaintext);
            }
        }
    }

    private void awaitStatus(String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> authenticated()
                        .get("/api/tenants/" + slug)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(status)));
    }
}
