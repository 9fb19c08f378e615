package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Problems;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The release gate's command line: {@code release migrate --target TAG ... --wait}, within the Job's deadline. */
final class ReleaseArgs {
    private ReleaseArgs() {}

    static void check(PodContainer container, List<String> args, JsonNode activeDeadlineSeconds, Problems problems) {
        String where = container.where() + " args";
        if (args.size() < 2 || !args.get(0).equals("release") || !args.get(1).equals("migrate")) {
            problems.add(where, "does not run `release migrate`: " + args);
            return;
        }
        int target = args.indexOf("--target");
        if (target < 0
                || target + 1 >= args.size()
                || args.get(target + 1).isBlank()
                || args.get(target + 1).contains("$(")) {
            problems.add(
                    where,
                    "needs --target with a tag (got "
                            + (target < 0 || target + 1 >= args.size() ? "none" : args.get(target + 1)) + ")");
        }
        if (!args.contains("--wait")) {
            problems.add(where, "needs --wait: without it the Job succeeds as soon as the command is published");
        }
        int timeout = args.indexOf("--wait-timeout");
        long waitSeconds = timeout < 0 || timeout + 1 >= args.size()
                ? Duration.ofHours(2).toSeconds()
                : seconds(args.get(timeout + 1));
        if (!activeDeadlineSeconds.isMissingNode() && activeDeadlineSeconds.asLong() <= waitSeconds) {
            problems.add(
                    container.owner().where(),
                    "activeDeadlineSeconds " + activeDeadlineSeconds.asLong()
                            + " kills tenantctl before its --wait-timeout (" + waitSeconds + " s) can report");
        }
    }

    /** tenantctl's duration forms: 90 (seconds), 120s, 2m, 1h30m, PT2M. */
    static long seconds(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        if (value.matches("\\d+")) {
            return Long.parseLong(value);
        }
        return Duration.parse(value.startsWith("P") ? value : value.contains("D") ? "P" + value : "PT" + value)
                .toSeconds();
    }
}
