package dev.tenantfleet.model.migration;

import static dev.tenantfleet.model.envelope.Required.field;

import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.model.jdbc.PostgresDatabase;

/**
 * Where a tenant database lives and how to log in to it; the password travels only encrypted.
 *
 * @param host     database server host
 * @param port     database server port
 * @param database tenant database name
 * @param username the tenant's own role, owner of the database
 * @param password the role's password, AES-256-GCM encrypted
 */
public record TenantConnection(String host, int port, String database, String username, EncryptedSecret password) {
    public TenantConnection {
        field(host, "host");
        field(database, "database");
        field(username, "username");
        field(password, "password");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'port' must be 1-65535");
        }
    }

    /** The tenant database, to connect to with driver properties (host and database come from a message). */
    public PostgresDatabase postgresDatabase() {
        return new PostgresDatabase(host, port, database);
    }
}
