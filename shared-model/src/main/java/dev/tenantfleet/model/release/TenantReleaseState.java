package dev.tenantfleet.model.release;

/** Where one tenant stands within a release. */
public enum TenantReleaseState {
    /** Not started yet; stays so when the release halts before reaching it (resume picks it up). */
    PENDING,
    /** A migrate-tenant command is out. */
    MIGRATING,
    /** At the target. */
    MIGRATED,
    /** The migration failed; the tenant is still at its pre-release head (single transaction). */
    FAILED,
    /** Not touched: already at the target (read from its database), or not in a targeted status (suspended, say). */
    SKIPPED,
    /** Not touched: its database is at a later tag than the target. Not at the target, and said so. */
    AHEAD,
    /** A rollback-tenant command is out. */
    ROLLING_BACK,
    /** Back at its pre-release head. */
    ROLLED_BACK,
    /** The rollback failed; the tenant is still at the target. */
    ROLLBACK_FAILED;

    /** Whether nothing more will happen to the tenant in this release unless an operator acts. */
    public boolean settled() {
        return this != PENDING && this != MIGRATING && this != ROLLING_BACK;
    }
}
