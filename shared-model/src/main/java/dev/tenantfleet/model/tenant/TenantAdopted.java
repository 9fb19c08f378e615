package dev.tenantfleet.model.tenant;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.UUID;

/**
 * A database that already existed was registered as a tenant (adoption): nothing was created or migrated, the tenant
 * is in {@code status} at {@code schemaHead} from the moment it is announced.
 *
 * @param server     name of the database server that holds the tenant database
 * @param database   the tenant database's name
 * @param status     the status it was adopted in (ACTIVE, READ_ONLY or SUSPENDED)
 * @param schemaHead the changelog tag the database is at (read from its Liquibase history, or the baseline); null when
 *                   it has none yet
 * @param baselined  whether Tenant Fleet recorded the changelog as applied up to {@code schemaHead} (changelog-sync)
 *                   because another tool had migrated the database without a Liquibase history
 */
public record TenantAdopted(
        UUID tenantId,
        String slug,
        String name,
        String server,
        String database,
        TenantStatus status,
        String schemaHead,
        boolean baselined)
        implements TenantEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.tenant.adopted.v1";

    public TenantAdopted {
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(name, "name");
        field(server, "server");
        field(database, "database");
        field(status, "status");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String shortType() {
        return "adopted";
    }
}
