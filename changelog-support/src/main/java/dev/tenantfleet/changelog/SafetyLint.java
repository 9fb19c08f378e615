package dev.tenantfleet.changelog;

import dev.tenantfleet.changelog.SafetyWarning.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.UpdateDataChange;
import liquibase.changelog.ChangeSet;

/**
 * Migration-safety lint for {@code release plan}: flags changesets that drop or retype data, alter existing types,
 * lock writes while building an index, backfill data, cannot run in the tenant's single transaction, or cannot be
 * rolled back. Stateful: feed it every changeset in changelog order, because whether an index is built on an
 * <em>existing</em> table (one not created earlier in the same release, i.e. since the previous tag) or whether an
 * enum type is re-created depends on what came before.
 */
final class SafetyLint {
    private final Set<String> tablesOfThisRelease = new HashSet<>();
    private final Set<String> types = new HashSet<>();

    /** The warnings of one changeset collected while it is inspected. */
    static final class Findings {
        private final String changeSet;
        private final List<SafetyWarning> warnings = new ArrayList<>();

        Findings(String changeSet) {
            this.changeSet = changeSet;
        }

        void add(Kind kind, String message) {
            warnings.add(new SafetyWarning(kind, changeSet, message));
        }
    }

    /** The warnings of {@code changeSet} (whose key is {@code key}); call in changelog order. */
    List<SafetyWarning> inspect(ChangeSet changeSet, String key, boolean rollbackSupported, String tag) {
        Findings findings = new Findings(key);
        for (Change change : changeSet.getChanges()) {
            inspect(change, findings);
        }
        if (!changeSet.isRunInTransaction()) {
            findings.add(
                    Kind.NON_TRANSACTIONAL,
                    "runInTransaction=false: it runs outside the tenant's release "
                            + "transaction, so a failure after it leaves the tenant between releases");
        }
        if (!rollbackSupported) {
            findings.add(
                    Kind.NO_ROLLBACK,
                    "has no <rollback> and a change without an automatic inverse: " + "Liquibase cannot roll it back");
        }
        if (tag != null) {
            tablesOfThisRelease.clear();
        }
        return findings.warnings;
    }

    private void inspect(Change change, Findings findings) {
        if (change instanceof CreateTableChange create) {
            tableCreated(create.getTableName());
        } else if (change instanceof DropColumnChange drop) {
            findings.add(Kind.DROPPED_COLUMN, "drops column(s) " + columns(drop) + " of table " + drop.getTableName());
        } else if (change instanceof DropTableChange drop) {
            findings.add(Kind.DROPPED_TABLE, "drops table " + drop.getTableName());
        } else if (change instanceof ModifyDataTypeChange modify) {
            findings.add(
                    Kind.TYPE_CHANGE,
                    "changes " + modify.getTableName() + "." + modify.getColumnName() + " to " + modify.getNewDataType()
                            + " (may rewrite the table under an exclusive lock)");
        } else if (change instanceof CreateIndexChange index && existingTable(index.getTableName())) {
            findings.add(
                    Kind.NON_CONCURRENT_INDEX,
                    "builds index " + index.getIndexName() + " on existing table " + index.getTableName()
                            + " without CONCURRENTLY (blocks writes while it builds)");
        } else if (change instanceof UpdateDataChange update) {
            findings.add(Kind.DATA_BACKFILL, "updates rows of " + update.getTableName() + " inside the migration");
        } else if (change instanceof AbstractSQLChange sql) {
            String text = sql.getSql();
            for (SqlStatements.Statement statement : SqlStatements.statements(text)) {
                SqlLint.inspect(statement, this, findings);
            }
            if (sql.isSplitStatements()
                    && sql.getEndDelimiter() == null
                    && SqlStatements.hasDollarQuotedSemicolon(text)) {
                findings.add(
                        Kind.SPLIT_DOLLAR_QUOTED,
                        "splitStatements is on and its SQL has a dollar-quoted body "
                                + "($$ ... $$) with a ';' inside: Liquibase splits statements at every ';' it sees, so the body "
                                + "would be cut and the changeset fail. Set splitStatements:false on it (formatted SQL: "
                                + "--changeset author:id splitStatements:false) or an endDelimiter");
            }
        }
    }

    void tableCreated(String table) {
        if (table != null) {
            tablesOfThisRelease.add(SqlStatements.name(table));
        }
    }

    /** Records an enum type; false when the changelog already created one with that name. */
    boolean typeCreated(String type) {
        return types.add(SqlStatements.name(type));
    }

    boolean existingTable(String table) {
        return table != null && !tablesOfThisRelease.contains(SqlStatements.name(table));
    }

    private static String columns(DropColumnChange drop) {
        if (drop.getColumnName() != null) {
            return drop.getColumnName();
        }
        return String.join(
                ", ", drop.getColumns().stream().map(c -> c.getName()).toList());
    }
}
