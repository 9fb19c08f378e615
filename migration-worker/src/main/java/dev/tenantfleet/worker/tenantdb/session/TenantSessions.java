package dev.tenantfleet.worker.tenantdb.session;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.migration.TenantConnection;
import dev.tenantfleet.worker.config.WorkerConfig;
import dev.tenantfleet.worker.tenantdb.failure.TenantWorkException;
import dev.tenantfleet.worker.tenantdb.guard.AdvisoryLock;
import dev.tenantfleet.worker.tenantdb.guard.TenantTimeouts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Runs work on a tenant database: one connection as the tenant's own role, the session-scoped advisory lock (waiting
 * up to {@code lock-wait}), then the work; connectivity failures are retried with exponential backoff. The lock dies
 * with the session, so a killed worker (or a timed-out run whose session is closed) never leaves it behind.
 */
@ApplicationScoped
public class TenantSessions {
    private static final Logger LOG = Logger.getLogger(TenantSessions.class);

    private final TenantDatabaseConnector connector;
    private final TenantTimeouts timeouts;
    private final WorkerConfig.Migration config;

    public TenantSessions(TenantDatabaseConnector connector, TenantTimeouts timeouts, WorkerConfig config) {
        this.connector = connector;
        this.timeouts = timeouts;
        this.config = config.migration();
    }

    /** Work on a locked tenant session; failures are thrown as {@link TenantWorkException} or anything classifiable. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TenantSession session) throws Exception;
    }

    /**
     * Runs {@code work} on a locked session.
     *
     * @param label what runs, for logs
     * @throws TenantWorkException  classified failure (LOCKED, TRANSIENT_CONNECTIVITY after the retries, CREDENTIALS ...)
     * @throws InterruptedException when the worker shuts down meanwhile
     */
    public <T> T run(String label, TenantConnection tenant, String password, Work<T> work) throws InterruptedException {
        Duration backoff = config.connectBackoff();
        for (int attempt = 0; ; attempt++) {
            try {
                return attempt(label, tenant, password, work);
            } catch (TenantWorkException e) {
                if (attempt >= config.connectRetries()
                        || e.error().code() != MigrationErrorCode.TRANSIENT_CONNECTIVITY) {
                    throw e;
                }
                LOG.infof(
                        "%s: tenant database unreachable (%s), retry %d/%d in %d ms",
                        label, e.getMessage(), attempt + 1, config.connectRetries(), backoff.toMillis());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private <T> T attempt(String label, TenantConnection tenant, String password, Work<T> work)
            throws InterruptedException {
        Connection connection;
        try {
            connection = connector.open(tenant, password);
        } catch (SQLException e) {
            throw TenantWorkException.classified(e);
        }
        try {
            lock(label, tenant, connection);
            try {
                int pid = connection.unwrap(PGConnection.class).getBackendPID();
                return work.run(new TenantSession(label, connection, pid, tenant, password, connector, timeouts));
            } finally {
                unlockQuietly(label, connection);
            }
        } catch (TenantWorkException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw TenantWorkException.classified(e);
        } finally {
            closeQuietly(label, connection);
        }
    }

    private void lock(String label, TenantConnection tenant, Connection connection)
            throws SQLException, InterruptedException {
        if (AdvisoryLock.tryAcquire(connection)) {
            return;
        }
        LOG.infof("%s: another migration holds the tenant's advisory lock, waiting up to %s", label, config.lockWait());
        if (!AdvisoryLock.acquire(connection, config.lockWait())) {
            String message = "another migration held the advisory lock of tenant database '" + tenant.database()
                    + "' for longer than " + config.lockWait();
            throw TenantWorkException.refused(
                    new MigrationError(MigrationErrorCode.LOCKED, message, MigrationErrorCode.LOCKED.hint(), null),
                    null);
        }
    }

    /** A failing close must not turn a finished run into a failure; the server ends the session either way. */
    private static void closeQuietly(String label, Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf("%s: closing the tenant session failed (%s)", label, e.getMessage());
        }
    }

    private static void unlockQuietly(String label, Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            AdvisoryLock.release(connection);
        } catch (SQLException e) {
            // Closing the session releases the lock anyway.
            LOG.debugf("%s: advisory unlock failed (%s); closing the session releases it", label, e.getMessage());
        }
    }
}
