package dev.tenantfleet.service.inspection;

import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.model.jdbc.PostgresDatabase;
import dev.tenantfleet.service.tenant.Tenant;

/** What is needed to read one tenant database, detached from the persistence context. */
public record TenantAccess(String slug, PostgresDatabase database, String role, EncryptedSecret password) {
    /** The access of a registered tenant (read inside a transaction: it follows the tenant's server). */
    public static TenantAccess of(Tenant tenant) {
        return new TenantAccess(
                tenant.slug,
                new PostgresDatabase(tenant.server.host, tenant.server.port, tenant.databaseName),
                tenant.roleName,
                tenant.password());
    }
}
