package dev.tenantfleet.model.migration;

import dev.tenantfleet.model.envelope.CloudEventCodec;
import java.util.Map;
import java.util.UUID;

/** Commands on {@code migration.commands}: per-tenant commands for workers, migrate-release for tenant-service. */
public sealed interface MigrationCommand permits MigrateTenant, RollbackTenant, MigrateRelease {

    /** CloudEvents type of each command record. */
    Map<String, Class<? extends MigrationCommand>> TYPES = Map.of(
            MigrateTenant.TYPE, MigrateTenant.class,
            RollbackTenant.TYPE, RollbackTenant.class,
            MigrateRelease.TYPE, MigrateRelease.class);

    /** Codec for the whole family. */
    static CloudEventCodec<MigrationCommand> codec() {
        return new CloudEventCodec<>(TYPES);
    }

    /** Idempotency key of the command; its result carries the same id. */
    UUID commandId();

    /** The versioned CloudEvents type. */
    String type();
}
