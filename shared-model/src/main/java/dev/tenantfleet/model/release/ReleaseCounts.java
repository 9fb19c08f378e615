package dev.tenantfleet.model.release;

/** How many of a release's tenants are in each state ({@code ahead}: at a later tag than the target, untouched). */
public record ReleaseCounts(
        int total,
        int pending,
        int migrating,
        int migrated,
        int failed,
        int skipped,
        int rollingBack,
        int rolledBack,
        int rollbackFailed,
        Integer ahead) {
    public ReleaseCounts {
        ahead = ahead == null ? 0 : ahead; // boxed: counts written before it existed have none
    }

    /** Counts without tenants ahead of the target (as events written before {@code ahead} existed read). */
    public ReleaseCounts(
            int total,
            int pending,
            int migrating,
            int migrated,
            int failed,
            int skipped,
            int rollingBack,
            int rolledBack,
            int rollbackFailed) {
        this(total, pending, migrating, migrated, failed, skipped, rollingBack, rolledBack, rollbackFailed, 0);
    }
}
