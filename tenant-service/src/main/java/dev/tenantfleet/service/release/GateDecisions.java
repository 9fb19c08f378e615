package dev.tenantfleet.service.release;

import dev.tenantfleet.model.tenant.TenantStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The read-only gate's decisions within one step: an ACTIVE tenant of the cohort in progress goes READ_ONLY, and
 * returns to what it was once its cohort settled or the release halts, whatever the outcome. A tenant an operator
 * moved meanwhile (say, SUSPENDED) is left as the operator set it. {@link ReadOnlyGate} carries the moves out.
 */
final class GateDecisions {
    private final Map<UUID, TenantStatus> statuses;
    private final StepOutcome outcome;

    GateDecisions(ReleaseSnapshot snapshot, StepOutcome outcome) {
        // the step's own view of the registry: a tenant it closed is READ_ONLY for the rest of the step
        this.statuses = new HashMap<>(snapshot.tenantStatuses());
        this.outcome = outcome;
    }

    /** The tenant's registry status as this step sees it. */
    TenantStatus statusOf(ReleaseTenant tenant) {
        return statuses.get(tenant.tenantId);
    }

    void close(ReleaseTenant tenant) {
        if (tenant.gatedFrom != null || statusOf(tenant) != TenantStatus.ACTIVE) {
            return;
        }
        move(tenant, TenantStatus.READ_ONLY, "read-only gate: schema migration in progress");
        tenant.gatedFrom = TenantStatus.ACTIVE;
    }

    void open(ReleaseTenant tenant) {
        if (tenant.gatedFrom == null) {
            return;
        }
        if (statusOf(tenant) == TenantStatus.READ_ONLY) {
            move(tenant, tenant.gatedFrom, "read-only gate: migration finished (" + tenant.state + ")");
        }
        tenant.gatedFrom = null;
    }

    private void move(ReleaseTenant tenant, TenantStatus to, String reason) {
        outcome.add(new ReleaseEffect.MoveStatus(tenant, statusOf(tenant), to, reason));
        statuses.put(tenant.tenantId, to);
    }
}
