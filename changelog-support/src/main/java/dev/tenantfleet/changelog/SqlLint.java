package dev.tenantfleet.changelog;

import dev.tenantfleet.changelog.SafetyWarning.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The migration-safety lint of one raw SQL statement (see {@link SafetyLint}). */
final class SqlLint {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String NAME = "([\\w.\"]+)";
    private static final Pattern CREATE_TABLE =
            Pattern.compile("^CREATE (?:UNLOGGED )?TABLE (?:IF NOT EXISTS )?" + NAME, FLAGS);
    private static final Pattern DROP_COLUMN = Pattern.compile("^ALTER TABLE .*\\bDROP COLUMN\\b", FLAGS);
    private static final Pattern DROP_TABLE = Pattern.compile("^DROP TABLE\\b", FLAGS);
    private static final Pattern TYPE_CHANGE =
            Pattern.compile("^ALTER TABLE .*\\bALTER (?:COLUMN )?[\\w\"]+ (?:SET DATA )?TYPE\\b", FLAGS);
    private static final Pattern ALTER_TYPE = Pattern.compile("^ALTER TYPE " + NAME, FLAGS);
    private static final Pattern CREATE_ENUM = Pattern.compile("^CREATE TYPE " + NAME + " AS ENUM\\b", FLAGS);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^CREATE (?:UNIQUE )?INDEX (CONCURRENTLY )?(?:IF NOT EXISTS )?(?:[\\w\"]+ )?ON (?:ONLY )?" + NAME, FLAGS);
    private static final Pattern UPDATE =
            Pattern.compile("^(?:WITH\\b.*\\b)?UPDATE (?:ONLY )?[\\w.\"]+(?: (?:AS )?\\w+)? SET\\b", FLAGS);
    private static final Pattern INSERT_SELECT =
            Pattern.compile("^(?:WITH\\b.*\\b)?INSERT INTO\\b.*\\bSELECT\\b", FLAGS);

    private SqlLint() {}

    /**
     * Adds the warnings of one statement to {@code findings} and records what it creates in {@code lint}. Patterns
     * match its blanked lint text; messages quote its source, literals included, as the changeset wrote it.
     */
    static void inspect(SqlStatements.Statement sql, SafetyLint lint, SafetyLint.Findings findings) {
        String statement = sql.text();
        String source = sql.source();
        Matcher m;
        // One ALTER TABLE can both drop a column and change a type: those two are checked independently.
        if (DROP_COLUMN.matcher(statement).find()) {
            findings.add(Kind.DROPPED_COLUMN, "drops a column: " + abbreviate(source));
        }
        if (TYPE_CHANGE.matcher(statement).find()) {
            findings.add(
                    Kind.TYPE_CHANGE,
                    "changes a column type (may rewrite the table under an exclusive lock): " + abbreviate(source));
        }
        if ((m = CREATE_TABLE.matcher(statement)).find()) {
            lint.tableCreated(m.group(1));
        } else if (DROP_TABLE.matcher(statement).find()) {
            findings.add(Kind.DROPPED_TABLE, "drops a table: " + abbreviate(source));
        } else if ((m = ALTER_TYPE.matcher(statement)).find()) {
            findings.add(Kind.ENUM_CHANGE, "alters type " + SqlStatements.name(m.group(1)) + ": " + abbreviate(source));
        } else if ((m = CREATE_ENUM.matcher(statement)).find()) {
            if (!lint.typeCreated(m.group(1))) {
                findings.add(
                        Kind.ENUM_CHANGE,
                        "re-creates enum type " + SqlStatements.name(m.group(1))
                                + ", which an earlier changeset already created");
            }
        } else if ((m = CREATE_INDEX.matcher(statement)).find()) {
            if (m.group(1) == null && lint.existingTable(m.group(2))) {
                findings.add(
                        Kind.NON_CONCURRENT_INDEX,
                        "builds an index on existing table " + SqlStatements.name(m.group(2))
                                + " without CONCURRENTLY (blocks writes while it builds)");
            }
        } else if (UPDATE.matcher(statement).find()
                || INSERT_SELECT.matcher(statement).find()) {
            findings.add(Kind.DATA_BACKFILL, "rewrites data inside the migration: " + abbreviate(source));
        }
    }

    private static String abbreviate(String source) {
        return source.length() <= 120 ? source : source.substring(0, 117) + "...";
    }
}
