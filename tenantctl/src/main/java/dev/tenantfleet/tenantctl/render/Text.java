package dev.tenantfleet.tenantctl.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.model.release.ReleaseCounts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small formatting helpers shared by the renderers. */
public final class Text {
    private Text() {}

    /** {@code 812 ms}, {@code 4.2 s}, {@code 2m 13s}, {@code 1h 02m}. */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "?";
        }
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3_600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /** {@code 812 ms} from milliseconds, or null. */
    public static String millis(Long millis) {
        return millis == null ? null : duration(Duration.ofMillis(millis));
    }

    /** An instant to the second, e.g. {@code 2026-11-21T14:00:00Z}. */
    public static String time(Instant instant) {
        return instant == null ? "?" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A schema head, {@code (none)} for a database without any tag. */
    public static String head(String head) {
        return head == null || head.isBlank() ? "(none)" : head;
    }

    /** {@code 42 migrated, 1 failed, 3 skipped} with every non-zero count (migrated always). */
    public static String counts(ReleaseCounts counts) {
        List<String> parts = new ArrayList<>();
        parts.add(counts.migrated() + " migrated");
        add(parts, counts.failed(), "failed");
        add(parts, counts.skipped(), "skipped");
        add(parts, counts.ahead(), "ahead of the target");
        add(parts, counts.pending(), "pending");
        add(parts, counts.migrating(), "migrating");
        add(parts, counts.rollingBack(), "rolling back");
        add(parts, counts.rolledBack(), "rolled back");
        add(parts, counts.rollbackFailed(), "rollback failed");
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, int count, String label) {
        if (count > 0) {
            parts.add(count + " " + label);
        }
    }

    /** Tenants that will not change any more in this release. */
    public static int settled(ReleaseCounts counts) {
        return Math.max(0, counts.total() - counts.pending() - counts.migrating() - counts.rollingBack());
    }

    /** A drift or blocking-session entry of unknown shape, as one line. */
    public static String node(JsonNode node) {
        if (node == null || node.isNull()) {
            return "?";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("kind", "changeSet", "key", "message", "detail")) {
            JsonNode value = node.get(field);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                parts.add(value.asText());
            }
        }
        return parts.isEmpty() ? node.toString() : String.join(": ", parts);
    }

    /** A blocking session from pg_stat_activity, as one line. */
    public static String blockingSession(JsonNode session) {
        if (session == null || !session.isObject()) {
            return node(session);
        }
        StringBuilder text =
                new StringBuilder("pid ").append(session.path("pid").asText("?"));
        String user = session.path("user").asText("");
        String app = session.path("applicationName").asText("");
        String state = session.path("state").asText("");
        if (!user.isBlank()) {
            text.append(" user ").append(user);
        }
        if (!app.isBlank()) {
            text.append(" app '").append(app).append('\'');
        }
        if (!state.isBlank()) {
            text.append(" (").append(state).append(')');
        }
        String since = session.path("transactionStart").asText("");
        if (!since.isBlank()) {
            text.append(" in a transaction since ").append(since);
        }
        String query = session.path("query").asText("");
        if (!query.isBlank()) {
            text.append(": ").append(oneLine(query, 160));
        }
        return text.toString();
    }

    /** Collapses whitespace and cuts at {@code max} characters. */
    public static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
    }

    /** {@code a, b, c and 7 more}. */
    public static String list(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }

    /** {@code 1 tenant} / {@code 3 tenants}. */
    public static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
