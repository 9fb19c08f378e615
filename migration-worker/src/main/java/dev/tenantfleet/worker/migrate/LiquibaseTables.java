package dev.tenantfleet.worker.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import liquibase.database.Database;

/**
 * Plain-SQL access to Liquibase's own tables in a tenant database: the applied history (DATABASECHANGELOG) and the
 * lock row (DATABASECHANGELOGLOCK). Statements run in auto-commit mode.
 *
 * @param changelogTable qualified, escaped name of DATABASECHANGELOG
 * @param lockTable      qualified, escaped name of DATABASECHANGELOGLOCK
 */
public record LiquibaseTables(String changelogTable, String lockTable) {

    /** One applied changeset. */
    public record AppliedChangeSet(String filename, String id, String author, String tag) {
        /** {@code filename::id::author}, the form results use. */
        public String key() {
            return filename + "::" + id + "::" + author;
        }
    }

    /** The state of the Liquibase lock row when it was found locked. */
    public record LockRow(String lockedBy, Timestamp lockGranted) {
    }

    /** The table names Liquibase uses for {@code database} (its configuration and default schema). */
    public static LiquibaseTables of(Database database) {
        String schema = database.getLiquibaseSchemaName();
        return new LiquibaseTables(
                database.escapeTableName(null, schema, database.getDatabaseChangeLogTableName()),
                database.escapeTableName(null, schema, database.getDatabaseChangeLogLockTableName()));
    }

    /** Applied changesets in execution order; empty when the database was never migrated. */
    public List<AppliedChangeSet> history(Connection connection) throws SQLException {
        List<AppliedChangeSet> rows = new ArrayList<>();
        if (!exists(connection, changelogTable)) {
            return rows;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT filename, id, author, tag FROM " + changelogTable
                        + " ORDER BY orderexecuted, dateexecuted")) {
            while (rs.next()) {
                rows.add(new AppliedChangeSet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return rows;
    }

    /** The tag of the last tagged changeset in {@code history}, or null. */
    public static String head(List<AppliedChangeSet> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).tag() != null) {
                return history.get(i).tag();
            }
        }
        return null;
    }

    /**
     * Unlocks the Liquibase lock row if it is locked. Only call this while holding the Tenant Fleet advisory lock:
     * then no other Tenant Fleet migration can be running, so a locked row is left over.
     *
     * @return the row as it was when locked, or null when it was not locked (or the table does not exist)
     */
    public LockRow releaseLockRow(Connection connection) throws SQLException {
        if (!exists(connection, lockTable)) {
            return null;
        }
        LockRow row = null;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT lockedby, lockgranted FROM " + lockTable + " WHERE locked")) {
            if (rs.next()) {
                row = new LockRow(rs.getString(1), rs.getTimestamp(2));
            }
        }
        if (row != null) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE " + lockTable + " SET locked = FALSE, lockgranted = NULL, lockedby = NULL"
                        + " WHERE locked");
            }
        }
        return row;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
