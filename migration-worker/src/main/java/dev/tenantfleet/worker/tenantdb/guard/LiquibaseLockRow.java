package dev.tenantfleet.worker.tenantdb.guard;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * Liquibase's lock row (DATABASECHANGELOGLOCK). Only touched while holding the Tenant Fleet advisory lock: then no other
 * Tenant Fleet migration can be running on the tenant, so a locked row is left over.
 */
public final class LiquibaseLockRow {
    private static final String TABLE = "databasechangeloglock";

    private LiquibaseLockRow() {}

    /** The lock row as it was when found locked. */
    public record Locked(String lockedBy, Timestamp lockGranted) {}

    /**
     * Unlocks the row if it is locked, in the connection's current transaction.
     *
     * @return the row as it was, or null when it was not locked (or the table does not exist)
     */
    public static Locked release(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return null;
                }
            }
            Locked row = null;
            try (ResultSet rs =
                    statement.executeQuery("SELECT lockedby, lockgranted FROM " + TABLE + " WHERE locked")) {
                if (rs.next()) {
                    row = new Locked(rs.getString(1), rs.getTimestamp(2));
                }
            }
            if (row != null) {
                statement.executeUpdate("UPDATE " + TABLE + " SET locked = FALSE, lockgranted = NULL, lockedby = NULL"
                        + " WHERE locked");
            }
            return row;
        }
    }
}
