package dev.tenantfleet.model.migration;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.tenantfleet.model.envelope.CloudEventCodec;
import dev.tenantfleet.model.envelope.ExportedMessage;
import dev.tenantfleet.model.messaging.Exchanges;
import dev.tenantfleet.model.messaging.RoutingKeys;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Per-tenant outcomes on {@code migration.results}: one per migrate-tenant or rollback-tenant command delivery that ran. */
@JsonSubTypes({
    @JsonSubTypes.Type(value = TenantMigrated.class, name = TenantMigrated.TYPE),
    @JsonSubTypes.Type(value = TenantMigrationFailed.class, name = TenantMigrationFailed.TYPE),
    @JsonSubTypes.Type(value = TenantRolledBack.class, name = TenantRolledBack.TYPE),
    @JsonSubTypes.Type(value = TenantRollbackFailed.class, name = TenantRollbackFailed.TYPE)
})
public sealed interface MigrationResult extends ExportedMessage
        permits TenantMigrated, TenantMigrationFailed, TenantRolledBack, TenantRollbackFailed {

    /** CloudEvents type of each result record: the names of the {@link JsonSubTypes} above, as Jackson resolves them. */
    Map<String, Class<? extends MigrationResult>> TYPES = CloudEventCodec.typesOf(MigrationResult.class);

    /** Codec for the whole family. */
    static CloudEventCodec<MigrationResult> codec() {
        return new CloudEventCodec<>(MigrationResult.class);
    }

    /** The command this answers. */
    UUID commandId();

    /** The tenant migrated. */
    UUID tenantId();

    /** The tenant slug. */
    String slug();

    /** Why it was migrated, copied from the command. */
    MigrationPurpose purpose();

    /** The fleet release this belongs to; null outside releases. */
    UUID releaseId();

    /** Changesets applied (or, for rollback results, rolled back) by this run, in order ({@code path::id::author}). */
    List<String> appliedChangeSets();

    /** The last tag recorded in the tenant database after the run; null when it has none. */
    String headAfter();

    /** Wall-clock duration of the run on the worker. */
    long durationMillis();

    /** Digest of the changelog the worker used. */
    String changelogDigest();

    /**
     * Which delivery of the command this answers: 1 for the first, 2 and more when the broker redelivered it (a worker
     * died with the command unacknowledged, say). Absent from results of older workers, which reads as 1.
     */
    Integer deliveryAttempt();

    /** This result, saying it answers delivery {@code attempt} of its command. */
    MigrationResult withDeliveryAttempt(int attempt);

    /** The versioned CloudEvents type. */
    @Override
    String type();

    /** The short name used in routing keys. */
    String shortType();

    /** Results go to {@code migration.results}. */
    @Override
    default String exchange() {
        return Exchanges.MIGRATION_RESULTS;
    }

    /** {@code result.tenant.<short-type>.<tenant-id>}. */
    @Override
    default String routingKey() {
        return RoutingKeys.tenantResult(shortType(), tenantId());
    }

    /** The tenant slug. */
    @Override
    default String subject() {
        return slug();
    }
}
