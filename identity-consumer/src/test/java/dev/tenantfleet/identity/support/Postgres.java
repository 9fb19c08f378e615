package dev.tenantfleet.identity.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/** Superuser sessions on the local PostgreSQL ({@code TENANTFLEET_TEST_PG_*} override the defaults). */
public final class Postgres {
    public static final String HOST = env("TENANTFLEET_TEST_PG_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("TENANTFLEET_TEST_PG_PORT", "5432"));
    public static final String ADMIN_USER = env("TENANTFLEET_TEST_PG_ADMIN", "postgres");
    public static final String ADMIN_PASSWORD = env("TENANTFLEET_TEST_PG_ADMIN_PASSWORD", "");
    private static final Driver DRIVER = new Driver();

    private Postgres() {}

    /** The JDBC URL of {@code database}. */
    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    /** A superuser session on {@code database}. */
    public static Connection admin(String database) throws SQLException {
        return connect(database, ADMIN_USER, ADMIN_PASSWORD);
    }

    /** A session on {@code database} as {@code user}. */
    public static Connection connect(String database, String user, String password) throws SQLException {
        // The driver directly, not DriverManager: under Quarkus' class loaders DriverManager may not see the driver.
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "identity-consumer-test");
        return DRIVER.connect(url(database), properties);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
