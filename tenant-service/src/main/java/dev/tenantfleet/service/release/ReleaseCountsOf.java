package dev.tenantfleet.service.release;

import dev.tenantfleet.model.release.ReleaseCounts;
import dev.tenantfleet.model.release.TenantReleaseState;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** Counts a release's tenants by state. */
final class ReleaseCountsOf {
    private ReleaseCountsOf() {}

    static ReleaseCounts of(Collection<ReleaseTenant> tenants) {
        Map<TenantReleaseState, Integer> by = new EnumMap<>(TenantReleaseState.class);
        tenants.forEach(tenant -> by.merge(tenant.state, 1, Integer::sum));
        return new ReleaseCounts(
                tenants.size(),
                n(by, TenantReleaseState.PENDING),
                n(by, TenantReleaseState.MIGRATING),
                n(by, TenantReleaseState.MIGRATED),
                n(by, TenantReleaseState.FAILED),
                n(by, TenantReleaseState.SKIPPED),
                n(by, TenantReleaseState.ROLLING_BACK),
                n(by, TenantReleaseState.ROLLED_BACK),
                n(by, TenantReleaseState.ROLLBACK_FAILED),
                n(by, TenantReleaseState.AHEAD));
    }

    private static int n(Map<TenantReleaseState, Integer> by, TenantReleaseState state) {
        return by.getOrDefault(state, 0);
    }
}
