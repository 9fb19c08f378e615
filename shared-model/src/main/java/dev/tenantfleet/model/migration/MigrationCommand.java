package dev.tenantfleet.model.migration;

import dev.tenantfleet.model.envelope.CloudEventCodec;
import java.util.Map;
import java.util.UUID;

/** Commands on {@code migration.commands}. Each names its tenant and has an id that its result echoes. */
public sealed interface MigrationCommand permits MigrateTenant {

    /** CloudEvents type of each command record. */
    Map<String, Class<? extends MigrationCommand>> TYPES = Map.of(MigrateTenant.TYPE, MigrateTenant.class);

    /** Codec for the whole family. */
    static CloudEventCodec<MigrationCommand> codec() {
        return new CloudEventCodec<>(TYPES);
    }

    /** Idempotency key of the command; its result carries the same id. */
    UUID commandId();

    /** The tenant to act on. */
    UUID tenantId();

    /** The versioned CloudEvents type. */
    String type();
}
