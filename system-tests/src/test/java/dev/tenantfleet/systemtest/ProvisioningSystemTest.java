package dev.tenantfleet.systemtest;

import static dev.tenantfleet.systemtest.FleetApi.api;
import static dev.tenantfleet.systemtest.FleetApi.awaitStatus;
import static dev.tenantfleet.systemtest.FleetApi.createTenant;
import static dev.tenantfleet.systemtest.FleetApi.databaseOf;
import static dev.tenantfleet.systemtest.FleetApi.randomSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.testsupport.BrokerProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Provisioning end to end: tenant-service and the real migration-worker, real PostgreSQL and RabbitMQ. */
@ExtendWith(RunningFleet.class)
class ProvisioningSystemTest {

    @Test
    void shouldProvisionTenantWithExtensionsChangelogTablesTagsAndLookupData() throws Exception {
        String slug = randomSlug("acme");
        try (BrokerProbe events = BrokerProbe.bind(Exchanges.TENANT_EVENTS, "tenant.#")) {
            createTenant(slug, null);
            awaitStatus(slug, "ACTIVE");

            // system tests provision at v1.2 (tenantfleet.provisioning.target-tag) so releases have work to do
            api().get("/api/tenants/" + slug)
                    .then()
                    .body("schemaHead", equalTo(RunningFleet.PROVISIONING_TAG))
                    .body("provisioningStep", Matchers.nullValue());
            String database = databaseOf(slug);
            assertThat(Sql.column(database, "SELECT extname FROM pg_extension")).contains("uuid-ossp", "unaccent");
            assertThat(Sql.column(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                    .contains(
                            "users",
                            "companies",
                            "contacts",
                            "deals",
                            "tasks",
                            "task_assignments",
                            "industries",
                            "countries")
                    .doesNotContain("projects", "project_members");
            assertThat(Sql.column(
                            database, "SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted"))
                    .containsExactly("v1.0", "v1.1", "v1.2");
            assertThat(Integer.parseInt(Sql.column(database, "SELECT count(*) FROM industries")
                            .get(0)))
                    .isPositive();
            assertThat(Sql.column(
                            database,
                            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                    .containsExactly(database + "_owner");

            List<String> actions = api().get("/api/tenants/" + slug + "/audit")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("action");
            assertThat(actions).startsWith("REGISTERED").endsWith("PROVISIONED");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.received().stream()
                            .anyMatch(m -> m.routingKey().startsWith("tenant.provisioned.")
                                    && m.body().contains("\"schemaHead\":\"v1.2\"")));
        }
    }

    @Test
    void shouldFinishProvisioningOnRetryAfterTheServerWasUnreachable() {
        String slug = randomSlug("retry");
        String server = randomSlug("flaky");
        api().body(Map.of("name", server, "host", "127.0.0.1", "port", 1, "adminCredentialsRef", "local"))
                .post("/api/servers")
                .then()
                .statusCode(201);
        createTenant(slug, server);
        awaitStatus(slug, "PROVISIONING_FAILED");
        api().get("/api/tenants/" + slug).then().body("failure.code", equalTo("DATABASE_SERVER_UNREACHABLE"));

        api().body(Map.of("name", server, "host", "127.0.0.1", "port", 5432, "adminCredentialsRef", "local"))
                .put("/api/servers/" + server)
                .then()
                .statusCode(200);
        api().post("/api/tenants/" + slug + "/provision").then().statusCode(202);
        awaitStatus(slug, "ACTIVE");

        api().get("/api/tenants/" + slug)
                .then()
                .body("schemaHead", equalTo(RunningFleet.PROVISIONING_TAG))
                .body("failure", Matchers.nullValue());
        List<String> actions = api().get("/api/tenants/" + slug + "/audit")
                .then()
                .extract()
                .jsonPath()
                .getList("action");
        assertThat(actions).containsSubsequence("PROVISIONING_FAILED", "PROVISIONING_RETRIED", "PROVISIONED");
    }
}
