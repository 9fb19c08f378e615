package dev.tenantfleet.worker.tenantdb.guard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The session-scoped PostgreSQL advisory lock Tenant Fleet holds on a tenant database for the whole migration.
 * Session-scoped means the server drops it when the session ends, so a killed worker never leaves it behind.
 */
public final class AdvisoryLock {
    /** Key of the Tenant Fleet migration lock in every tenant database: ASCII "TFMIGRAT". */
    public static final long MIGRATION_LOCK_KEY = 0x54464D4947524154L;

    private static final Duration FIRST_POLL = Duration.ofMillis(50);
    private static final Duration MAX_POLL = Duration.ofSeconds(1);

    private AdvisoryLock() {}

    /**
     * Takes the lock on {@code connection}, polling with backoff for up to {@code wait}.
     *
     * @return whether the lock was taken
     */
    public static boolean acquire(Connection connection, Duration wait) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Duration pause = FIRST_POLL;
        while (true) {
            if (tryAcquire(connection)) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.min(
                    pause.toMillis(), Math.max(1, Duration.ofNanos(left).toMillis())));
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
        }
    }

    /** One {@code pg_try_advisory_lock}. */
    public static boolean tryAcquire(Connection connection) throws SQLException {
        return call(connection, "SELECT pg_try_advisory_lock(?)");
    }

    /** Releases the lock; returns whether this session held it. */
    public static boolean release(Connection connection) throws SQLException {
        return call(connection, "SELECT pg_advisory_unlock(?)");
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, MIGRATION_LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
