package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

import dev.tenantfleet.model.messaging.RoutingKeys;
import java.util.UUID;

/**
 * Migrate one tenant database up to {@code targetTag} (or to the changelog's last changeset when null).
 *
 * @param commandId       idempotency key, echoed in the result
 * @param slug            tenant slug, for logs and results
 * @param connection      how to reach the tenant database (password encrypted)
 * @param targetTag       changelog tag to stop at; null means the whole changelog (head)
 * @param changelogDigest digest the command expects the worker's changelog to have; null skips the check
 * @param purpose         which workflow waits for the result
 * @param releaseId       the fleet release this belongs to; null outside releases (provisioning)
 * @param timeoutSeconds  per-tenant timeout: the worker cancels the work on the database server after it; null = none
 * @param allowNonTransactional whether changesets that cannot run inside the tenant's single transaction
 *                        ({@code runInTransaction="false"}) may be applied; when false such a pending changeset
 *                        fails the command before anything is applied
 */
public record MigrateTenant(
        UUID commandId,
        UUID tenantId,
        String slug,
        TenantConnection connection,
        String targetTag,
        String changelogDigest,
        MigrationPurpose purpose,
        UUID releaseId,
        Integer timeoutSeconds,
        Boolean allowNonTransactional)
        implements MigrationCommand {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.migration.migrate-tenant.v1";

    public MigrateTenant {
        field(commandId, "commandId");
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(connection, "connection");
        field(purpose, "purpose");
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            throw new IllegalArgumentException("'timeoutSeconds' must be at least 1");
        }
    }

    /** A command outside any release, without timeout, refusing non-transactional changesets. */
    public MigrateTenant(
            UUID commandId,
            UUID tenantId,
            String slug,
            TenantConnection connection,
            String targetTag,
            String changelogDigest,
            MigrationPurpose purpose) {
        this(commandId, tenantId, slug, connection, targetTag, changelogDigest, purpose, null, null, null);
    }

    /** Whether non-transactional changesets may be applied (absent means no). */
    public boolean nonTransactionalAllowed() {
        return Boolean.TRUE.equals(allowNonTransactional);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** {@code command.migrate-tenant.<tenant-id>}. */
    @Override
    public String routingKey() {
        return RoutingKeys.migrateTenantCommand(tenantId);
    }

    @Override
    public String subject() {
        return slug;
    }
}
