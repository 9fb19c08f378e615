package dev.tenantfleet.worker.support;

import dev.tenantfleet.model.crypto.CredentialCipher;
import dev.tenantfleet.model.migration.TenantConnection;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A throw-away tenant database on the local PostgreSQL, created like provisioning does: its own non-superuser owner
 * role with a random password, and the uuid-ossp and unaccent extensions created by the superuser. Names are random so
 * parallel runs never collide; {@link #close()} drops both.
 */
public final class TenantDatabase implements AutoCloseable {
    public static final String HOST = env("TENANTFLEET_TEST_PG_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("TENANTFLEET_TEST_PG_PORT", "5432"));
    public static final String ADMIN_USER = env("TENANTFLEET_TEST_PG_ADMIN", "postgres");
    public static final String ADMIN_PASSWORD = env("TENANTFLEET_TEST_PG_ADMIN_PASSWORD", "");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Driver DRIVER = new Driver();

    private final String name;
    private final String role;
    private final String password;

    private TenantDatabase(String name, String role, String password) {
        this.name = name;
        this.role = role;
        this.password = password;
    }

    /** Creates the role, the database it owns and the two extensions. */
    public static TenantDatabase create() throws SQLException {
        String suffix = randomHex(6);
        TenantDatabase db =
                new TenantDatabase("tf_worker_it_" + suffix, "tf_worker_it_" + suffix + "_owner", randomHex(16));
        try (Connection admin = admin("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + db.role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                    + db.password + "'");
            statement.execute("CREATE DATABASE " + db.name + " OWNER " + db.role);
        }
        try (Connection admin = admin(db.name);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
            statement.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
        }
        return db;
    }

    public String name() {
        return name;
    }

    public String role() {
        return role;
    }

    /** How the worker reaches this database, with the password encrypted by {@code cipher}. */
    public TenantConnection connection(CredentialCipher cipher) {
        return new TenantConnection(HOST, PORT, name, role, cipher.encrypt(password));
    }

    /** A session as the tenant's own role, like the application's (and the worker's). */
    public Connection owner() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "migration-worker-test-app");
        return DRIVER.connect("jdbc:postgresql://" + HOST + ":" + PORT + "/" + name, properties);
    }

    /** Keys ({@code filename::id::author}) of DATABASECHANGELOG in execution order. */
    public List<String> history() throws SQLException {
        return strings("SELECT filename || '::' || id || '::' || author FROM databasechangelog ORDER BY orderexecuted");
    }

    /** Columns of {@code table} in the public schema, sorted. */
    public List<String> columns(String table) throws SQLException {
        return strings(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '"
                        + table + "' ORDER BY 1");
    }

    /** A superuser session on this database. */
    public Connection admin() throws SQLException {
        return admin(name);
    }

    /** Tables of the public schema, sorted. */
    public List<String> tables() throws SQLException {
        return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    }

    /** First column of every row of {@code sql} run as superuser on this database. */
    public List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection admin = admin();
                Statement statement = admin.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Number of sessions of {@code applicationName} connected to this database. */
    public int sessionsOf(String applicationName) throws SQLException {
        try (Connection admin = admin("postgres");
                PreparedStatement statement = admin.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND application_name = ?")) {
            statement.setString(1, name);
            statement.setString(2, applicationName);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    private static Connection admin(String database) throws SQLException {
        // The driver directly, not DriverManager: under Quarkus' class loaders DriverManager may not see the driver.
        Properties properties = new Properties();
        properties.setProperty("user", ADMIN_USER);
        properties.setProperty("password", ADMIN_PASSWORD);
        properties.setProperty("ApplicationName", "migration-worker-test");
        return DRIVER.connect("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, properties);
    }

    /** {@code bytes} random bytes as lowercase hex. */
    public static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
