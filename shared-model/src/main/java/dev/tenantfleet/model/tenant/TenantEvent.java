package dev.tenantfleet.model.tenant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.ExportedMessage;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.RoutingKeys;
import java.util.Map;
import java.util.UUID;

/** Everything tenant-service announces on {@code tenant.events}. Every event names its tenant by id and slug. */
@JsonSubTypes({
    @JsonSubTypes.Type(value = TenantProvisioned.class, name = TenantProvisioned.TYPE),
    @JsonSubTypes.Type(value = TenantStatusChanged.class, name = TenantStatusChanged.TYPE),
    @JsonSubTypes.Type(value = TenantDeactivated.class, name = TenantDeactivated.TYPE),
    @JsonSubTypes.Type(value = TenantProvisioningFailed.class, name = TenantProvisioningFailed.TYPE),
    @JsonSubTypes.Type(value = TenantSchemaChanged.class, name = TenantSchemaChanged.TYPE),
    @JsonSubTypes.Type(value = TenantAdopted.class, name = TenantAdopted.TYPE)
})
public sealed interface TenantEvent extends ExportedMessage
        permits TenantProvisioned,
                TenantStatusChanged,
                TenantDeactivated,
                TenantProvisioningFailed,
                TenantSchemaChanged,
                TenantAdopted {

    /** CloudEvents type of each event record: the names of the {@link JsonSubTypes} above, as Jackson resolves them. */
    Map<String, Class<? extends TenantEvent>> TYPES = CloudEventCodec.typesOf(TenantEvent.class);

    /** Codec for the whole family. */
    static CloudEventCodec<TenantEvent> codec() {
        return new CloudEventCodec<>(TenantEvent.class);
    }

    /** The tenant the event is about. */
    UUID tenantId();

    /** The tenant's slug at the time of the event. */
    String slug();

    /** The versioned CloudEvents type of this event. */
    @Override
    String type();

    /** The short name used in routing keys, e.g. {@code status-changed}. */
    String shortType();

    /** Tenant events go to {@code tenant.events}. */
    @Override
    default String exchange() {
        return Exchanges.TENANT_EVENTS;
    }

    /** {@code tenant.<short-type>.<tenant-id>}. */
    @Override
    default String routingKey() {
        return RoutingKeys.tenantEvent(shortType(), tenantId());
    }

    /** The tenant's slug. */
    @Override
    default String subject() {
        return slug();
    }
}
