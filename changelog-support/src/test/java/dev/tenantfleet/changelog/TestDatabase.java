package dev.tenantfleet.changelog;

import java.io.OutputStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.postgresql.Driver;

/**
 * A throw-away tenant database on the local PostgreSQL (random name, its own non-superuser owner role, the extensions
 * the example changelog needs); {@link #close()} drops both.
 */
final class TestDatabase implements AutoCloseable {
    private static final String HOST = env("TENANTFLEET_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("TENANTFLEET_TEST_PG_PORT", "5432");
    private static final String ADMIN = env("TENANTFLEET_TEST_PG_ADMIN", "postgres");
    private static final String ADMIN_PASSWORD = env("TENANTFLEET_TEST_PG_ADMIN_PASSWORD", "");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Driver DRIVER = new Driver();

    private final String name;
    private final String role;
    private final String password;

    private TestDatabase(String name, String role, String password) {
        this.name = name;
        this.role = role;
        this.password = password;
    }

    static TestDatabase create() throws SQLException {
        String suffix = randomHex(6);
        TestDatabase db =
                new TestDatabase("tf_changelog_it_" + suffix, "tf_changelog_it_" + suffix + "_owner", randomHex(16));
        try (Connection admin = connect("postgres", ADMIN, ADMIN_PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + db.role + " LOGIN NOSUPERUSER PASSWORD '" + db.password + "'");
            statement.execute("CREATE DATABASE " + db.name + " OWNER " + db.role);
        }
        try (Connection admin = connect(db.name, ADMIN, ADMIN_PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
            statement.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
        }
        return db;
    }

    /** A session as the database's owner role, like the worker's. */
    Connection owner() throws SQLException {
        return connect(name, role, password);
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = connect("postgres", ADMIN, ADMIN_PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    /** Runs {@code changelog} up to {@code tag} with Liquibase on {@code owner}, as a worker or another tool would. */
    static void migrate(Connection owner, TenantChangelog changelog, String tag) throws Exception {
        LiquibaseSupport.inScope(changelog.newResourceAccessor(), () -> {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(owner));
            new CommandScope(UpdateToTagCommandStep.COMMAND_NAME)
                    .addArgumentValue(UpdateToTagCommandStep.CHANGELOG_FILE_ARG, changelog.path())
                    .addArgumentValue(UpdateToTagCommandStep.TAG_ARG, tag)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .setOutput(OutputStream.nullOutputStream())
                    .execute();
            return null;
        });
        owner.setAutoCommit(true);
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "changelog-support-test");
        return DRIVER.connect("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, properties);
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
