package dev.tenantfleet.service.provisioning;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.jdbc.PostgresDatabase;
import dev.tenantfleet.service.config.TenantFleetConfig;
import dev.tenantfleet.service.server.AdminCredentials;
import dev.tenantfleet.service.server.AdminCredentialsResolver;
import dev.tenantfleet.service.tenant.ProvisioningStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * The DDL of provisioning, run on the tenant's database server with its admin login. Every operation is
 * idempotent. Identifiers come from {@code TenantNaming} ({@code [a-z0-9_]} only) and are double-quoted;
 * the password comes from {@code Credentials.generatePassword} (no quote characters) and never reaches a log.
 */
@ApplicationScoped
public class TenantDatabaseAdmin {
    private static final Logger LOG = Logger.getLogger(TenantDatabaseAdmin.class);
    private static final String MAINTENANCE_DB = "postgres";

    private final AdminCredentialsResolver credentialsResolver;
    private final TenantFleetConfig config;

    TenantDatabaseAdmin(AdminCredentialsResolver credentialsResolver, TenantFleetConfig config) {
        this.credentialsResolver = credentialsResolver;
        this.config = config;
    }

    /** Creates the login role, or resets its password to the stored one if it already exists. */
    void createRole(ProvisioningJob job, String password) {
        runOnServer(job, MAINTENANCE_DB, ProvisioningStep.CREATE_ROLE, connection -> {
            boolean exists = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", job.role());
            String verb = exists ? "ALTER" : "CREATE";
            try (Statement statement = connection.createStatement()) {
                statement.execute(verb + " ROLE " + quote(job.role()) + " LOGIN PASSWORD '" + password + "'");
            }
            LOG.infof("Tenant %s: role %s %s", job.slug(), job.role(), exists ? "existed, password reset" : "created");
        });
    }

    /** Creates the database owned by the tenant role and revokes PUBLIC's right to connect to it. */
    void createDatabase(ProvisioningJob job) {
        runOnServer(job, MAINTENANCE_DB, ProvisioningStep.CREATE_DATABASE, connection -> {
            try (Statement statement = connection.createStatement()) {
                if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", job.database())) {
                    // CREATE DATABASE cannot run in a transaction block: this connection is in autocommit.
                    statement.execute("CREATE DATABASE " + quote(job.database()) + " OWNER " + quote(job.role())
                            + " ENCODING 'UTF8' TEMPLATE template0");
                    LOG.infof("Tenant %s: database %s created", job.slug(), job.database());
                }
                statement.execute("REVOKE ALL ON DATABASE " + quote(job.database()) + " FROM PUBLIC");
                statement.execute("GRANT ALL ON DATABASE " + quote(job.database()) + " TO " + quote(job.role()));
            }
        });
    }

    /** Creates the extensions the tenant changelog relies on; needs the admin, not the tenant role. */
    void createExtensions(ProvisioningJob job) {
        runOnServer(job, job.database(), ProvisioningStep.CREATE_EXTENSIONS, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
                statement.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
            }
            LOG.infof("Tenant %s: extensions uuid-ossp and unaccent ready", job.slug());
        });
    }

    private void runOnServer(ProvisioningJob job, String database, ProvisioningStep step, SqlWork work) {
        AdminCredentials admin = credentialsResolver.resolve(job.adminCredentialsRef());
        Properties properties = properties(admin);
        properties.putAll(new PostgresDatabase(job.host(), job.port(), database).connectionProperties());
        try (Connection connection = DriverManager.getConnection(PostgresDatabase.URL, properties)) {
            connection.setAutoCommit(true);
            work.run(connection);
        } catch (SQLException e) {
            throw SqlFailures.classify(
                    step, "server " + job.serverName() + " (" + job.host() + ":" + job.port() + ")", e);
        }
    }

    private Properties properties(AdminCredentials admin) {
        Properties properties = new Properties();
        properties.setProperty("user", admin.username());
        properties.setProperty("password", admin.password());
        properties.setProperty(
                "connectTimeout",
                String.valueOf(config.provisioning().connectTimeout().toSeconds()));
        properties.setProperty("ApplicationName", "tenant-fleet-provisioning");
        return properties;
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    static String quote(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe identifier " + identifier);
        }
        return "\"" + identifier + "\"";
    }

    @FunctionalInterface
    interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    /** Maps SQL failures of provisioning to error codes. */
    static final class SqlFailures {
        private SqlFailures() {}

        static ProvisioningFailure classify(ProvisioningStep step, String where, SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("08")) {
                return new ProvisioningFailure(
                        step,
                        TenantErrorCode.DATABASE_SERVER_UNREACHABLE,
                        step + ": cannot connect to " + where + ": " + e.getMessage(),
                        e);
            }
            if (state.startsWith("28")) {
                return new ProvisioningFailure(
                        step,
                        TenantErrorCode.DATABASE_SERVER_CREDENTIALS,
                        step + ": login refused by " + where + ": " + e.getMessage(),
                        e);
            }
            return new ProvisioningFailure(
                    step,
                    TenantErrorCode.PROVISIONING_SQL_ERROR,
                    step + " failed on " + where + " [SQLState " + state + "]: " + e.getMessage(),
                    e);
        }
    }
}
