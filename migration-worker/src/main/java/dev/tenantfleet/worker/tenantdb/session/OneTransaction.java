package dev.tenantfleet.worker.tenantdb.session;

import dev.tenantfleet.worker.tenantdb.guard.LiquibaseLockRow;
import dev.tenantfleet.worker.tenantdb.guard.TimeoutGuard;
import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/** Runs Liquibase work on a tenant session as ONE database transaction (see {@link DeferredCommitConnection}). */
public final class OneTransaction {
    private static final Logger LOG = Logger.getLogger(OneTransaction.class);

    private OneTransaction() {}

    /** What Liquibase does, on the deferred-commit connection. */
    @FunctionalInterface
    public interface Body {
        void run(Connection liquibaseConnection) throws Exception;
    }

    /** A last check inside the transaction, on the real connection; throwing rolls everything back. */
    @FunctionalInterface
    public interface Check {
        void verify(Connection connection) throws Exception;
    }

    /**
     * Runs {@code body}, then inside the same transaction releases the Liquibase lock row and runs {@code check}, and
     * commits only when all of that succeeded and the timeout has not fired (after which it can no longer fire).
     * Otherwise everything is rolled back and the failure rethrown.
     */
    public static void run(TenantSession session, TimeoutGuard guard, Body body, Check check) throws Exception {
        DeferredCommitConnection transaction = session.liquibaseConnection();
        transaction.begin();
        boolean committed = false;
        try {
            body.run(transaction.connection());
            // Liquibase resets its lock services globally after each command; with other tenants migrating in
            // parallel our lock row may still be set. We hold the advisory lock, so it is ours to release.
            LiquibaseLockRow.release(session.connection());
            check.verify(session.connection());
            if (!guard.stopUnlessFired()) {
                throw new SQLException("the per-tenant timeout expired", "57014");
            }
            transaction.commit();
            committed = true;
        } finally {
            if (!committed) {
                rollbackQuietly(session, transaction);
            }
        }
    }

    private static void rollbackQuietly(TenantSession session, DeferredCommitConnection transaction) {
        try {
            transaction.rollback();
        } catch (SQLException e) {
            // The session is closed right after a failed run; the server rolls back then.
            LOG.warnf("%s: rollback failed (%s); closing the session rolls back", session.label(), e.getMessage());
        }
    }
}
