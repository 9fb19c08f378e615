package dev.tenantfleet.tenantctl;

import dev.tenantfleet.model.release.ReleaseStatus;

/**
 * tenantctl's exit codes: what a deploy job gates on. Terminal release statuses map through
 * {@link ReleaseStatus#exitCode()}; the others are tenantctl's own.
 */
public final class ExitCodes {
    /** The release COMPLETED: every targeted tenant is at the target (or a non-release command succeeded). */
    public static final int OK = 0;
    /** An unexpected error (a bug, an unreadable answer): see the message. */
    public static final int UNEXPECTED = 1;
    /** The release FAILED: it finished under {@code --on-failure continue} with failed tenants. */
    public static final int FAILED = 2;
    /** {@code tenant adopt} / {@code tenant import}: some rows were rejected (the others were registered). */
    public static final int REJECTED = 2;
    /** The release HALTED after a failed cohort (resumable). */
    public static final int HALTED = 3;
    /** The release ROLLED_BACK: every tenant it migrated is back at its previous head. */
    public static final int ROLLED_BACK = 4;
    /**
     * Could not start, or could not find out: REFUSED by preflight, broker or API unreachable or refusing the
     * request (problem answer), unroutable command (tenant-service not running), {@code --wait-timeout} expired.
     */
    public static final int NOT_STARTED = 5;
    /** {@code release status}: the release is still running (not terminal yet). */
    public static final int STILL_RUNNING = 6;
    /** Usage error: unknown or invalid option, missing argument, missing required configuration (EX_USAGE). */
    public static final int USAGE = 64;

    private ExitCodes() {}

    /** The exit code for a release in {@code status}: its own for terminal statuses, {@link #STILL_RUNNING} otherwise. */
    public static int of(ReleaseStatus status) {
        if (status == null) {
            return UNEXPECTED;
        }
        return status.terminal() ? status.exitCode() : STILL_RUNNING;
    }

    /** A short explanation of an exit code, for the summary line. */
    public static String meaning(int code) {
        return switch (code) {
            case OK -> "completed: every targeted tenant is at the target";
            case UNEXPECTED -> "unexpected error";
            case FAILED -> "failed: finished with failed tenants";
            case HALTED -> "halted after a failed cohort";
            case ROLLED_BACK -> "rolled back";
            case NOT_STARTED -> "could not start";
            case STILL_RUNNING -> "still running";
            case USAGE -> "usage error";
            default -> "exit " + code;
        };
    }
}
