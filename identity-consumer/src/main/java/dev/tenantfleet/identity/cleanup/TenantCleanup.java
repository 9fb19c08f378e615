package dev.tenantfleet.identity.cleanup;

import dev.tenantfleet.identity.config.IdentityConfig;
import dev.tenantfleet.identity.failure.IdentityConsumerException;
import dev.tenantfleet.identity.failure.IdentityErrorCode;
import dev.tenantfleet.model.jdbc.PostgresDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.postgresql.Driver;

/**
 * The tenant-side cleanup when a user leaves a tenant: {@code identity.cleanup.statements} run in the tenant's own
 * database, as the tenant's own role, in one transaction. The statements are idempotent, so a redelivery is harmless.
 * A statement whose table does not exist in that tenant's schema (a tenant at an older release) is skipped.
 * Connectivity, login, timeout and lock failures are retryable; any other SQL error is not (CLEANUP_FAILED).
 */
@ApplicationScoped
public class TenantCleanup {
    private static final Logger LOG = Logger.getLogger(TenantCleanup.class);
    private static final Driver DRIVER = new Driver();
    private static final String UNDEFINED_TABLE = "42P01";
    /** SQLState classes worth waiting for: connection, insufficient resources, operator intervention, rollback. */
    private static final Set<String> RETRYABLE_CLASSES = Set.of("08", "53", "57", "40");

    private static final Set<String> RETRYABLE_STATES = Set.of("55P03", "55006");
    private static final String APPLICATION_NAME = "identity-consumer";

    private final TenantDirectory directory;
    private final IdentityConfig.Cleanup config;
    private final List<CleanupStatement> statements;

    public TenantCleanup(TenantDirectory directory, IdentityConfig config) {
        this.directory = directory;
        this.config = config.cleanup();
        this.statements = CleanupStatement.parse(this.config.statements());
    }

    /** Whether membership-removed runs the cleanup at all. */
    public boolean enabled() {
        return config.enabled();
    }

    /** Runs the cleanup for {@code userId} in {@code tenantId}'s database; returns the number of rows changed. */
    public int run(UUID tenantId, UUID userId) {
        TenantDatabase database = directory.find(tenantId);
        try (Connection connection = connect(database)) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                long millis = Math.max(1, config.statementTimeout().toMillis());
                settings.execute("SET LOCAL statement_timeout = " + millis);
                settings.execute("SET LOCAL lock_timeout = " + millis);
            }
            int rows = 0;
            for (CleanupStatement statement : statements) {
                rows += execute(connection, statement, userId, database);
            }
            connection.commit();
            LOG.infof("Cleanup of user %s in tenant %s changed %d row(s)", userId, tenantId, rows);
            return rows;
        } catch (SQLException e) {
            throw classify(tenantId, database, e);
        }
    }

    private int execute(Connection connection, CleanupStatement statement, UUID userId, TenantDatabase database)
            throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (int i = 1; i <= statement.parameters(); i++) {
                prepared.setObject(i, userId);
            }
            int rows = prepared.executeUpdate();
            connection.releaseSavepoint(savepoint);
            return rows;
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            LOG.infof("Cleanup statement skipped in %s, its table does not exist there: %s", database, e.getMessage());
            return 0;
        }
    }

    private Connection connect(TenantDatabase database) throws SQLException {
        Properties properties = database.postgresDatabase().connectionProperties();
        properties.setProperty("user", database.role());
        properties.setProperty("password", database.password());
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty(
                "connectTimeout",
                Long.toString(Math.max(1, config.connectTimeout().toSeconds())));
        properties.setProperty(
                "socketTimeout", Long.toString(config.statementTimeout().toSeconds() + 30));
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DRIVER.connect(PostgresDatabase.URL, properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + PostgresDatabase.URL, "08001");
        }
        return connection;
    }

    private IdentityConsumerException classify(UUID tenantId, TenantDatabase database, SQLException e) {
        String state = e.getSQLState() == null ? "08000" : e.getSQLState();
        if (state.startsWith("28")) {
            directory.forget(tenantId);
        }
        boolean retryable = state.startsWith("28")
                || RETRYABLE_STATES.contains(state)
                || RETRYABLE_CLASSES.contains(state.substring(0, Math.min(2, state.length())));
        String message = "cleanup in " + database + " failed (SQLState " + state + "): " + e.getMessage();
        return new IdentityConsumerException(
                retryable ? IdentityErrorCode.TENANT_DB_UNAVAILABLE : IdentityErrorCode.CLEANUP_FAILED, message, e);
    }
}
