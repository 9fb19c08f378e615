package dev.tenantfleet.service.fleet;

import dev.tenantfleet.changelog.ChangeSetInfo;
import java.util.List;

/**
 * What a release to {@code targetTag} would do, per tenant: the pending changesets with their migration-safety
 * warnings, and any drift. Tenants that could not be read carry an {@code error}.
 */
public record PlanView(String targetTag, String changelogDigest, List<TenantPlanView> tenants) {
    /** One tenant's plan. */
    public record TenantPlanView(String slug, String head, List<ChangeSetInfo> pending, List<String> drift, String error) {
    }
}
