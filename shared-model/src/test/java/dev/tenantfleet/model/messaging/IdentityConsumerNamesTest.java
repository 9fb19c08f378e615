package dev.tenantfleet.model.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.model.error.TenantErrorCode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityConsumerNamesTest {

    @Test
    void identityConsumerQueuesAndBindingsAreNamedAfterTheirTenant() {
        UUID tenant = UUID.fromString("a8d3e5f1-6c2b-4d97-b0e4-1f2a3b4c5d6e");

        assertThat(Queues.identityConsumerOf(tenant))
                .isEqualTo("identity-consumer.a8d3e5f1-6c2b-4d97-b0e4-1f2a3b4c5d6e");
        assertThat(Queues.identityConsumerTenantStatusOf(tenant))
                .isEqualTo("identity-consumer.a8d3e5f1-6c2b-4d97-b0e4-1f2a3b4c5d6e.tenant-status");
        assertThat(RoutingKeys.allTenantEventsOf(tenant)).isEqualTo("tenant.*.a8d3e5f1-6c2b-4d97-b0e4-1f2a3b4c5d6e");
    }

    @Test
    void deadLetterHeadersCarryAnyErrorCodeAndATruncatedReason() {
        Map<String, Object> headers =
                DeadLetterHeaders.of(Map.of("x-keep", 1), "q", TenantErrorCode.TENANT_NOT_FOUND, "r".repeat(2_000));

        assertThat(headers)
                .containsEntry("x-keep", 1)
                .containsEntry(MessageHeaders.DEAD_LETTER_ERROR_CODE, "TENANT_NOT_FOUND")
                .containsEntry(MessageHeaders.DEAD_LETTER_SOURCE_QUEUE, "q");
        assertThat((String) headers.get(MessageHeaders.DEAD_LETTER_REASON))
                .hasSize(DeadLetterHeaders.MAX_REASON_LENGTH)
                .endsWith("...");
    }
}
