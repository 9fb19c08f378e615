package dev.tenantfleet.model.tenant;

import dev.tenantfleet.model.envelope.CloudEventCodec;
import java.util.Map;
import java.util.UUID;

/** Everything tenant-service announces on {@code tenant.events}. Every event names its tenant by id and slug. */
public sealed interface TenantEvent
        permits TenantProvisioned, TenantStatusChanged, TenantDeactivated, TenantProvisioningFailed, TenantSchemaChanged,
        TenantAdopted {

    /** CloudEvents type of each event record. */
    Map<String, Class<? extends TenantEvent>> TYPES = Map.of(
            TenantProvisioned.TYPE, TenantProvisioned.class,
            TenantStatusChanged.TYPE, TenantStatusChanged.class,
            TenantDeactivated.TYPE, TenantDeactivated.class,
            TenantProvisioningFailed.TYPE, TenantProvisioningFailed.class,
            TenantSchemaChanged.TYPE, TenantSchemaChanged.class,
            TenantAdopted.TYPE, TenantAdopted.class);

    /** Codec for the whole family. */
    static CloudEventCodec<TenantEvent> codec() {
        return new CloudEventCodec<>(TYPES);
    }

    /** The tenant the event is about. */
    UUID tenantId();

    /** The tenant's slug at the time of the event. */
    String slug();

    /** The versioned CloudEvents type of this event. */
    String type();

    /** The short name used in routing keys, e.g. {@code status-changed}. */
    String shortType();
}
