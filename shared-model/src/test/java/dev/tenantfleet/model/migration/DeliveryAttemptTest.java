package dev.tenantfleet.model.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.envelope.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code deliveryAttempt} is optional on every result: older workers do not send it, and it then reads as 1. */
class DeliveryAttemptTest {
    private final TenantMigrated result = new TenantMigrated(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "acme",
            MigrationPurpose.RELEASE,
            "v1.2",
            "v1.4",
            List.of("c1"),
            10,
            "sha256:00",
            UUID.randomUUID());

    @Test
    void aResultWithoutDeliveryAttemptReadsAsTheFirstDelivery() throws Exception {
        String json = Json.mapper().writeValueAsString(result).replace(",\"deliveryAttempt\":1", "");

        assertThat(json).doesNotContain("deliveryAttempt");
        assertThat(Json.mapper().readValue(json, TenantMigrated.class).deliveryAttempt())
                .isEqualTo(1);
    }

    @Test
    void aRedeliveredCommandsResultSaysWhichDeliveryItAnswers() throws Exception {
        MigrationResult redelivered = result.withDeliveryAttempt(3);

        String json = Json.mapper().writeValueAsString(redelivered);

        assertThat(Json.mapper().readValue(json, TenantMigrated.class).deliveryAttempt())
                .isEqualTo(3);
        assertThat(redelivered)
                .isEqualTo(new TenantMigrated(
                        result.commandId(),
                        result.tenantId(),
                        "acme",
                        MigrationPurpose.RELEASE,
                        "v1.2",
                        "v1.4",
                        List.of("c1"),
                        10,
                        "sha256:00",
                        result.releaseId(),
                        3));
    }
}
