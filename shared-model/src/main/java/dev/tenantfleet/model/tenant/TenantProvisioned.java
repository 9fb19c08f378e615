package dev.tenantfleet.model.tenant;

import static dev.tenantfleet.model.envelope.Required.field;

import java.util.UUID;

/**
 * A tenant database was created, migrated and seeded; the tenant is ACTIVE.
 *
 * @param server     name of the database server that holds the tenant database
 * @param database   the tenant database's name
 * @param schemaHead the changelog tag the database is at
 */
public record TenantProvisioned(
        UUID tenantId, String slug, String name, String server, String database, String schemaHead)
        implements TenantEvent {
    /** CloudEvents type. */
    public static final String TYPE = "tenantfleet.tenant.provisioned.v1";

    public TenantProvisioned {
        field(tenantId, "tenantId");
        field(slug, "slug");
        field(name, "name");
        field(server, "server");
        field(database, "database");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String shortType() {
        return "provisioned";
    }
}
