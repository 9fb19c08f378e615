package dev.tenantfleet.model.migration;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.ExportedMessage;
import dev.tenantfleet.model.messaging.Exchanges;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Commands on {@code migration.commands}: per-tenant commands for workers, migrate-release for tenant-service. */
@JsonSubTypes({
    @JsonSubTypes.Type(value = MigrateTenant.class, name = MigrateTenant.TYPE),
    @JsonSubTypes.Type(value = RollbackTenant.class, name = RollbackTenant.TYPE),
    @JsonSubTypes.Type(value = MigrateRelease.class, name = MigrateRelease.TYPE)
})
public sealed interface MigrationCommand extends ExportedMessage permits MigrateTenant, RollbackTenant, MigrateRelease {

    /** CloudEvents type of each command record: the names of the {@link JsonSubTypes} above, as Jackson resolves them. */
    Map<String, Class<? extends MigrationCommand>> TYPES = CloudEventCodec.typesOf(MigrationCommand.class);

    /** Codec for the whole family. */
    static CloudEventCodec<MigrationCommand> codec() {
        return new CloudEventCodec<>(MigrationCommand.class);
    }

    /** Idempotency key of the command; its result carries the same id. */
    UUID commandId();

    /** The versioned CloudEvents type. */
    @Override
    String type();

    /** Commands go to {@code migration.commands}. */
    @Override
    default String exchange() {
        return Exchanges.MIGRATION_COMMANDS;
    }

    /** The command id: the envelope id is the idempotency key, and the result repeats it. */
    @Override
    default Optional<String> envelopeId() {
        return Optional.of(commandId().toString());
    }
}
