package dev.tenantfleet.tenantctl.render;

import dev.tenantfleet.model.release.ReleaseCompleted;
import dev.tenantfleet.model.release.ReleaseCounts;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.tenantctl.ExitCodes;
import dev.tenantfleet.tenantctl.api.ReleaseView;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The final summary of a release: status, counts, duration, every failed tenant with its error code and hint, what
 * to do next, and the exit code.
 */
public final class Summary {
    /** Failed tenants printed in full; the rest are counted (all of them are in {@code --json}). */
    static final int MAX_FAILURES_LISTED = 100;

    private Summary() {}

    /**
     * Prints the summary from the release view (preferred) or, when the API could not be read, from the
     * release-completed event.
     */
    public static void print(
            PrintWriter out, UUID releaseId, ReleaseView view, ReleaseCompleted completed, int exitCode) {
        ReleaseStatus status = completed != null ? completed.status() : view != null ? view.status() : null;
        String target = view != null && view.targetTag() != null
                ? view.targetTag()
                : completed != null ? completed.targetTag() : "?";
        out.println();
        out.println("Release " + releaseId + " to " + target + ": " + (status == null ? "UNKNOWN" : status));
        String reason =
                view != null && view.reason() != null ? view.reason() : completed != null ? completed.reason() : null;
        if (reason != null && !reason.isBlank()) {
            out.println("  reason:   " + reason);
        }
        ReleaseCounts counts =
                view != null && view.counts() != null ? view.counts() : completed != null ? completed.counts() : null;
        if (counts != null) {
            out.println("  tenants:  " + counts.total() + " targeted: " + Text.counts(counts));
        }
        if (view != null && view.cohorts() != null && view.cohorts() > 1) {
            out.println("  cohorts:  " + view.cohorts());
        }
        Duration duration = view != null && view.duration() != null
                ? view.duration()
                : completed != null ? Duration.ofMillis(completed.durationMillis()) : null;
        if (view != null && view.rollbackDuration() != null) {
            // a rollback is timed on its own: the release it undid may have ended hours before it was asked for
            out.println("  duration: " + Text.duration(view.rollbackDuration())
                    + " rolling back (the release before it: " + Text.duration(view.durationBeforeRollback()) + ")");
        } else if (duration != null) {
            out.println("  duration: " + Text.duration(duration));
        }
        if (view != null && view.requestedBy() != null) {
            out.println("  by:       " + view.requestedBy());
        }
        printFailures(out, view, completed);
        String next = next(status, releaseId);
        if (next != null) {
            out.println("  next:     " + next);
        }
        if (view == null) {
            out.println("  (summary from the release-completed event: tenant-service's API could not be read)");
        }
        out.println("exit code " + exitCode + ": " + meaning(exitCode, counts));
        out.flush();
    }

    /** The exit code's meaning; a COMPLETED release with tenants ahead of the target says so, never "all at the target". */
    public static String meaning(int exitCode, ReleaseCounts counts) {
        if (exitCode == ExitCodes.OK && counts != null && counts.ahead() > 0) {
            return "completed: every targeted tenant is at the target except " + counts.ahead()
                    + " ahead of it (untouched)";
        }
        return ExitCodes.meaning(exitCode);
    }

    private static void printFailures(PrintWriter out, ReleaseView view, ReleaseCompleted completed) {
        if (view != null) {
            List<ReleaseView.Tenant> failed = view.tenants().stream()
                    .filter(t ->
                            t.state() == TenantReleaseState.FAILED || t.state() == TenantReleaseState.ROLLBACK_FAILED)
                    .toList();
            if (failed.isEmpty()) {
                return;
            }
            out.println("  failed tenants (" + failed.size() + "):");
            if (failed.size() > 1) {
                Map<String, Long> byCode = failed.stream()
                        .collect(Collectors.groupingBy(
                                t -> t.error() == null || t.error().code() == null
                                        ? "UNKNOWN"
                                        : t.error().code(),
                                TreeMap::new,
                                Collectors.counting()));
                out.println("    by error code: "
                        + byCode.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ")));
            }
            failed.stream().limit(MAX_FAILURES_LISTED).forEach(tenant -> {
                String at = Text.head(tenant.headAfter() != null ? tenant.headAfter() : tenant.headBefore());
                String state = tenant.state() == TenantReleaseState.ROLLBACK_FAILED ? " ROLLBACK_FAILED" : "";
                ReleaseView.Error error = tenant.error();
                if (error == null) {
                    out.println("    " + tenant.slug() + state + " at " + at);
                    return;
                }
                StringBuilder line = new StringBuilder("    ")
                        .append(tenant.slug())
                        .append(state)
                        .append(" at ")
                        .append(at)
                        .append(": ")
                        .append(error.code() == null ? "ERROR" : error.code());
                if (error.message() != null) {
                    line.append(' ').append(Text.oneLine(error.message(), 500));
                }
                out.println(line);
                if (error.changeSet() != null) {
                    out.println("      changeset: " + error.changeSet());
                }
                if (error.hint() != null) {
                    out.println("      hint: " + error.hint());
                }
                error.blockingSessions().forEach(s -> out.println("      blocked by " + Text.blockingSession(s)));
            });
            if (failed.size() > MAX_FAILURES_LISTED) {
                out.println("    ... and " + (failed.size() - MAX_FAILURES_LISTED)
                        + " more (all of them are in the --json output)");
            }
        } else if (completed != null && !completed.failedTenants().isEmpty()) {
            out.println("  failed tenants (" + completed.failedTenants().size() + "): "
                    + Text.list(completed.failedTenants(), MAX_FAILURES_LISTED));
        }
    }

    private static String next(ReleaseStatus status, UUID id) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case HALTED ->
                "fix the cause, then `tenantctl release resume " + id + "`, or undo it with `tenantctl "
                        + "release rollback " + id + "`";
            case FAILED ->
                "fix the failed tenants, then converge them with `tenantctl release migrate --target <tag> "
                        + "--only <slugs>`";
            case ROLLED_BACK -> "every tenant this release migrated is back at its previous head";
            case REFUSED -> "nothing was touched; fix what the reason says and start a new release";
            case RUNNING, PAUSED, HALTING, ROLLING_BACK ->
                "still in progress; follow it with `tenantctl release status " + id + "`";
            case COMPLETED -> null;
        };
    }
}
