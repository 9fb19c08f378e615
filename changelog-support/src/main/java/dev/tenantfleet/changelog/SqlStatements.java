package dev.tenantfleet.changelog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits raw SQL into statements good enough for a lint (comments, literals and dollar-quoted bodies blanked out), each
 * with its source text for messages.
 */
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
    /** Marks a character inside a literal or dollar-quoted body in the masked copy (never in SQL text itself). */
    private static final char QUOTED = '\u0000';

    private SqlStatements() {}

    /**
     * One statement: {@code text} for the lint (whitespace-normalised, comments dropped, literals and dollar-quoted
     * bodies blanked, so a keyword or ';' inside them is never taken for SQL) and {@code source} for people (the
     * statement as the changeset wrote it: literals and bodies kept, comments dropped, whitespace outside them
     * collapsed).
     */
    record Statement(String text, String source) {}

    /** The lint texts of the statements of {@code sql}; empty for null or blank SQL. */
    static List<String> of(String sql) {
        return statements(sql).stream().map(Statement::text).toList();
    }

    /** The statements of {@code sql}; empty for null or blank SQL. */
    static List<Statement> statements(String sql) {
        List<Statement> statements = new ArrayList<>();
        if (sql == null || sql.isBlank()) {
            return statements;
        }
        // The same blanking as the lint text, but keeping every character's position: ';' left in the masked copy
        // are the statement ends, and the masked copy says which characters of the source are comments.
        char[] masked = sql.toCharArray();
        mask(masked, BLOCK_COMMENT, ' ');
        mask(masked, LINE_COMMENT, ' ');
        mask(masked, DOLLAR_QUOTED, QUOTED);
        mask(masked, STRING_LITERAL, QUOTED);
        int start = 0;
        for (int i = 0; i <= masked.length; i++) {
            if (i == masked.length || masked[i] == ';') {
                String text = lintText(sql.substring(start, i));
                if (!text.isEmpty()) {
                    statements.add(new Statement(text, source(sql, masked, start, i)));
                }
                start = i + 1;
            }
        }
        return statements;
    }

    private static String lintText(String part) {
        String text = BLOCK_COMMENT.matcher(part).replaceAll(" ");
        text = LINE_COMMENT.matcher(text).replaceAll(" ");
        text = DOLLAR_QUOTED.matcher(text).replaceAll("\\$\\$");
        text = STRING_LITERAL.matcher(text).replaceAll("''");
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static void mask(char[] text, Pattern pattern, char fill) {
        Matcher matcher = pattern.matcher(new String(text));
        while (matcher.find()) {
            Arrays.fill(text, matcher.start(), matcher.end(), fill);
        }
    }

    private static String source(String sql, char[] masked, int start, int end) {
        StringBuilder source = new StringBuilder(end - start);
        boolean space = false;
        for (int i = start; i < end; i++) {
            boolean blank = masked[i] != QUOTED && (masked[i] == ' ' || Character.isWhitespace(masked[i]));
            if (blank) {
                space = true;
                continue;
            }
            if (space && source.length() > 0) {
                source.append(' ');
            }
            space = false;
            source.append(sql.charAt(i));
        }
        return source.toString();
    }

    /**
     * Whether {@code sql} has a dollar-quoted body ({@code $$ ... $$}, {@code $fn$ ... $fn$}) containing a semicolon:
     * Liquibase's statement splitter does not know dollar quotes and would cut such a body at that semicolon.
     */
    static boolean hasDollarQuotedSemicolon(String sql) {
        if (sql == null || sql.indexOf('$') < 0) {
            return false;
        }
        String text =
                LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(sql).replaceAll(" ")).replaceAll(" ");
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
