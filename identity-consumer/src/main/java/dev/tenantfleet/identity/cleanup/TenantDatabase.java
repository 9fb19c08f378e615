package dev.tenantfleet.identity.cleanup;

import dev.tenantfleet.model.jdbc.PostgresDatabase;
import java.util.Objects;

/**
 * Where a tenant's database is and how to log in to it as the tenant's own role.
 *
 * @param host     database server host
 * @param port     database server port
 * @param database the tenant's database
 * @param role     the tenant's owner role
 * @param password the role's password, decrypted (never logged: see {@link #toString()})
 */
public record TenantDatabase(String host, int port, String database, String role, String password) {

    public TenantDatabase {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(password, "password");
    }

    /** The tenant database, to connect to with driver properties (host and name come from the control database). */
    public PostgresDatabase postgresDatabase() {
        return new PostgresDatabase(host, port, database);
    }

    @Override
    public String toString() {
        return "TenantDatabase[" + role + "@" + host + ":" + port + "/" + database + "]";
    }
}
