package dev.tenantfleet.model.release;

/** How many of a release's tenants are in each state. */
public record ReleaseCounts(int total, int pending, int migrating, int migrated, int failed, int skipped,
        int rollingBack, int rolledBack, int rollbackFailed) {
}
