package dev.tenantfleet.worker.tenantdb.guard;

import dev.tenantfleet.model.error.MigrationErrorCode;
import dev.tenantfleet.model.migration.BlockingSession;
import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.observability.TenantLogContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * The per-tenant timeout of one run. When it fires it poisons the Liquibase connection, reads the sessions blocking
 * the run's backend, and cancels the running statement ON THE SERVER with {@code pg_cancel_backend} from a second
 * session, so the transaction rolls back there and its locks go; the cancel is repeated every second until the run
 * stops (a cancel that meets an idle backend is dropped by PostgreSQL). If no second session can be opened, the
 * driver's protocol-level cancel request is sent instead (also a server-side cancel). Its timer threads log with the
 * command's release id and tenant slug.
 */
public final class TimeoutGuard implements AutoCloseable {
    /** A guard that never fires: the command has no timeout. */
    public static final TimeoutGuard NONE = new TimeoutGuard();

    private static final Logger LOG = Logger.getLogger(TimeoutGuard.class);
    private static final long RECANCEL_MILLIS = 1000;

    private final ScheduledExecutorService scheduler;
    private final GuardedSession session;
    private final int seconds;
    private ScheduledFuture<?> timer;
    private Connection canceller;
    private boolean fired;
    private boolean stopped;
    private List<BlockingSession> blocking = List.of();

    private TimeoutGuard() {
        this.scheduler = null;
        this.session = null;
        this.seconds = 0;
        this.stopped = true;
    }

    private TimeoutGuard(ScheduledExecutorService scheduler, GuardedSession session, int seconds) {
        this.scheduler = scheduler;
        this.session = session;
        this.seconds = seconds;
    }

    /** Arms a guard that fires at {@code deadlineNanos} ({@link System#nanoTime()} scale). */
    static TimeoutGuard start(
            ScheduledExecutorService scheduler, GuardedSession session, int seconds, long deadlineNanos) {
        TimeoutGuard guard = new TimeoutGuard(scheduler, session, seconds);
        synchronized (guard) {
            guard.timer = scheduler.schedule(
                    TenantLogContext.carry(guard::fire),
                    Math.max(0, deadlineNanos - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        }
        return guard;
    }

    private synchronized void fire() {
        if (stopped) {
            return;
        }
        fired = true;
        session.poison(
                new SQLException("canceling statement: the per-tenant timeout of " + seconds + " s expired", "57014"));
        try {
            canceller = session.openSecondSession();
            blocking = BlockingSessions.of(canceller, session.backendPid());
        } catch (SQLException e) {
            LOG.warnf(
                    "%s: timeout of %d s expired, but no second session could read the blocking sessions (%s)",
                    session.label(), seconds, e.getMessage());
        }
        LOG.warnf(
                "%s: timeout of %d s expired; cancelling backend %d on the server (blocked by %s)",
                session.label(), seconds, session.backendPid(), pids(blocking));
        cancel();
        timer = scheduler.scheduleWithFixedDelay(
                TenantLogContext.carry(this::recancel), RECANCEL_MILLIS, RECANCEL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void recancel() {
        if (!stopped) {
            cancel();
        }
    }

    private void cancel() {
        if (canceller != null) {
            try (PreparedStatement statement = canceller.prepareStatement("SELECT pg_cancel_backend(?)")) {
                statement.setInt(1, session.backendPid());
                statement.execute();
                return;
            } catch (SQLException e) {
                LOG.warnf(
                        "%s: pg_cancel_backend failed (%s); sending a protocol cancel request",
                        session.label(), e.getMessage());
            }
        }
        try {
            session.connection().unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            LOG.errorf("%s: the running statement could not be cancelled: %s", session.label(), e.getMessage());
        }
    }

    /** Whether the timeout has fired. */
    public synchronized boolean fired() {
        return fired;
    }

    /**
     * Stops the guard unless it already fired: true means it will never fire, so the work may commit; false means
     * the timeout won and the work must roll back.
     */
    public synchronized boolean stopUnlessFired() {
        if (fired) {
            return false;
        }
        stop();
        return true;
    }

    /** Stops the timer and closes the second session; returns whether it had fired. */
    public synchronized boolean stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel(false);
        }
        if (canceller != null) {
            try {
                canceller.close();
            } catch (SQLException e) {
                LOG.debugf("closing the canceller session failed: %s", e.getMessage());
            }
            canceller = null;
        }
        return fired;
    }

    @Override
    public void close() {
        stop();
    }

    /** The TIMEOUT error of a run that was cancelled while {@code changeSet} (may be null) was running. */
    public synchronized MigrationError error(String changeSet) {
        String message = "the per-tenant timeout of " + seconds + " s expired"
                + (changeSet == null ? "" : " while changeset " + changeSet + " was running")
                + "; the work was cancelled on the database server"
                + (blocking.isEmpty() ? "" : "; it was blocked by session(s) " + pids(blocking));
        return new MigrationError(
                MigrationErrorCode.TIMEOUT, message, MigrationErrorCode.TIMEOUT.hint(), changeSet, blocking);
    }

    private static String pids(List<BlockingSession> sessions) {
        return sessions.isEmpty()
                ? "no session"
                : sessions.stream()
                        .map(s -> s.pid() + " (" + s.user() + ", " + s.applicationName() + ")")
                        .collect(Collectors.joining(", "));
    }
}
