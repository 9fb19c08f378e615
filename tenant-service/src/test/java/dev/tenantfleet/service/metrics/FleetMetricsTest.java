package dev.tenantfleet.service.metrics;

import static dev.tenantfleet.service.support.Api.authenticated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tenantfleet.model.observability.MetricNames;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.RegisteredTenants;
import dev.tenantfleet.testsupport.PrometheusScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tenant-service's Prometheus endpoint scraped over HTTP, as Prometheus does (no token), against the real control
 * database (fleet gauges refreshed every second in tests) and broker.
 */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class FleetMetricsTest {
    private static final Duration REFRESH = Duration.ofSeconds(15);
    private static final String UNSENT = "SELECT count(*) FROM outbox WHERE published_at IS NULL";

    private RegisteredTenants tenants;

    @BeforeEach
    void setUp() {
        tenants = new RegisteredTenants();
    }

    @AfterEach
    void tearDown() {
        tenants.close();
    }

    @Test
    void prometheusScrapesWithoutTheTokenEverySeriesAndNoTenantInAnyLabel() {
        String slug = tenants.register("metrics", "ACTIVE");
        authenticated().get("/api/tenants/" + slug).then().statusCode(200);
        given().get("/api/tenants/" + slug + "/audit").then().statusCode(401);

        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(PrometheusScrape.parse(body).names()).containsAll(MetricNames.TENANT_SERVICE);
        assertThat(body).doesNotContain(slug);
    }

    @Test
    void onlyReadingTheMetricsIsPublic() {
        given().post("/q/metrics").then().statusCode(401);
        given().get("/q/metrics/").then().statusCode(401);
    }

    @Test
    void tenantsByStatusFollowTheControlDatabase() {
        tenants.register("metrics", "SUSPENDED");

        await().atMost(REFRESH).untilAsserted(() -> {
            long inDatabase = RegisteredTenants.countInStatus("SUSPENDED");
            assertThat(inDatabase).isPositive();
            assertThat(scrape().valueOrZero(MetricNames.TENANTS, "status", "SUSPENDED"))
                    .isEqualTo(inDatabase);
        });
    }

    @Test
    void aReleaseInFlightShowsInTheReleaseGauges() {
        String slug = tenants.register("metrics", "ACTIVE");
        UUID releaseId = UUID.randomUUID();
        // A release with its tenant MIGRATING and no worker: it stays so (the ticker waits for a result) while scraped.
        RegisteredTenants.update("""
                INSERT INTO release (id, target_tag, changelog_digest, status, spec, requested_by, cohorts, current_cohort,
                    created_at, started_at, version)
                VALUES (?, 'v1.4', 'sha256:test', 'RUNNING', '{"targetTag":"v1.4"}', 'metrics-test', 1, 0, now(), now(), 0)
                """, releaseId);
        RegisteredTenants.update("""
                INSERT INTO release_tenant (release_id, tenant_id, slug, server_id, cohort, position, state, head_before,
                    command_id, attempts, dispatched_at)
                SELECT ?, id, slug, server_id, 0, 0, 'MIGRATING', 'v1.3', ?, 1, now() FROM tenant WHERE slug = ?
                """, releaseId, UUID.randomUUID(), slug);
        try {
            await().atMost(REFRESH).untilAsserted(() -> {
                PrometheusScrape scrape = scrape();
                long running = RegisteredTenants.count("SELECT count(*) FROM release WHERE status = 'RUNNING'");
                long migrating = RegisteredTenants.count("""
                        SELECT count(*) FROM release_tenant rt JOIN release r ON r.id = rt.release_id
                        WHERE rt.state = 'MIGRATING' AND r.status IN ('RUNNING', 'PAUSED', 'HALTING', 'ROLLING_BACK')""");
                assertThat(running).isPositive();
                assertThat(scrape.valueOrZero(MetricNames.RELEASES_IN_PROGRESS, "status", "RUNNING"))
                        .isEqualTo(running);
                assertThat(scrape.valueOrZero(MetricNames.RELEASE_TENANTS, "state", "MIGRATING"))
                        .isEqualTo(migrating);
            });
        } finally {
            RegisteredTenants.deleteRelease(releaseId);
        }
    }

    @Test
    void finishedReleasesCountUnderTheirOutcome() {
        String slug = tenants.register("metrics", "ACTIVE");
        PrometheusScrape before = scrape();

        UUID completed = UUID.randomUUID();
        authenticated()
                .body(Map.of("releaseId", completed, "spec", Map.of("targetTag", "v1.4", "only", List.of(slug))))
                .post("/api/releases")
                .then()
                .statusCode(202)
                .body("status", equalTo("COMPLETED"));
        authenticated()
                .body(Map.of("spec", Map.of("targetTag", "v9.9")))
                .post("/api/releases")
                .then()
                .statusCode(422);

        try {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                PrometheusScrape after = scrape();
                for (String outcome : List.of("COMPLETED", "REFUSED")) {
                    assertThat(after.valueOrZero(MetricNames.RELEASES_COMPLETED, "outcome", outcome))
                            .isGreaterThanOrEqualTo(
                                    before.valueOrZero(MetricNames.RELEASES_COMPLETED, "outcome", outcome) + 1);
                }
            });
        } finally {
            RegisteredTenants.deleteRelease(completed);
        }
    }

    @Test
    void outboxLagGaugesShowAMessageTheBrokerNeverConfirmed() {
        String messageId = "metrics-test-" + UUID.randomUUID();
        // An exchange the relay has no channel for: the row stays unsent, as when the broker is down for an hour.
        RegisteredTenants.update("""
                INSERT INTO outbox (message_id, exchange, routing_key, type, payload, created_at, attempts)
                VALUES (?, 'metrics-test.no-such-exchange', 'none', 'test', '{}', now() - interval '1 hour', 0)
                """, messageId);
        try {
            await().atMost(REFRESH).untilAsserted(() -> {
                PrometheusScrape scrape = scrape();
                assertThat(scrape.valueOrZero(MetricNames.OUTBOX_OLDEST_UNSENT_AGE))
                        .isGreaterThanOrEqualTo(3600);
                assertThat(scrape.valueOrZero(MetricNames.OUTBOX_UNSENT)).isGreaterThanOrEqualTo(1);
            });
        } finally {
            RegisteredTenants.update("DELETE FROM outbox WHERE message_id = ?", messageId);
        }
        await().atMost(REFRESH)
                .untilAsserted(() -> assertThat(scrape().valueOrZero(MetricNames.OUTBOX_UNSENT))
                        .isEqualTo(RegisteredTenants.count(UNSENT)));
    }

    private static PrometheusScrape scrape() {
        return PrometheusScrape.parse(
                given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
