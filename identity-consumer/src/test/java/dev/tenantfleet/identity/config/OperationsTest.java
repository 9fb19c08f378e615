package dev.tenantfleet.identity.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.tenantfleet.identity.support.IdentityTestEnvironment;
import dev.tenantfleet.identity.support.TestBroker;
import dev.tenantfleet.model.identity.UserUpdated;
import java.time.Duration;
import java.util.UUID;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, metrics and the fleet-wide queues, as an operator sees them. */
@QuarkusTest
@WithTestResource(IdentityTestEnvironment.class)
class OperationsTest {

    @Test
    void readyWhenBrokerAndRedisAnswer() {
        given().when().get("/api/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Redis connection health check"));
    }

    @Test
    void metricsAreExposedForPrometheus() throws Exception {
        try (TestBroker broker = new TestBroker()) {
            broker.publish(new UserUpdated(UUID.randomUUID(), null, 1));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("identity_events_applied_total{", "type=\"user.updated\"", "identity_event_lag_seconds_count",
                        "identity_event_lag_seconds_bucket", "identity_event_lag_last_seconds"));
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
