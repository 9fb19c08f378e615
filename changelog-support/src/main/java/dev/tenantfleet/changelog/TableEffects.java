package dev.tenantfleet.changelog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.RenameTableChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.DatabaseList;

/**
 * Which tables a changeset creates, drops or renames, from its {@code createTable} / {@code dropTable} /
 * {@code renameTable} changes and from raw SQL ({@code CREATE TABLE}, {@code DROP TABLE}, {@code ALTER TABLE .. RENAME
 * TO}), so a baseline can check that the tables a changelog creates up to a tag exist. Names are lower case, without
 * quotes, {@code schema.table} when the changelog names a schema (compare them case-insensitively). Changesets limited to other
 * databases ({@code dbms}) are ignored. A heuristic: tables made by a stored procedure or {@code EXECUTE} are not seen.
 *
 * @param created tables created, in order
 * @param dropped tables dropped
 * @param renamed old name to new name
 */
record TableEffects(List<String> created, List<String> dropped, Map<String, String> renamed) {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String NAME = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";
    private static final Pattern CREATE =
            Pattern.compile("^CREATE (?:(?:GLOBAL |LOCAL )?(?:UNLOGGED )?)?TABLE (?:IF NOT EXISTS )?" + NAME, FLAGS);
    private static final Pattern CREATE_TEMPORARY =
            Pattern.compile("^CREATE (?:GLOBAL |LOCAL )?TEMP(?:ORARY)? ", FLAGS);
    private static final Pattern DROP =
            Pattern.compile("^DROP TABLE (?:IF EXISTS )?(.+?)(?: CASCADE| RESTRICT)?$", FLAGS);
    private static final Pattern RENAME =
            Pattern.compile("^ALTER TABLE (?:IF EXISTS )?(?:ONLY )?" + NAME + " RENAME TO " + NAME + "$", FLAGS);

    static final TableEffects NONE = new TableEffects(List.of(), List.of(), Map.of());

    /** The effects of {@code changeSet}; call inside a Liquibase scope that can read the changelog's files. */
    static TableEffects of(ChangeSet changeSet) {
        if (!DatabaseList.definitionMatches(changeSet.getDbmsSet(), "postgresql", true)) {
            return NONE;
        }
        List<String> created = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Change change : changeSet.getChanges()) {
            if (change instanceof CreateTableChange create) {
                created.add(qualified(create.getSchemaName(), create.getTableName()));
            } else if (change instanceof DropTableChange drop) {
                dropped.add(qualified(drop.getSchemaName(), drop.getTableName()));
            } else if (change instanceof RenameTableChange rename) {
                renamed.put(
                        qualified(rename.getSchemaName(), rename.getOldTableName()),
                        qualified(rename.getSchemaName(), rename.getNewTableName()));
            } else if (change instanceof AbstractSQLChange sql
                    && DatabaseList.definitionMatches(sql.getDbms(), "postgresql", true)) {
                for (String statement : SqlStatements.of(sql.getSql())) {
                    inspect(statement, created, dropped, renamed);
                }
            }
        }
        return created.isEmpty() && dropped.isEmpty() && renamed.isEmpty()
                ? NONE
                : new TableEffects(List.copyOf(created), List.copyOf(dropped), Map.copyOf(renamed));
    }

    /** The tables that exist after applying {@code effects} in order: created, minus dropped, with renames. */
    static List<String> fold(List<TableEffects> effects) {
        Set<String> tables = new LinkedHashSet<>();
        for (TableEffects effect : effects) {
            tables.addAll(effect.created());
            effect.dropped().forEach(tables::remove);
            effect.renamed().forEach((from, to) -> {
                if (tables.remove(from)) {
                    tables.add(to);
                }
            });
        }
        return List.copyOf(tables);
    }

    private static void inspect(
            String statement, List<String> created, List<String> dropped, Map<String, String> renamed) {
        Matcher m;
        if (CREATE_TEMPORARY.matcher(statement).find()) {
            return;
        }
        if ((m = CREATE.matcher(statement)).find()) {
            created.add(name(m.group(1)));
        } else if ((m = DROP.matcher(statement)).find()) {
            for (String table : m.group(1).split(",")) {
                dropped.add(name(table.strip()));
            }
        } else if ((m = RENAME.matcher(statement)).find()) {
            String from = name(m.group(1));
            int dot = from.lastIndexOf('.');
            // RENAME TO takes a bare name: the table stays in its schema
            renamed.put(from, (dot >= 0 ? from.substring(0, dot + 1) : "") + name(m.group(2)));
        }
    }

    private static String qualified(String schema, String table) {
        String name = fold(table);
        return schema == null || schema.isBlank() ? name : fold(schema) + "." + name;
    }

    /** {@code "Schema".Table} without quotes, lower-cased: existence is checked case-insensitively. */
    private static String name(String raw) {
        StringBuilder name = new StringBuilder();
        for (String part : raw.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(fold(part));
        }
        return name.toString();
    }

    private static String fold(String part) {
        return part.strip().replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
