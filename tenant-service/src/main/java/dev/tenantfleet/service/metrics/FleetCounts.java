package dev.tenantfleet.service.metrics;

import dev.tenantfleet.model.release.ReleaseStatus;
import dev.tenantfleet.model.release.TenantReleaseState;
import dev.tenantfleet.model.tenant.TenantStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One reading of the control database for the fleet gauges: aggregate counts only, never a tenant or a release.
 *
 * @param tenants            tenants by lifecycle status (statuses without tenants absent)
 * @param releasesInProgress unfinished releases by status
 * @param releaseTenants     tenants of the unfinished releases by their state in the release
 * @param outboxUnsent       outbox rows the broker has not confirmed yet
 * @param oldestUnsent       when the oldest of them was written (the app's clock); null when there is none
 */
record FleetCounts(
        Map<TenantStatus, Long> tenants,
        Map<ReleaseStatus, Long> releasesInProgress,
        Map<TenantReleaseState, Long> releaseTenants,
        long outboxUnsent,
        Instant oldestUnsent) {}
