package dev.tenantfleet.service.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tenants registered straight in the control database (no database behind them) at the changelog head, so a release
 * skips them and nothing tries to reach them. {@link #close()} deletes them with their audit rows and release entries.
 */
public final class RegisteredTenants implements AutoCloseable {
    private final List<String> slugs = new ArrayList<>();

    /** Registers a tenant in {@code status} and returns its random slug. */
    public String register(String prefix, String status) {
        String slug = Api.randomSlug(prefix);
        String name = "tft_" + slug.replace('-', '_');
        update("""
                INSERT INTO tenant (id, slug, display_name, status, server_id, database_name, role_name,
                    password_ciphertext, password_key_id, schema_head, created_at, updated_at, version)
                SELECT ?::uuid, ?, ?, ?, id, ?, ?, 'not-used', 'test-key', 'v1.4', now(), now(), 0
                FROM database_server WHERE name = 'local'""", UUID.randomUUID().toString(), slug, slug, status, name,
                name + "_owner");
        slugs.add(slug);
        return slug;
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
    }
}
