package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

import dev.tenantfleet.model.messaging.RoutingKeys;
import java.util.List;
import java.util.UUID;

/**
 * Roll back exactly the changesets a release applied to one tenant, newest first, in one transaction.
 * The worker checks that they are the newest entries of the tenant's changelog history before touching
 * anything, so it never rolls back what another release applied.
 *
 * @param changeSets     what the release applied to this tenant, in apply order ({@code path::id::author})
 * @param expectedHead   the tag the tenant should be at afterwards (its pre-release head), for the result
 * @param timeoutSeconds cancel on the server after this long; null = none
 */
public record RollbackTenant(
        UUID commandId,
        UUID tenantId,
        String slug,
        TenantConnection connection,
        UUID releaseId,
        List<String> changeSets,
        String expectedHead,
        String changelogDigest,
        Integer timeoutSeconds)
        implements MigrationCommand {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.migration.rollback-tenant.v1";

    public RollbackTenant {
        field(commandId, "commandId");
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(connection, "connection");
        field(releaseId, "releaseId");
        changeSets = List.copyOf(field(changeSets, "changeSets"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** {@code command.rollback-tenant.<tenant-id>}. */
    @Override
    public String routingKey() {
        return RoutingKeys.rollbackTenantCommand(tenantId);
    }

    @Override
    public String subject() {
        return slug;
    }
}
