package dev.tenantfleet.changelog;

import static dev.tenantfleet.changelog.SchemaObject.Kind.COLUMN;
import static dev.tenantfleet.changelog.SchemaObject.Kind.CONSTRAINT;
import static dev.tenantfleet.changelog.SchemaObject.Kind.INDEX;
import static dev.tenantfleet.changelog.SchemaObject.Kind.SEQUENCE;
import static dev.tenantfleet.changelog.SchemaObject.Kind.TABLE;
import static dev.tenantfleet.changelog.SchemaObject.Kind.VIEW;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddPrimaryKeyChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateSequenceChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.CreateViewChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropPrimaryKeyChange;
import liquibase.change.core.DropSequenceChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.DropUniqueConstraintChange;
import liquibase.change.core.DropViewChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.DatabaseList;

/**
 * The objects a changeset creates and drops, in order: from Liquibase's change types and from raw SQL
 * ({@link SqlSchemaEffects}). Creates that cannot fail on an existing object ({@code IF NOT EXISTS}, {@code OR
 * REPLACE}) are left out: their object existing says nothing. What drift detection compares with the tenant's catalog.
 */
final class SchemaEffects {
    private SchemaEffects() {}

    /** The effects of {@code changeSet}; call inside a Liquibase scope that can read the changelog's files. */
    static List<SchemaChange> of(ChangeSet changeSet) {
        if (!DatabaseList.definitionMatches(changeSet.getDbmsSet(), "postgresql", true)) {
            return List.of();
        }
        List<SchemaChange> effects = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            if (change instanceof AbstractSQLChange sql) {
                if (DatabaseList.definitionMatches(sql.getDbms(), "postgresql", true)) {
                    SqlStatements.of(sql.getSql()).forEach(statement -> effects.addAll(SqlSchemaEffects.of(statement)));
                }
            } else {
                effects.addAll(of(change));
            }
        }
        return List.copyOf(effects);
    }

    private static List<SchemaChange> of(Change change) {
        List<SchemaChange> effects = new ArrayList<>();
        if (change instanceof CreateTableChange create && !Boolean.TRUE.equals(create.getIfNotExists())) {
            effects.add(SchemaChange.create(TABLE, null, name(create.getSchemaName(), create.getTableName())));
        } else if (change instanceof DropTableChange drop) {
            effects.add(SchemaChange.drop(TABLE, null, name(drop.getSchemaName(), drop.getTableName())));
        } else if (change instanceof AddColumnChange add) {
            String table = name(add.getSchemaName(), add.getTableName());
            add.getColumns().forEach(column -> effects.add(SchemaChange.create(COLUMN, table, fold(column.getName()))));
        } else if (change instanceof DropColumnChange drop) {
            String table = name(drop.getSchemaName(), drop.getTableName());
            if (drop.getColumnName() != null) {
                effects.add(SchemaChange.drop(COLUMN, table, fold(drop.getColumnName())));
            }
            for (ColumnConfig column : drop.getColumns() == null ? List.<ColumnConfig>of() : drop.getColumns()) {
                effects.add(SchemaChange.drop(COLUMN, table, fold(column.getName())));
            }
        } else if (change instanceof CreateIndexChange index && index.getIndexName() != null) {
            effects.add(SchemaChange.create(INDEX, null, name(index.getSchemaName(), index.getIndexName())));
        } else if (change instanceof DropIndexChange index) {
            effects.add(SchemaChange.drop(INDEX, null, name(index.getSchemaName(), index.getIndexName())));
        } else if (change instanceof CreateSequenceChange sequence) {
            effects.add(
                    SchemaChange.create(SEQUENCE, null, name(sequence.getSchemaName(), sequence.getSequenceName())));
        } else if (change instanceof DropSequenceChange sequence) {
            effects.add(SchemaChange.drop(SEQUENCE, null, name(sequence.getSchemaName(), sequence.getSequenceName())));
        } else if (change instanceof CreateViewChange view && !Boolean.TRUE.equals(view.getReplaceIfExists())) {
            effects.add(SchemaChange.create(VIEW, null, name(view.getSchemaName(), view.getViewName())));
        } else if (change instanceof DropViewChange view) {
            effects.add(SchemaChange.drop(VIEW, null, name(view.getSchemaName(), view.getViewName())));
        } else {
            constraint(change, effects);
        }
        return effects;
    }

    private static void constraint(Change change, List<SchemaChange> effects) {
        if (change instanceof AddUniqueConstraintChange unique) {
            created(effects, name(unique.getSchemaName(), unique.getTableName()), unique.getConstraintName());
        } else if (change instanceof AddForeignKeyConstraintChange fk) {
            created(effects, name(fk.getBaseTableSchemaName(), fk.getBaseTableName()), fk.getConstraintName());
        } else if (change instanceof AddPrimaryKeyChange pk) {
            created(effects, name(pk.getSchemaName(), pk.getTableName()), pk.getConstraintName());
        } else if (change instanceof DropUniqueConstraintChange unique) {
            dropped(effects, name(unique.getSchemaName(), unique.getTableName()), unique.getConstraintName());
        } else if (change instanceof DropForeignKeyConstraintChange fk) {
            dropped(effects, name(fk.getBaseTableSchemaName(), fk.getBaseTableName()), fk.getConstraintName());
        } else if (change instanceof DropPrimaryKeyChange pk) {
            dropped(effects, name(pk.getSchemaName(), pk.getTableName()), pk.getConstraintName());
        }
    }

    // An unnamed constraint gets a name PostgreSQL makes up: nothing to look for.
    private static void created(List<SchemaChange> effects, String table, String constraint) {
        if (constraint != null) {
            effects.add(SchemaChange.create(CONSTRAINT, table, fold(constraint)));
        }
    }

    private static void dropped(List<SchemaChange> effects, String table, String constraint) {
        if (constraint != null) {
            effects.add(SchemaChange.drop(CONSTRAINT, table, fold(constraint)));
        }
    }

    private static String name(String schema, String name) {
        return schema == null || schema.isBlank() ? fold(name) : fold(schema) + "." + fold(name);
    }

    /** Names as PostgreSQL folds unquoted identifiers (and Liquibase writes them on PostgreSQL). */
    static String fold(String name) {
        return name == null ? null : name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
