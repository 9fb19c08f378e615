package dev.tenantfleet.tenantctl.render;

import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * For a terminal: one live line redrawn with {@code \r},
 * {@code [#####.....] 42/100 migrated, 1 failed, cohort 2/4}; failures and notices are printed above it.
 */
public final class BarProgress extends ProgressView {
    static final int WIDTH = 20;
    private final int columns;
    private int drawn;

    BarProgress(PrintWriter out, int columns) {
        super(out);
        this.columns = columns > 20 ? columns : 80;
    }

    @Override
    protected void onTenant(Instant time, TenantLine line) {
        if (line.state() == TenantReleaseState.FAILED || line.state() == TenantReleaseState.ROLLBACK_FAILED) {
            above(line.text());
            if (line.error() != null) {
                line.error().blockedBy().forEach(session -> above("    blocked by " + session));
            }
        }
        redraw();
    }

    @Override
    protected void onProgress(Instant time, boolean phaseChanged) {
        redraw();
    }

    @Override
    protected void onCompleted(Instant time, ReleaseStatus status, String reason) {
        redraw();
    }

    @Override
    protected void onSnapshot(Instant time, List<TenantLine> missed) {
        missed.stream().filter(line -> line.error() != null).forEach(line -> above(line.text()));
        redraw();
    }

    @Override
    public void notice(Instant time, String message) {
        above("note: " + message);
        redraw();
    }

    @Override
    public void close() {
        if (drawn > 0) {
            out.print('\n');
            drawn = 0;
        }
        out.flush();
    }

    /** The bar line for the current counts. */
    String bar() {
        StringBuilder text = new StringBuilder("[");
        int filled = 0;
        if (counts != null) {
            filled = counts.total() == 0 ? WIDTH : Text.settled(counts) * WIDTH / counts.total();
        }
        text.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        if (counts == null) {
            text.append("waiting for the first progress event");
        } else {
            text.append(counts.migrated()).append('/').append(counts.total()).append(" migrated");
            if (counts.failed() > 0) {
                text.append(", ").append(counts.failed()).append(" failed");
            }
            if (counts.skipped() > 0) {
                text.append(", ").append(counts.skipped()).append(" skipped");
            }
            if (counts.rollingBack() + counts.rolledBack() + counts.rollbackFailed() > 0) {
                text.append(", ").append(counts.rolledBack()).append(" rolled back");
            }
            if (counts.rollbackFailed() > 0) {
                text.append(", ").append(counts.rollbackFailed()).append(" rollback failed");
            }
        }
        if (cohorts > 1) {
            text.append(", cohort ").append(cohort + 1).append('/').append(cohorts);
        }
        if (status != null && status != ReleaseStatus.RUNNING) {
            text.append(" (").append(status).append(')');
        }
        String line = text.toString();
        return line.length() < columns ? line : line.substring(0, columns - 1);
    }

    private void redraw() {
        String line = bar();
        out.print('\r');
        out.print(line);
        if (drawn > line.length()) {
            out.print(" ".repeat(drawn - line.length()));
            out.print('\r');
            out.print(line);
        }
        drawn = line.length();
        out.flush();
    }

    private void above(String text) {
        if (drawn > 0) {
            out.print('\r');
            out.print(" ".repeat(drawn));
            out.print('\r');
            drawn = 0;
        }
        out.print(text);
        out.print('\n');
    }
}
