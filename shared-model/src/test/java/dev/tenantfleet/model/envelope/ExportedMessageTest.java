package dev.tenantfleet.model.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.RoutingKeys;
import dev.tenantfleet.model.migration.MigrateTenant;
import dev.tenantfleet.model.migration.MigrationCommand;
import dev.tenantfleet.model.migration.MigrationPurpose;
import dev.tenantfleet.model.migration.TenantConnection;
import dev.tenantfleet.model.tenant.TenantEvent;
import dev.tenantfleet.model.tenant.TenantStatus;
import dev.tenantfleet.model.tenant.TenantStatusChanged;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExportedMessageTest {

    @Test
    void shouldRouteACommandByItsTenantAndCarryItsCommandIdAsEnvelopeId() throws Exception {
        UUID commandId = UUID.randomUUID();
        UUID tenantId = UUID.randomUUID();
        MigrateTenant command = new MigrateTenant(
                commandId,
                tenantId,
                "acme",
                new TenantConnection("db", 5432, "acme", "acme", new EncryptedSecret("k1", "c2VjcmV0")),
                "v1.4",
                null,
                MigrationPurpose.RELEASE,
                UUID.randomUUID(),
                null,
                null);

        CloudEvent<MigrateTenant> envelope = CloudEvent.of("/tenant-service", command);

        assertThat(command.exchange()).isEqualTo(Exchanges.MIGRATION_COMMANDS);
        assertThat(command.routingKey()).isEqualTo(RoutingKeys.migrateTenantCommand(tenantId));
        assertThat(envelope.id()).isEqualTo(commandId.toString());
        assertThat(envelope.subject()).isEqualTo("acme");
        assertThat(envelope.type()).isEqualTo(MigrateTenant.TYPE);
        assertThat(MigrationCommand.codec()
                        .decode(CloudEventCodec.write(envelope))
                        .data())
                .isEqualTo(command);
    }

    @Test
    void shouldKeepRoutingOutOfThePayloadWhenWritten() throws Exception {
        UUID tenantId = UUID.randomUUID();
        TenantEvent event = new TenantStatusChanged(
                tenantId, "acme", TenantStatus.ACTIVE, TenantStatus.READ_ONLY, "ops", "maintenance");

        CloudEvent<TenantEvent> envelope = CloudEvent.of("/tenant-service", event);
        JsonNode written = Json.mapper().readTree(CloudEventCodec.write(envelope));

        assertThat(event.routingKey()).isEqualTo(RoutingKeys.tenantEvent("status-changed", tenantId));
        assertThat(written.get("subject").textValue()).isEqualTo("acme");
        assertThat(written.get("data").has("exchange")).isFalse();
        assertThat(written.get("data").has("routingKey")).isFalse();
        assertThat(written.get("data").has("subject")).isFalse();
        assertThat(UUID.fromString(envelope.id())).isNotNull();
    }
}
