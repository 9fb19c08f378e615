package dev.tenantfleet.identity.cleanup;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configured cleanup statement, with its {@code :userId} placeholders turned into JDBC parameters ({@code ::}
 * casts are left alone).
 *
 * @param sql        the statement as JDBC runs it
 * @param parameters how many {@code ?} stand for the user id
 */
record CleanupStatement(String sql, int parameters) {
    private static final Pattern USER_ID = Pattern.compile("(?<![:\\w]):userId\\b");

    /** Parses every configured statement. */
    static List<CleanupStatement> parse(List<String> statements) {
        return statements.stream()
                .map(String::trim)
                .filter(sql -> !sql.isEmpty())
                .map(CleanupStatement::parse)
                .toList();
    }

    static CleanupStatement parse(String statement) {
        Matcher matcher = USER_ID.matcher(statement);
        int count = 0;
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(sql, "?");
            count++;
        }
        matcher.appendTail(sql);
        return new CleanupStatement(sql.toString(), count);
    }
}
