package dev.tenantfleet.service.fleet;

import dev.tenantfleet.changelog.ChangeSetInfo;
import java.util.List;

/**
 * What a release to {@code targetTag} would do, per tenant: the pending changesets with their migration-safety
 * warnings, and any drift. Tenants that could not be read carry an {@code error}.
 */
public record PlanView(String targetTag, String changelogDigest, List<TenantPlanView> tenants) {
    /**
     * One tenant's plan.
     *
     * @param standing where the tenant stands against the target, read from its database
     * @param drift    history drift, then pending changesets whose objects already exist
     */
    public record TenantPlanView(
            String slug,
            String head,
            Standing standing,
            List<ChangeSetInfo> pending,
            List<String> drift,
            String error) {}

    /** Where a tenant stands against a target. */
    public enum Standing {
        /** Pending changesets to apply. */
        BEHIND,
        /** Nothing pending, its head is the target. */
        AT_TARGET,
        /** Nothing pending, its head is a later tag than the target. */
        AHEAD,
        /** Its database could not be read. */
        UNREADABLE
    }
}
