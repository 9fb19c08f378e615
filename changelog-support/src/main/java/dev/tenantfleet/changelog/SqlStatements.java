package dev.tenantfleet.changelog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits raw SQL into statements good enough for a lint: comments, literals and dollar-quoted bodies blanked out. */
final class SqlStatements {
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
    // Function bodies and string literals may contain ';' or keywords that are not statements of the migration.
    private static final Pattern DOLLAR_QUOTED = Pattern.compile("\\$(\\w*)\\$.*?\\$\\1\\$", Pattern.DOTALL);
    // Possessive: a plain (?:[^']|'')* recurses once per character and overflows the stack on a long literal (large
    // data files). The same for the dollar-quoted body, matched without backtracking into it.
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']++|'')*+'");
    private static final Pattern DOLLAR_BODY = Pattern.compile("\\$(\\w*)\\$(.*?)\\$\\1\\$", Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SqlStatements() {
    }

    /** The statements of {@code sql}, whitespace-normalised; empty for null or blank SQL. */
    static List<String> of(String sql) {
        List<String> statements = new ArrayList<>();
        if (sql == null || sql.isBlank()) {
            return statements;
        }
        String text = BLOCK_COMMENT.matcher(sql).replaceAll(" ");
        text = LINE_COMMENT.matcher(text).replaceAll(" ");
        text = DOLLAR_QUOTED.matcher(text).replaceAll("\\$\\$");
        text = STRING_LITERAL.matcher(text).replaceAll("''");
        for (String part : text.split(";")) {
            String statement = WHITESPACE.matcher(part).replaceAll(" ").strip();
            if (!statement.isEmpty()) {
                statements.add(statement);
            }
        }
        return statements;
    }

    /**
     * Whether {@code sql} has a dollar-quoted body ({@code $$ ... $$}, {@code $fn$ ... $fn$}) containing a semicolon:
     * Liquibase's statement splitter does not know dollar quotes and would cut such a body at that semicolon.
     */
    static boolean hasDollarQuotedSemicolon(String sql) {
        if (sql == null || sql.indexOf('$') < 0) {
            return false;
        }
        String text = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(sql).replaceAll(" ")).replaceAll(" ");
        Matcher body = DOLLAR_BODY.matcher(text);
        while (body.find()) {
            if (body.group(2).indexOf(';') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A table or type name as PostgreSQL folds it, without schema and quotes. */
    static String name(String raw) {
        String name = raw.replace("\"", "");
        int dot = name.lastIndexOf('.');
        return (dot >= 0 ? name.substring(dot + 1) : name).toLowerCase(Locale.ROOT);
    }
}
