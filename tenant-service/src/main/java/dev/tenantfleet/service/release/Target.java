package dev.tenantfleet.service.release;

import dev.tenantfleet.model.migration.MigrationError;
import dev.tenantfleet.service.tenant.Tenant;

/**
 * What the preflight decided for one tenant a release covers.
 *
 * @param databaseHead the head its database has now (the cached head when it could not be read or is not targeted)
 * @param headCorrected whether the database disagrees with the registry's cached head (the cache is then corrected)
 * @param reason       why it is skipped, ahead or failed; null when it migrates
 * @param error        why it failed before being dispatched; null otherwise
 */
record Target(
        Tenant tenant,
        Outcome outcome,
        String databaseHead,
        boolean headCorrected,
        String reason,
        MigrationError error) {
    /** What happens to the tenant. */
    enum Outcome {
        /** Pending changesets: dispatched in its cohort. */
        MIGRATE,
        /** At the target already, or not in a targeted status. */
        SKIP,
        /** Its database is at a later tag than the target: reported, not touched. */
        AHEAD,
        /** Cannot be migrated as it is (unreadable history, schema drift): failed at once, with its error class. */
        FAIL
    }

    static Target notTargeted(Tenant tenant) {
        return new Target(
                tenant, Outcome.SKIP, tenant.schemaHead, false, "status " + tenant.status + " is not targeted", null);
    }
}
