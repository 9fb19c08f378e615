package dev.tenantfleet.service.logging;

import static dev.tenantfleet.service.support.Api.authenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tenantfleet.model.observability.LogKeys;
import dev.tenantfleet.service.support.ControlDatabase;
import dev.tenantfleet.service.support.RegisteredTenants;
import dev.tenantfleet.testsupport.CapturedLogs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MDC of tenant-service's log lines about a tenant's lifecycle and about a release, through the real API. */
@QuarkusTest
@WithTestResource(ControlDatabase.class)
class LogContextTest {
    private RegisteredTenants tenants;
    private CapturedLogs logs;

    @BeforeEach
    void setUp() {
        tenants = new RegisteredTenants();
        logs = CapturedLogs.of("dev.tenantfleet.service");
    }

    @AfterEach
    void tearDown() {
        logs.close();
        tenants.close();
    }

    @Test
    void aStatusChangeIsLoggedWithTheTenantSlugAndNoReleaseId() {
        String slug = tenants.register("logs", "ACTIVE");

        authenticated()
                .body(Map.of("to", "SUSPENDED", "reason", "unpaid invoice"))
                .post("/api/tenants/" + slug + "/status")
                .then()
                .statusCode(200);

        CapturedLogs.Line line = awaitLine(slug, "ACTIVE -> SUSPENDED");
        assertThat(line.mdc()).containsEntry(LogKeys.TENANT_SLUG, slug).doesNotContainKey(LogKeys.RELEASE_ID);
    }

    @Test
    void releaseLinesCarryTheReleaseIdAndNoTenantSlug() {
        String slug = tenants.register("logs", "ACTIVE");
        UUID releaseId = UUID.randomUUID();

        authenticated()
                .body(Map.of("releaseId", releaseId, "spec", Map.of("targetTag", "v1.4", "only", List.of(slug))))
                .post("/api/releases")
                .then()
                .statusCode(202);

        try {
            for (String text : List.of("started", "finished COMPLETED")) {
                assertThat(awaitLine(releaseId.toString(), text).mdc())
                        .containsEntry(LogKeys.RELEASE_ID, releaseId.toString())
                        .doesNotContainKey(LogKeys.TENANT_SLUG);
            }
        } finally {
            RegisteredTenants.deleteRelease(releaseId);
        }
    }

    private CapturedLogs.Line awaitLine(String about, String text) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> logs.mentioning(about).stream()
                        .anyMatch(line -> line.message().contains(text)));
        return logs.mentioning(about).stream()
                .filter(line -> line.message().contains(text))
                .findFirst()
                .orElseThrow();
    }
}
