package dev.tenantfleet.worker.changelog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangelogEndpointTest {

    @Test
    void theChangelogEndpointTellsTheDigestTheTagsAndTheHead() {
        given().get("/api/changelog")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("digest", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("tags", contains("v1.0", "v1.1", "v1.2", "v1.3", "v1.4"))
                .body("head", equalTo("v1.4"));
    }

    @Test
    void healthIsUpOnceTheBrokerAnswers() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().get("/api/health").then().statusCode(200).body("status", equalTo("UP")));
    }
}
