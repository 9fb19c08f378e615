package dev.tenantfleet.systemtest;

import static dev.tenantfleet.systemtest.FleetApi.api;
import static dev.tenantfleet.systemtest.FleetApi.awaitStatus;
import static dev.tenantfleet.systemtest.FleetApi.createTenant;
import static dev.tenantfleet.systemtest.FleetApi.databaseOf;
import static dev.tenantfleet.systemtest.FleetApi.randomSlug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.tenant.TenantEvent;
import dev.tenantfleet.model.tenant.TenantStatusChanged;
import dev.tenantfleet.testsupport.BrokerProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tenant lifecycle on a really provisioned tenant: transitions, refusals, audit rows and events. */
@ExtendWith(RunningFleet.class)
class LifecycleSystemTest {

    @Test
    void shouldMoveThroughTheLifecycleWithAuditRowsAndEvents() throws Exception {
        String slug = randomSlug("life");
        createTenant(slug, null);
        awaitStatus(slug, "ACTIVE");
        try (BrokerProbe events = BrokerProbe.bind(Exchanges.TENANT_EVENTS, "tenant.*.*")) {
            move(slug, "READ_ONLY", "schema maintenance");
            move(slug, "SUSPENDED", "invoice overdue");
            move(slug, "ACTIVE", "invoice paid");
            api().body(Map.of("reason", "contract ended"))
                    .post("/api/tenants/" + slug + "/deactivate")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("DEACTIVATED"))
                    .body("deactivatedAt", notNullValue());

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.received().stream()
                                    .filter(m -> m.body().contains(slug))
                                    .count()
                            == 4);
            List<TenantEvent> published = events.received().stream()
                    .filter(m -> m.body().contains(slug))
                    .map(m -> TenantEvent.codec()
                            .decode(m.body().getBytes(StandardCharsets.UTF_8))
                            .data())
                    .toList();
            assertThat(published)
                    .first()
                    .isEqualTo(new TenantStatusChanged(
                            published.get(0).tenantId(),
                            slug,
                            dev.tenantfleet.model.tenant.TenantStatus.ACTIVE,
                            dev.tenantfleet.model.tenant.TenantStatus.READ_ONLY,
                            "system-test",
                            "schema maintenance"));
            assertThat(published).last().extracting(TenantEvent::shortType).isEqualTo("deactivated");
        }
        List<Map<String, Object>> audit = api().get("/api/tenants/" + slug + "/audit")
                .then()
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(audit)
                .filteredOn(row -> "STATUS_CHANGED".equals(row.get("action")))
                .extracting(row -> row.get("fromStatus") + "->" + row.get("toStatus") + " by " + row.get("actor") + ": "
                        + row.get("reason"))
                .containsExactly(
                        "ACTIVE->READ_ONLY by system-test: schema maintenance",
                        "READ_ONLY->SUSPENDED by system-test: invoice overdue",
                        "SUSPENDED->ACTIVE by system-test: invoice paid");
        assertThat(audit).last().extracting(row -> row.get("action")).isEqualTo("DEACTIVATED");
        // Deactivation keeps the database.
        assertThat(Sql.column("postgres", "SELECT datname FROM pg_database WHERE datname = ?", databaseOf(slug)))
                .hasSize(1);
    }

    @Test
    void shouldRefuseIllegalTransitionsNamingTheAllowedTargets() {
        String slug = randomSlug("refuse");
        createTenant(slug, null);
        awaitStatus(slug, "ACTIVE");
        api().body(Map.of("reason", "gone"))
                .post("/api/tenants/" + slug + "/deactivate")
                .then()
                .statusCode(200);

        api().body(Map.of("to", "ACTIVE", "reason", "back"))
                .post("/api/tenants/" + slug + "/status")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("ILLEGAL_TRANSITION"))
                .body("detail", containsString("allowed from DEACTIVATED: none"));
        api().body(Map.of("to", "PROVISIONING", "reason", "x"))
                .post("/api/tenants/" + slug + "/status")
                .then()
                .statusCode(400);
    }

    private static void move(String slug, String to, String reason) {
        api().body(Map.of("to", to, "reason", reason))
                .post("/api/tenants/" + slug + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo(to));
    }
}
