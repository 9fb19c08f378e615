package dev.tenantfleet.tenantctl.render;

import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.model.release.ReleaseCompleted;
import dev.tenantfleet.model.release.ReleaseCounts;
import dev.tenantfleet.model.release.ReleaseProgressed;
import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.ReleaseTenantUpdated;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.tenantctl.api.ReleaseView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows a release while tenantctl follows it: {@link LineProgress} (one line per event, for logs) or
 * {@link BarProgress} (a live single-line bar on a terminal). Both track the latest counts and each tenant's state,
 * so a REST snapshot taken after missed events can print what was missed.
 */
public abstract sealed class ProgressView permits LineProgress, BarProgress {
    protected final PrintWriter out;
    protected final Map<String, TenantReleaseState> states = new HashMap<>();
    protected ReleaseCounts counts;
    protected ReleaseStatus status;
    protected int cohort;
    protected int cohorts;

    protected ProgressView(PrintWriter out) {
        this.out = out;
    }

    /** The view for the output: a bar on a terminal, lines otherwise. */
    public static ProgressView forOutput(PrintWriter out, boolean interactive, int columns) {
        return interactive ? new BarProgress(out, columns) : new LineProgress(out);
    }

    /** A tenant changed state. */
    public final void tenant(Instant time, ReleaseTenantUpdated update) {
        states.put(update.slug(), update.state());
        onTenant(
                time,
                new TenantLine(
                        update.slug(),
                        update.state(),
                        update.headBefore(),
                        update.headAfter(),
                        update.durationMillis(),
                        error(update.error()),
                        false));
    }

    /** The release's status or counts changed. */
    public final void progress(Instant time, ReleaseProgressed progressed) {
        boolean phaseChanged =
                progressed.status() != status || progressed.cohort() != cohort || progressed.cohorts() != cohorts;
        counts = progressed.counts();
        status = progressed.status();
        cohort = progressed.cohort();
        cohorts = progressed.cohorts();
        onProgress(time, phaseChanged);
    }

    /** The release ended. */
    public final void completed(Instant time, ReleaseCompleted completed) {
        counts = completed.counts();
        status = completed.status();
        onCompleted(time, completed.status(), completed.reason());
    }

    /** What the REST API said after a silence on the event stream: prints the tenant changes that were missed. */
    public final void snapshot(Instant time, ReleaseView view) {
        List<TenantLine> missed = new ArrayList<>();
        for (ReleaseView.Tenant tenant : view.tenants()) {
            if (tenant.slug() == null || tenant.state() == null || tenant.state() == TenantReleaseState.PENDING) {
                continue;
            }
            if (states.put(tenant.slug(), tenant.state()) != tenant.state()) {
                ReleaseView.Error error = tenant.error();
                missed.add(new TenantLine(
                        tenant.slug(),
                        tenant.state(),
                        tenant.headBefore(),
                        tenant.headAfter(),
                        tenant.durationMillis(),
                        error == null
                                ? null
                                : new ErrorLine(
                                        error.code(),
                                        error.message(),
                                        error.hint(),
                                        error.changeSet(),
                                        error.blockingSessions().stream()
                                                .map(Text::blockingSession)
                                                .toList()),
                        true));
            }
        }
        if (view.counts() != null) {
            counts = view.counts();
        }
        if (view.status() != null) {
            status = view.status();
        }
        if (view.cohort() != null) {
            cohort = view.cohort();
        }
        if (view.cohorts() != null) {
            cohorts = view.cohorts();
        }
        onSnapshot(time, missed);
    }

    /** Something the operator should know (reconnects, unreadable messages, API fallbacks). */
    public abstract void notice(Instant time, String message);

    /** Ends the live output (the bar's line). */
    public abstract void close();

    protected abstract void onTenant(Instant time, TenantLine line);

    protected abstract void onProgress(Instant time, boolean phaseChanged);

    protected abstract void onCompleted(Instant time, ReleaseStatus status, String reason);

    protected abstract void onSnapshot(Instant time, List<TenantLine> missed);

    /** {@code RUNNING, cohort 2/4: 42/100 migrated, 1 failed} (cohort only when there is more than one). */
    protected String phase() {
        StringBuilder text = new StringBuilder(status == null ? "?" : status.name());
        if (cohorts > 1) {
            text.append(", cohort ").append(cohort + 1).append('/').append(cohorts);
        }
        if (counts != null) {
            text.append(": ")
                    .append(counts.migrated())
                    .append('/')
                    .append(counts.total())
                    .append(" migrated");
            String rest = Text.counts(counts);
            int comma = rest.indexOf(", ");
            if (comma >= 0) {
                text.append(rest.substring(comma));
            }
        }
        return text.toString();
    }

    private static ErrorLine error(MigrationError error) {
        if (error == null) {
            return null;
        }
        return new ErrorLine(
                error.code().name(),
                error.message(),
                error.hint(),
                error.changeSet(),
                error.blockingSessions().stream()
                        .map(session -> Text.blockingSession(
                                dev.tenantfleet.model.envelope.Json.mapper().valueToTree(session)))
                        .toList());
    }

    /** One tenant's change, as printed. */
    public record TenantLine(
            String slug,
            TenantReleaseState state,
            String headBefore,
            String headAfter,
            Long durationMillis,
            ErrorLine error,
            boolean fromApi) {

        /** {@code acme MIGRATED v1.3 -> v1.4 (812 ms)}; failures with code, message, changeset and hint. */
        public String text() {
            StringBuilder text = new StringBuilder(slug).append(' ').append(state);
            switch (state) {
                case MIGRATED ->
                    text.append(' ')
                            .append(Text.head(headBefore))
                            .append(" -> ")
                            .append(Text.head(headAfter));
                case ROLLED_BACK -> text.append(" to ").append(Text.head(headAfter != null ? headAfter : headBefore));
                case ROLLING_BACK ->
                    text.append(' ').append(Text.head(headAfter)).append(" -> ").append(Text.head(headBefore));
                case MIGRATING -> text.append(" from ").append(Text.head(headBefore));
                case FAILED, ROLLBACK_FAILED, SKIPPED, AHEAD ->
                    text.append(" at ").append(Text.head(headAfter != null ? headAfter : headBefore));
                case PENDING -> {}
            }
            String took = Text.millis(durationMillis);
            if (took != null && state.settled()) {
                text.append(" (").append(took).append(')');
            }
            if (error != null) {
                text.append(": ").append(error.text());
            }
            if (fromApi) {
                text.append(" [from the API]");
            }
            return text.toString();
        }
    }

    /** A classified error, as printed. */
    public record ErrorLine(String code, String message, String hint, String changeSet, List<String> blockedBy) {
        public ErrorLine {
            blockedBy = blockedBy == null ? List.of() : List.copyOf(blockedBy);
        }

        /** {@code CODE message (changeset x) hint: ...}. */
        public String text() {
            StringBuilder text = new StringBuilder(code == null ? "ERROR" : code);
            if (message != null && !message.isBlank()) {
                text.append(' ').append(Text.oneLine(message, 500));
            }
            if (changeSet != null && !changeSet.isBlank()) {
                text.append(" (changeset ").append(changeSet).append(')');
            }
            if (hint != null && !hint.isBlank()) {
                text.append(" hint: ").append(hint);
            }
            return text.toString();
        }
    }
}
