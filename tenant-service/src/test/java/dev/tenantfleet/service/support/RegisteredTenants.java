package dev.tenantfleet.service.support;

import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.crypto.EncryptedSecret;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tenants registered straight in the control database at the changelog head, each with a real database whose
 * Liquibase history says it is at the head (changelog-sync, no schema): a release reads that history and skips them.
 * {@link #close()} deletes them with their audit rows and release entries, and drops their databases.
 */
public final class RegisteredTenants implements AutoCloseable {
    /** The test profile's key ring (application.properties, %test.tenantfleet.keys): the service decrypts with it. */
    private static final CredentialCipher CIPHER = CredentialCipher.fromKeyRing("test-key:"
            + System.getenv().getOrDefault("TENANTFLEET_TEST_KEY", "q0w4cYzR1Rk9a6d8Y0n8V2r3Jm5h7K1p4s6u8w0y2A4="));

    private final List<String> slugs = new ArrayList<>();
    private final List<ExistingDatabase> databases = new ArrayList<>();

    /** Registers a tenant in {@code status} at the changelog head (its database says so) and returns its random slug. */
    public String register(String prefix, String status) {
        return register(prefix, status, "v1.4", "v1.4");
    }

    /**
     * Registers a tenant in {@code status} whose registry says {@code cachedHead} while its database's history is at
     * {@code databaseHead} (null: a database with no history), and returns its random slug.
     */
    public String register(String prefix, String status, String cachedHead, String databaseHead) {
        ExistingDatabase db = ExistingDatabase.create();
        databases.add(db);
        try {
            if (databaseHead != null) {
                db.syncedTo(databaseHead);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return insert(prefix, status, cachedHead, db);
    }

    /** Registers a tenant whose database the example changelog really migrated to {@code head} (schema and history). */
    public String registerMigrated(String prefix, String status, String head) {
        ExistingDatabase db = ExistingDatabase.create();
        databases.add(db);
        try {
            db.migratedTo(head);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return insert(prefix, status, head, db);
    }

    private String insert(String prefix, String status, String cachedHead, ExistingDatabase db) {
        String slug = Api.randomSlug(prefix);
        EncryptedSecret password = CIPHER.encrypt(db.password);
        update(
                """
                INSERT INTO tenant (id, slug, display_name, status, server_id, database_name, role_name,
                    password_ciphertext, password_key_id, schema_head, created_at, updated_at, version)
                SELECT ?::uuid, ?, ?, ?, id, ?, ?, ?, ?, ?, now(), now(), 0
                FROM database_server WHERE name = 'local'""",
                UUID.randomUUID().toString(),
                slug,
                slug,
                status,
                db.database,
                db.role,
                password.ciphertext(),
                password.keyId(),
                cachedHead);
        slugs.add(slug);
        return slug;
    }

    /** The database registered for the tenant made last (as its owner role). */
    public ExistingDatabase lastDatabase() {
        return databases.get(databases.size() - 1);
    }

    /** How many tenants of the control database are in {@code status} right now. */
    public static long countInStatus(String status) {
        return count("SELECT count(*) FROM tenant WHERE status = ?", status);
    }

    /** The single number {@code sql} answers. */
    public static long count(String sql, Object... args) {
        try (Connection connection = PostgresAdmin.connect(ControlDatabase.NAME);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            var rows = statement.executeQuery();
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement as the server's admin (roles, databases). */
    public static void admin(String sql) {
        try (Connection connection = PostgresAdmin.connect("postgres");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement on the control database. */
    public static void update(String sql, Object... args) {
        try (Connection connection = PostgresAdmin.connect(ControlDatabase.NAME);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a release the test made, with its tenants' rows and its log. */
    public static void deleteRelease(UUID releaseId) {
        update("DELETE FROM release_log WHERE release_id = ?", releaseId);
        update("DELETE FROM release_tenant WHERE release_id = ?", releaseId);
        update("DELETE FROM release WHERE id = ?", releaseId);
    }

    @Override
    public void close() {
        for (String slug : slugs) {
            update("DELETE FROM release_tenant WHERE tenant_id = (SELECT id FROM tenant WHERE slug = ?)", slug);
            update("DELETE FROM tenant_audit WHERE tenant_id = (SELECT id FROM tenant WHERE slug = ?)", slug);
            update("DELETE FROM tenant WHERE slug = ?", slug);
        }
        databases.forEach(ExistingDatabase::close);
    }
}
