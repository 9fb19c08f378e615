package dev.tenantfleet.model.release;

import static dev.tenantfleet.model.envelope.Required.field;

import dev.tenantfleet.model.tenant.TenantStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a migrate-release asks for. Absent optional fields take the documented defaults, so a deploy job
 * only has to name the target.
 *
 * @param targetTag             the changelog tag every targeted tenant must reach
 * @param changelogDigest       the changelog the deploy job expects; null = whatever tenant-service has
 * @param strategy              FANOUT (default) or COHORTS
 * @param cohorts               how COHORTS splits the fleet; ignored for FANOUT
 * @param concurrency           tenants migrating at once, fleet-wide (default 3)
 * @param serverConcurrency     tenants migrating at once per database server; null = each server's own cap
 * @param tenantTimeoutSeconds  per-tenant timeout (default 120)
 * @param statuses              tenants in these statuses are targeted (default ACTIVE, READ_ONLY)
 * @param only                  restrict to these slugs (to converge stragglers); empty = all
 * @param failurePolicy         HALT (default), CONTINUE or ROLLBACK
 * @param failureBudget         failures a cohort may have and still pass (default none)
 * @param readOnlyGate          put each cohort's tenants READ_ONLY while it migrates, then restore them
 * @param allowNonTransactional accept changesets that cannot run in the tenant's single transaction
 */
public record ReleaseSpec(
        String targetTag,
        String changelogDigest,
        ReleaseStrategy strategy,
        CohortPlan cohorts,
        Integer concurrency,
        Integer serverConcurrency,
        Integer tenantTimeoutSeconds,
        Set<TenantStatus> statuses,
        List<String> only,
        FailurePolicy failurePolicy,
        FailureBudget failureBudget,
        Boolean readOnlyGate,
        Boolean allowNonTransactional) {
    /** Statuses targeted when none are given. */
    public static final Set<TenantStatus> DEFAULT_STATUSES = EnumSet.of(TenantStatus.ACTIVE, TenantStatus.READ_ONLY);

    public ReleaseSpec {
        field(targetTag, "targetTag");
        strategy = strategy == null ? ReleaseStrategy.FANOUT : strategy;
        cohorts = cohorts == null ? new CohortPlan(null, null, null, null) : cohorts;
        concurrency = concurrency == null ? 3 : concurrency;
        tenantTimeoutSeconds = tenantTimeoutSeconds == null ? 120 : tenantTimeoutSeconds;
        statuses = statuses == null || statuses.isEmpty() ? DEFAULT_STATUSES : Set.copyOf(statuses);
        only = only == null ? List.of() : List.copyOf(only);
        failurePolicy = failurePolicy == null ? FailurePolicy.HALT : failurePolicy;
        failureBudget = failureBudget == null ? FailureBudget.NONE : failureBudget;
        readOnlyGate = readOnlyGate != null && readOnlyGate;
        allowNonTransactional = allowNonTransactional != null && allowNonTransactional;
        if (concurrency < 1 || serverConcurrency != null && serverConcurrency < 1 || tenantTimeoutSeconds < 1) {
            throw new IllegalArgumentException("concurrency, serverConcurrency and tenantTimeoutSeconds must be >= 1");
        }
    }
}
