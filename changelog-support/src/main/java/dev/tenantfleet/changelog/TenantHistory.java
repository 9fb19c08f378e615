package dev.tenantfleet.changelog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a tenant database says it has applied: its DATABASECHANGELOG rows in execution order. */
public final class TenantHistory {
    /** Liquibase's history table, unqualified: resolved through the session's search_path as Liquibase does. */
    static final String TABLE = "databasechangelog";

    private static final TenantHistory EMPTY = new TenantHistory(List.of());

    private final List<AppliedChangeSet> applied;

    private TenantHistory(List<AppliedChangeSet> applied) {
        this.applied = List.copyOf(applied);
    }

    /** A history from rows already read (in execution order). */
    public static TenantHistory of(List<AppliedChangeSet> applied) {
        return new TenantHistory(applied);
    }

    /** An empty history: a database never migrated. */
    public static TenantHistory empty() {
        return EMPTY;
    }

    /**
     * Reads DATABASECHANGELOG ordered by ORDEREXECUTED; empty when the table does not exist. Runs in whatever
     * transaction the connection is in, so a caller inside its migration transaction sees its own rows.
     */
    public static TenantHistory read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return EMPTY;
                }
            }
            List<AppliedChangeSet> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT filename, id, author, md5sum, orderexecuted, tag FROM "
                    + TABLE + " ORDER BY orderexecuted, dateexecuted")) {
                while (rs.next()) {
                    rows.add(new AppliedChangeSet(
                            ChangeSetInfo.key(rs.getString(1), rs.getString(2), rs.getString(3)),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getString(6)));
                }
            }
            return new TenantHistory(rows);
        }
    }

    /** Applied changesets in execution order. */
    public List<AppliedChangeSet> applied() {
        return applied;
    }

    /** Keys of the applied changesets in execution order. */
    public List<String> keys() {
        return applied.stream().map(AppliedChangeSet::key).toList();
    }

    /** The tag of the last tagged row by execution order, or null when no row is tagged. */
    public String head() {
        for (int i = applied.size() - 1; i >= 0; i--) {
            if (applied.get(i).tag() != null) {
                return applied.get(i).tag();
            }
        }
        return null;
    }

    /** Whether nothing was ever applied. */
    public boolean isEmpty() {
        return applied.isEmpty();
    }
}
