package dev.tenantfleet.worker.tenantdb.session;

import dev.tenantfleet.model.migration.TenantConnection;
import dev.tenantfleet.worker.tenantdb.guard.GuardedSession;
import dev.tenantfleet.worker.tenantdb.guard.TenantTimeouts;
import dev.tenantfleet.worker.tenantdb.guard.TimeoutGuard;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One connection to a tenant database, as its own role, holding the Tenant Fleet advisory lock. Not a record on
 * purpose: it holds the password and must never be printed.
 */
public final class TenantSession implements GuardedSession {
    private final String label;
    private final Connection connection;
    private final DeferredCommitConnection liquibaseConnection;
    private final int backendPid;
    private final TenantConnection tenant;
    private final String password;
    private final TenantDatabaseConnector connector;
    private final TenantTimeouts timeouts;
    private long deadlineNanos;

    TenantSession(
            String label,
            Connection connection,
            int backendPid,
            TenantConnection tenant,
            String password,
            TenantDatabaseConnector connector,
            TenantTimeouts timeouts) {
        this.label = label;
        this.connection = connection;
        this.liquibaseConnection = new DeferredCommitConnection(connection);
        this.backendPid = backendPid;
        this.tenant = tenant;
        this.password = password;
        this.connector = connector;
        this.timeouts = timeouts;
    }

    /** What runs, for logs (e.g. {@code migrate-tenant acme command <id>}). */
    @Override
    public String label() {
        return label;
    }

    /** The real connection: for Tenant Fleet's own statements. */
    @Override
    public Connection connection() {
        return connection;
    }

    /** The same connection as Liquibase must see it (commits deferred inside a transaction, poisoned on timeout). */
    public DeferredCommitConnection liquibaseConnection() {
        return liquibaseConnection;
    }

    /** The PostgreSQL backend process of this session. */
    @Override
    public int backendPid() {
        return backendPid;
    }

    /**
     * Arms the per-tenant timeout; the clock starts at the first call and later calls (a second phase of the same
     * run) share its deadline.
     *
     * @param seconds the command's timeout, null for none
     */
    public TimeoutGuard startTimeout(Integer seconds) {
        if (seconds == null) {
            return TimeoutGuard.NONE;
        }
        if (deadlineNanos == 0) {
            deadlineNanos = System.nanoTime() + seconds * 1_000_000_000L;
        }
        return timeouts.start(this, seconds, deadlineNanos);
    }

    /** Poisons the Liquibase connection: a timed-out run must not go on. */
    @Override
    public void poison(SQLException reason) {
        liquibaseConnection.poison(reason);
    }

    /** A second session to the same database (to read pg_stat_activity and cancel this one). */
    @Override
    public Connection openSecondSession() throws SQLException {
        return connector.open(tenant, password, TenantDatabaseConnector.CANCELLER_APPLICATION_NAME);
    }
}
