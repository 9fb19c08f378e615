package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

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
 */
public record MigrateTenant(UUID commandId, UUID tenantId, String slug, TenantConnection connection, String targetTag,
        String changelogDigest, MigrationPurpose purpose) implements MigrationCommand {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.migration.migrate-tenant.v1";

    public MigrateTenant {
        field(commandId, "commandId");
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(connection, "connection");
        field(purpose, "purpose");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
