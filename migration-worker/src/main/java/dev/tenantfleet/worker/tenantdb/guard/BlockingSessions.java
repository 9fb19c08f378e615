package dev.tenantfleet.worker.tenantdb.guard;

import dev.tenantfleet.model.migration.BlockingSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The sessions a backend waits for, from {@code pg_blocking_pids} and {@code pg_stat_activity}. Read as the tenant role:
 * PostgreSQL shows the state, query and transaction start of other roles' sessions only to privileged roles, so for
 * those the pid, user and application name are what the report has.
 */
final class BlockingSessions {
    static final int MAX_QUERY_LENGTH = 500;

    private BlockingSessions() {}

    /** The sessions blocking {@code pid} now, by pid. */
    static List<BlockingSession> of(Connection connection, int pid) throws SQLException {
        List<BlockingSession> sessions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.pid, a.usename, a.application_name,"
                + " a.state, left(a.query, " + MAX_QUERY_LENGTH + "), a.xact_start FROM pg_stat_activity a"
                + " WHERE a.pid = ANY (pg_blocking_pids(?)) ORDER BY a.pid")) {
            statement.setInt(1, pid);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Timestamp started = rs.getTimestamp(6);
                    sessions.add(new BlockingSession(
                            rs.getInt(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            started == null ? null : started.toInstant()));
                }
            }
        }
        return sessions;
    }
}
