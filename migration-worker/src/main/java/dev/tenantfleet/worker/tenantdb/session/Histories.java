package dev.tenantfleet.worker.tenantdb.session;

import dev.tenantfleet.changelog.TenantHistory;
import dev.tenantfleet.worker.tenantdb.guard.LiquibaseLockRow;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** Reading a tenant's history around a run, to report what the database says rather than what we hoped. */
public final class Histories {
    private static final Logger LOG = Logger.getLogger(Histories.class);

    private Histories() {}

    /** Keys in {@code after} that are not in {@code before}, in execution order. */
    public static List<String> added(TenantHistory before, TenantHistory after) {
        Set<String> known = Set.copyOf(before.keys());
        return after.keys().stream().filter(key -> !known.contains(key)).toList();
    }

    /** The history after a failed run, or null when it cannot be read (the session broke). */
    public static TenantHistory afterFailure(TenantSession session) {
        try {
            if (!session.connection().getAutoCommit()) {
                session.connection().rollback();
                session.connection().setAutoCommit(true);
            }
            return TenantHistory.read(session.connection());
        } catch (SQLException e) {
            LOG.warnf("%s: the history cannot be read after the failure (%s)", session.label(), e.getMessage());
            return null;
        }
    }

    /** Releases a Liquibase lock row left by a killed worker, with a warning. */
    public static void releaseStaleLock(TenantSession session) throws SQLException {
        LiquibaseLockRow.Locked stale = LiquibaseLockRow.release(session.connection());
        if (stale != null) {
            LOG.warnf(
                    "%s: released a stale Liquibase lock (DATABASECHANGELOGLOCK locked by '%s' since %s). Tenant Fleet"
                            + " holds the advisory lock, so no migration was running: a worker was killed mid-run.",
                    session.label(), stale.lockedBy(), stale.lockGranted());
        }
    }
}
