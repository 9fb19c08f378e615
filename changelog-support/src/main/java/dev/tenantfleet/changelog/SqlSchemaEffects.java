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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects one raw SQL statement (normalised by {@link SqlStatements}) creates or drops: {@code CREATE TABLE /
 * INDEX / SEQUENCE / VIEW}, {@code ALTER TABLE .. ADD [COLUMN] / ADD CONSTRAINT / DROP [COLUMN] / DROP CONSTRAINT}
 * (several actions per statement), {@code DROP TABLE / INDEX / SEQUENCE / VIEW}. A heuristic, like
 * {@link TableEffects}: objects a function or {@code EXECUTE} makes are not seen, and a statement it does not
 * recognise has no effect.
 */
final class SqlSchemaEffects {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String NAME = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";
    private static final String SIMPLE = "(\"[^\"]+\"|[\\w$]+)";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^CREATE (?:(?:GLOBAL |LOCAL )?(TEMP |TEMPORARY )?(?:UNLOGGED )?)?TABLE (IF NOT EXISTS )?" + NAME, FLAGS);
    private static final Pattern CREATE_INDEX =
            Pattern.compile("^CREATE (?:UNIQUE )?INDEX (?:CONCURRENTLY )?(IF NOT EXISTS )?" + SIMPLE + " ON ", FLAGS);
    private static final Pattern CREATE_SEQUENCE =
            Pattern.compile("^CREATE (TEMP |TEMPORARY )?SEQUENCE (IF NOT EXISTS )?" + NAME, FLAGS);
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "^CREATE (OR REPLACE )?(TEMP |TEMPORARY )?(?:RECURSIVE )?(?:MATERIALIZED )?VIEW (IF NOT EXISTS )?" + NAME,
            FLAGS);
    private static final Pattern DROP = Pattern.compile(
            "^DROP (TABLE|INDEX|SEQUENCE|VIEW|MATERIALIZED VIEW) (?:CONCURRENTLY )?(?:IF EXISTS )?(.+?)(?: CASCADE| RESTRICT)?$",
            FLAGS);
    private static final Pattern ALTER_TABLE =
            Pattern.compile("^ALTER TABLE (?:IF EXISTS )?(?:ONLY )?" + NAME + " (.+)$", FLAGS);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("^ADD CONSTRAINT " + SIMPLE, FLAGS);
    private static final Pattern ADD_COLUMN = Pattern.compile("^ADD (?:COLUMN )?(IF NOT EXISTS )?" + SIMPLE, FLAGS);
    private static final Pattern DROP_CONSTRAINT = Pattern.compile("^DROP CONSTRAINT (?:IF EXISTS )?" + SIMPLE, FLAGS);
    private static final Pattern DROP_COLUMN = Pattern.compile("^DROP (?:COLUMN )?(?:IF EXISTS )?" + SIMPLE, FLAGS);
    // ADD / DROP followed by these is not a column
    private static final Set<String> NOT_COLUMNS =
            Set.of("constraint", "primary", "unique", "foreign", "check", "exclude", "column", "concurrently");

    private SqlSchemaEffects() {}

    static List<SchemaChange> of(String statement) {
        List<SchemaChange> effects = new ArrayList<>();
        Matcher m;
        if ((m = CREATE_TABLE.matcher(statement)).find()) {
            if (m.group(1) == null && m.group(2) == null) {
                effects.add(SchemaChange.create(TABLE, null, name(m.group(3))));
            }
        } else if ((m = CREATE_INDEX.matcher(statement)).find()) {
            if (m.group(1) == null && !NOT_COLUMNS.contains(name(m.group(2)))) {
                effects.add(SchemaChange.create(INDEX, null, name(m.group(2))));
            }
        } else if ((m = CREATE_SEQUENCE.matcher(statement)).find()) {
            if (m.group(1) == null && m.group(2) == null) {
                effects.add(SchemaChange.create(SEQUENCE, null, name(m.group(3))));
            }
        } else if ((m = CREATE_VIEW.matcher(statement)).find()) {
            if (m.group(1) == null && m.group(2) == null && m.group(3) == null) {
                effects.add(SchemaChange.create(VIEW, null, name(m.group(4))));
            }
        } else if ((m = DROP.matcher(statement)).find()) {
            SchemaObject.Kind kind = kindOf(m.group(1));
            for (String dropped : m.group(2).split(",")) {
                effects.add(SchemaChange.drop(kind, null, name(dropped.strip())));
            }
        } else if ((m = ALTER_TABLE.matcher(statement)).find()) {
            String table = name(m.group(1));
            for (String action : actions(m.group(2))) {
                alter(table, action, effects);
            }
        }
        return effects;
    }

    private static void alter(String table, String action, List<SchemaChange> effects) {
        Matcher m;
        if ((m = ADD_CONSTRAINT.matcher(action)).find()) {
            effects.add(SchemaChange.create(CONSTRAINT, table, name(m.group(1))));
        } else if ((m = ADD_COLUMN.matcher(action)).find()) {
            if (m.group(1) == null && !NOT_COLUMNS.contains(name(m.group(2)))) {
                effects.add(SchemaChange.create(COLUMN, table, name(m.group(2))));
            }
        } else if ((m = DROP_CONSTRAINT.matcher(action)).find()) {
            effects.add(SchemaChange.drop(CONSTRAINT, table, name(m.group(1))));
        } else if ((m = DROP_COLUMN.matcher(action)).find() && !NOT_COLUMNS.contains(name(m.group(1)))) {
            effects.add(SchemaChange.drop(COLUMN, table, name(m.group(1))));
        }
    }

    /** The comma-separated actions of an ALTER TABLE, commas inside parentheses kept. */
    private static List<String> actions(String text) {
        List<String> actions = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                actions.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        actions.add(text.substring(start).strip());
        return actions;
    }

    private static SchemaObject.Kind kindOf(String keyword) {
        return switch (keyword.toUpperCase(Locale.ROOT)) {
            case "TABLE" -> TABLE;
            case "INDEX" -> INDEX;
            case "SEQUENCE" -> SEQUENCE;
            default -> VIEW;
        };
    }

    /** {@code "Schema".Table} without quotes, lower-cased. */
    private static String name(String raw) {
        StringBuilder name = new StringBuilder();
        for (String part : raw.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(SchemaEffects.fold(part));
        }
        return name.toString();
    }
}
