package dev.tenantfleet.model.release;

import java.util.Arrays;
import java.util.List;

/** Where a release stands. The terminal ones map to the exit code a deploy job gates on. */
public enum ReleaseStatus {
    /** Tenants are being migrated. */
    RUNNING(false, -1),
    /** Waiting between two cohorts. */
    PAUSED(false, -1),
    /** A cohort failed under HALT or ROLLBACK: in-flight tenants finish, no new ones start. */
    HALTING(false, -1),
    /** Rolling back what the release applied, newest first. */
    ROLLING_BACK(false, -1),
    /** Every targeted tenant is at the target. */
    COMPLETED(true, 0),
    /** Finished under CONTINUE with tenants that failed. */
    FAILED(true, 2),
    /** Stopped after a failed cohort; resumable. */
    HALTED(true, 3),
    /** Every tenant the release migrated is back at its pre-release head. */
    ROLLED_BACK(true, 4),
    /** Refused before it started (preflight): nothing was touched. */
    REFUSED(true, 5);

    private static final List<ReleaseStatus> TERMINAL =
            Arrays.stream(values()).filter(ReleaseStatus::terminal).toList();
    private static final List<ReleaseStatus> UNFINISHED =
            Arrays.stream(values()).filter(s -> !s.terminal()).toList();

    private final boolean terminal;
    private final int exitCode;

    ReleaseStatus(boolean terminal, int exitCode) {
        this.terminal = terminal;
        this.exitCode = exitCode;
    }

    /** Whether the release will not change any more by itself. */
    public boolean terminal() {
        return terminal;
    }

    /** The statuses a release ends in, in declaration order. */
    public static List<ReleaseStatus> terminalStatuses() {
        return TERMINAL;
    }

    /** The statuses of a release still under way, in declaration order. */
    public static List<ReleaseStatus> unfinishedStatuses() {
        return UNFINISHED;
    }

    /** tenantctl's exit code for this outcome: 0 only when every targeted tenant is at the target. */
    public int exitCode() {
        return exitCode;
    }
}
