package dev.tenantfleet.service.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Creates the control database the tests run against (on the real local PostgreSQL) if it is missing. */
public class ControlDatabase implements QuarkusTestResourceLifecycleManager {
    /** Name of the control database used by tests; env-overridable like the rest of the test config. */
    public static final String NAME = System.getenv().getOrDefault("CONTROL_DB_NAME", "tenantfleet_test");

    @Override
    public Map<String, String> start() {
        try (Connection connection =
                        DriverManager.getConnection(PostgresAdmin.url("postgres"), PostgresAdmin.properties());
                Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'");
            if (!rows.next()) {
                statement.execute("CREATE DATABASE \"" + NAME + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare control database " + NAME + ": " + e.getMessage(), e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // kept between runs on purpose: Liquibase brings it up to date, tests use random slugs
    }
}
