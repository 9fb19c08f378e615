package dev.tenantfleet.identity.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.tenantfleet.identity.support.IdentityTestEnvironment;
import dev.tenantfleet.identity.support.TestBroker;
import dev.tenantfleet.model.identity.UserUpdated;
import dev.tenantfleet.model.observability.MetricNames;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Health, metrics and the fleet-wide queues, as an operator sees them. */
@QuarkusTest
@WithTestResource(IdentityTestEnvironment.class)
class OperationsTest {

    @Test
    void readyWhenBrokerAndRedisAnswer() {
        given().when()
                .get("/api/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Redis connection health check"));
    }

    @Test
    void metricsAreExposedForPrometheus() throws Exception {
        UserUpdated event = new UserUpdated(UUID.randomUUID(), null, 1);
        try (TestBroker broker = new TestBroker()) {
            broker.publish(event);
            broker.publish(event); // the same version again: ignored as stale
        }

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(given().when()
                                .get("/q/metrics")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .contains(
                                "identity_events_applied_total{",
                                "type=\"user.updated\"",
                                "identity_event_lag_seconds_count",
                                "identity_event_lag_seconds_bucket",
                                "identity_event_lag_last_seconds")
                        .contains(MetricNames.IDENTITY_CONSUMER));
    }

    @Test
    void deadLetterAndRequeueCountersAreScrapedAtZeroBeforeTheirFirstIncrement() {
        assertThat(given().when()
                        .get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains(
                        "identity_events_dead_lettered_total{reason=\"UNKNOWN_TENANT\"}",
                        "identity_events_dead_lettered_total{reason=\"MALFORMED_JSON\"}",
                        "identity_events_requeued_total{channel=\"tenant-events\"}");
    }

    @Test
    void fleetWideTheConsumerReadsTheAllQueueAndTheTenantStatusQueue() throws Exception {
        try (TestBroker broker = new TestBroker()) {
            assertThat(broker.queueExists(TestBroker.IDENTITY_QUEUE)).isTrue();
            assertThat(broker.queueExists(TestBroker.TENANT_QUEUE)).isTrue();
            assertThat(broker.queueExists(TestBroker.IDENTITY_QUEUE + ".dlq")).isTrue();
        }
    }
}
