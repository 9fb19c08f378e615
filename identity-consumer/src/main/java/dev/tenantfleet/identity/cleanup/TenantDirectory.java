package dev.tenantfleet.identity.cleanup;

import dev.tenantfleet.identity.config.IdentityConfig;
import dev.tenantfleet.identity.failure.IdentityConsumerException;
import dev.tenantfleet.identity.failure.IdentityErrorCode;
import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.crypto.EncryptedSecret;
import dev.tenantfleet.model.error.TenantFleetException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Finds a tenant's database by reading tenant-service's control database ({@code tenant} joined to
 * {@code database_server}), read-only, and decrypts the tenant's password with {@code TENANTFLEET_KEYS}. What it finds
 * is reused for {@code identity.cleanup.connection-cache-ttl}, and forgotten when the tenant database refuses the login.
 */
@Startup
@ApplicationScoped
public class TenantDirectory {
    static final String FIND_TENANT = """
            SELECT s.host, s.port, t.database_name, t.role_name, t.password_ciphertext, t.password_key_id
              FROM tenant t JOIN database_server s ON s.id = t.server_id
             WHERE t.id = ?""";

    private final DataSource controlDb;
    private final CredentialCipher cipher;
    private final Duration cacheTtl;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(TenantDatabase database, long expiresAtNanos) {}

    public TenantDirectory(DataSource controlDb, IdentityConfig config) {
        this.controlDb = controlDb;
        this.cacheTtl = config.cleanup().connectionCacheTtl();
        if (!config.cleanup().enabled()) {
            this.cipher = null;
        } else {
            String keys = config.cleanup()
                    .keys()
                    .filter(value -> !value.isBlank())
                    .orElseThrow(() -> new IllegalStateException(
                            "identity.cleanup.keys (TENANTFLEET_KEYS) is required to log in to tenant databases while "
                                    + "identity.cleanup.enabled=true"));
            this.cipher = CredentialCipher.fromKeyRing(keys);
        }
    }

    /** The tenant's database; throws UNKNOWN_TENANT, TENANT_CREDENTIALS or (retryable) CONTROL_DB_UNAVAILABLE. */
    public TenantDatabase find(UUID tenantId) {
        Cached cached = cache.get(tenantId);
        if (cached != null && cached.expiresAtNanos() - System.nanoTime() > 0) {
            return cached.database();
        }
        TenantDatabase database = read(tenantId);
        cache.put(tenantId, new Cached(database, System.nanoTime() + cacheTtl.toNanos()));
        return database;
    }

    /** Drops what is cached for the tenant (its password may have been rotated). */
    public void forget(UUID tenantId) {
        cache.remove(tenantId);
    }

    private TenantDatabase read(UUID tenantId) {
        if (cipher == null) {
            throw new IllegalStateException("the tenant-side cleanup is disabled (identity.cleanup.enabled=false)");
        }
        try (Connection connection = controlDb.getConnection();
                PreparedStatement statement = connection.prepareStatement(FIND_TENANT)) {
            statement.setObject(1, tenantId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IdentityConsumerException(
                            IdentityErrorCode.UNKNOWN_TENANT, "tenant " + tenantId + " is not in the control database");
                }
                return new TenantDatabase(
                        row.getString(1),
                        row.getInt(2),
                        row.getString(3),
                        row.getString(4),
                        decrypt(tenantId, new EncryptedSecret(row.getString(6), row.getString(5))));
            }
        } catch (SQLException e) {
            throw new IdentityConsumerException(
                    IdentityErrorCode.CONTROL_DB_UNAVAILABLE,
                    "cannot read tenant " + tenantId + " from the control database: " + e.getMessage(),
                    e);
        }
    }

    private String decrypt(UUID tenantId, EncryptedSecret secret) {
        try {
            return cipher.decrypt(secret);
        } catch (TenantFleetException | IllegalArgumentException e) {
            throw new IdentityConsumerException(
                    IdentityErrorCode.TENANT_CREDENTIALS,
                    "the password of tenant " + tenantId + " cannot be decrypted: " + e.getMessage(),
                    e);
        }
    }
}
