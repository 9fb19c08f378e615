package dev.tenantfleet.tenantctl.render;

import dev.tenantfleet.model.release.ReleaseStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * For logs (stdout is not a terminal): one timestamped line per tenant event, one per change of release phase
 * (status or cohort), blocking sessions indented under a timeout.
 * <pre>
 * 2026-11-21T14:00:00Z acme MIGRATED v1.3 -> v1.4 (812 ms)
 * 2026-11-21T14:00:01Z globex FAILED at v1.3: CHANGESET_SQL_ERROR column "x" does not exist (changeset ...) hint: ...
 * 2026-11-21T14:00:01Z release HALTING, cohort 1/4: 1/100 migrated, 1 failed
 * </pre>
 */
public final class LineProgress extends ProgressView {
    LineProgress(PrintWriter out) {
        super(out);
    }

    @Override
    protected void onTenant(Instant time, TenantLine line) {
        print(time, line);
    }

    @Override
    protected void onProgress(Instant time, boolean phaseChanged) {
        // a terminal status is printed once, by onCompleted, with the release's reason
        if (phaseChanged && (status == null || !status.terminal())) {
            out.println(Text.time(time) + " release " + phase());
            out.flush();
        }
    }

    @Override
    protected void onCompleted(Instant time, ReleaseStatus status, String reason) {
        out.println(Text.time(time) + " release " + status + (reason == null || reason.isBlank() ? "" : ": " + reason));
        out.flush();
    }

    @Override
    protected void onSnapshot(Instant time, List<TenantLine> missed) {
        missed.forEach(line -> print(time, line));
        out.println(Text.time(time) + " release " + phase() + " [from the API]");
        out.flush();
    }

    @Override
    public void notice(Instant time, String message) {
        out.println(Text.time(time) + " note: " + message);
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }

    private void print(Instant time, TenantLine line) {
        out.println(Text.time(time) + " " + line.text());
        if (line.error() != null) {
            line.error().blockedBy().forEach(session -> out.println("    blocked by " + session));
        }
        out.flush();
    }
}
