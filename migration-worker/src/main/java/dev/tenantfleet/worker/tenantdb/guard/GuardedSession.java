package dev.tenantfleet.worker.tenantdb.guard;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a {@link TimeoutGuard} needs of the tenant session it guards: enough to poison it, read who blocks it, and cancel
 * its running statement on the server. An interface so that guards know nothing of how sessions are opened.
 */
public interface GuardedSession {
    /** What runs, for logs. */
    String label();

    /** The real connection. */
    Connection connection();

    /** The PostgreSQL backend process of the session. */
    int backendPid();

    /** Makes every further statement Liquibase sends fail with {@code reason}. */
    void poison(SQLException reason);

    /** A second session to the same database (to read pg_stat_activity and cancel this one). */
    Connection openSecondSession() throws SQLException;
}
