package dev.tenantfleet.service.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Admin access to the real local PostgreSQL for test set-up, assertions and clean-up. */
public final class PostgresAdmin {
    private static final String HOST = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("PGPORT", "5432");

    private PostgresAdmin() {}

    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    public static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", System.getenv().getOrDefault("TENANT_DB_ADMIN_USER", "postgres"));
        properties.setProperty("password", System.getenv().getOrDefault("TENANT_DB_ADMIN_PASSWORD", ""));
        return properties;
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), properties());
    }

    /** Whether the query on {@code database} returns at least one row. */
    public static boolean exists(String database, String sql, Object... args) {
        try (Connection connection = connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops a tenant database and its role if a test created them. */
    public static void dropTenant(String database, String role) {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS \"" + role + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cleanup of " + database + " failed", e);
        }
    }
}
